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
        detect(bytes, sample: TextSample(bytes))
    }

    /// `sample` is `TextSample(bytes)`, for a caller that also needs it for other tests.
    static func detect(_ bytes: [UInt8], sample: TextSample) -> Detection? {
        if bytes.count >= 2 {
            if bytes[0] == 0xFF && bytes[1] == 0xFE { return Detection(order: .littleEndian, hasByteOrderMark: true) }
            if bytes[0] == 0xFE && bytes[1] == 0xFF { return Detection(order: .bigEndian, hasByteOrderMark: true) }
        }
        let pairs = sample.pairs
        guard pairs >= 4 else { return nil }
        let mostly = pairs * 7 / 10, hardly = pairs / 10
        if sample.zerosAtOdd >= mostly && sample.zerosAtEven <= hardly { return Detection(order: .littleEndian, hasByteOrderMark: false) }
        if sample.zerosAtEven >= mostly && sample.zerosAtOdd <= hardly { return Detection(order: .bigEndian, hasByteOrderMark: false) }
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
