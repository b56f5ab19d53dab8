/// UTF-16 text, which Windows tools ("Unicode" in Notepad, PowerShell redirection)
/// still write. Its NUL-rich bytes must be recognised before the binary check.
enum UTF16Text {
    enum ByteOrder: String {
        case littleEndian = "UTF-16LE"
        case bigEndian = "UTF-16BE"
    }

    struct Detection {
        var order: ByteOrder
        var hasByteOrderMark: Bool
    }

    /// A byte order mark decides; without one, mostly-ASCII UTF-16 is recognised by
    /// its zero high bytes all falling on the same side of each byte pair.
    static func detect(_ bytes: [UInt8]) -> Detection? {
        if bytes.count >= 2 {
            if bytes[0] == 0xFF && bytes[1] == 0xFE { return Detection(order: .littleEndian, hasByteOrderMark: true) }
            if bytes[0] == 0xFE && bytes[1] == 0xFF { return Detection(order: .bigEndian, hasByteOrderMark: true) }
        }
        let sampleLength = min(bytes.count, 8192) & ~1
        let pairs = sampleLength / 2
        guard pairs >= 4 else { return nil }
        var zerosAtEven = 0, zerosAtOdd = 0
        bytes.withUnsafeBufferPointer { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            var index = 0
            // Eight bytes (four pairs) at a time, counting zero bytes by bit tricks: this
            // runs on the start of every text file, and most hold no zero byte at all.
            while index + 8 <= sampleLength {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let zeros = ByteWords.zeroBytes(word)
                if zeros != 0 {
                    zerosAtEven += (zeros & 0x0080_0080_0080_0080).nonzeroBitCount
                    zerosAtOdd += (zeros & 0x8000_8000_8000_8000).nonzeroBitCount
                }
                index += 8
            }
            while index < sampleLength {
                if buffer[index] == 0 { zerosAtEven += 1 }
                if buffer[index + 1] == 0 { zerosAtOdd += 1 }
                index += 2
            }
        }
        let mostly = pairs * 7 / 10, hardly = pairs / 10
        if zerosAtOdd >= mostly && zerosAtEven <= hardly { return Detection(order: .littleEndian, hasByteOrderMark: false) }
        if zerosAtEven >= mostly && zerosAtOdd <= hardly { return Detection(order: .bigEndian, hasByteOrderMark: false) }
        return nil
    }

    /// Converts to UTF-8. Unpaired surrogates and a dangling odd byte become U+FFFD;
    /// the count of those is returned so the caller can warn.
    static func decode(_ bytes: [UInt8], as detection: Detection) -> (utf8: [UInt8], replaced: Int) {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var replaced = 0
        let bigEndian = detection.order == .bigEndian
        var index = detection.hasByteOrderMark ? 2 : 0
        bytes.withUnsafeBufferPointer { buffer in
            func unit(at position: Int) -> UInt32 {
                let first = UInt32(buffer[position]), second = UInt32(buffer[position + 1])
                return bigEndian ? (first << 8 | second) : (second << 8 | first)
            }
            while index + 1 < buffer.count {
                let current = unit(at: index)
                index += 2
                if current >= 0xD800 && current <= 0xDBFF, index + 1 < buffer.count {
                    let next = unit(at: index)
                    if next >= 0xDC00 && next <= 0xDFFF {
                        index += 2
                        UTF8Bytes.append(0x10000 + ((current - 0xD800) << 10) + (next - 0xDC00), to: &output)
                        continue
                    }
                }
                if current >= 0xD800 && current <= 0xDFFF { replaced += 1 }
                UTF8Bytes.append(current, to: &output)
            }
            if index < buffer.count {
                replaced += 1
                output.append(contentsOf: UTF8Bytes.replacementCharacter)
            }
        }
        return (output, replaced)
    }
}
