/// Turns the bytes of a text file, in whatever encoding it arrived, into valid
/// UTF-8, saying in warnings what had to be changed.
enum TextDecoding {
    static func decode(_ raw: [UInt8], name: String) -> (utf8: [UInt8], warnings: [Warning]) {
        decode(raw, name: name, utf16: UTF16Text.detect(raw))
    }

    /// `utf16` is `UTF16Text.detect(raw)`, for a caller that has already worked it out.
    static func decode(_ raw: [UInt8], name: String, utf16: UTF16Text.Detection?) -> (utf8: [UInt8], warnings: [Warning]) {
        var warnings: [Warning] = []
        var bytes = raw
        if let utf16 {
            let (converted, replaced) = UTF16Text.decode(raw, as: utf16)
            let how = utf16.hasByteOrderMark ? "" : " (no byte order mark; recognised from its zero bytes)"
            var message = "decoded from \(utf16.order.rawValue)\(how)"
            if replaced > 0 { message += "; \(replaced) broken code unit\(replaced == 1 ? "" : "s") replaced with U+FFFD" }
            warnings.append(Warning(message, at: SourceLocation(file: name)))
            bytes = converted
        } else if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        }

        let survey = UTF8Survey(bytes)
        if survey.isClean { return (bytes, warnings) }
        if survey.invalidSequences > 0 && survey.validMultibyteSequences == 0 {
            // High bytes that never once form UTF-8 are a legacy single-byte file,
            // and in England that is Windows-1252 (a superset of Latin-1).
            warnings.append(Warning("not valid UTF-8: decoded as Windows-1252", at: SourceLocation(file: name)))
            if survey.nulBytes > 0 { warnings.append(nulWarning(survey, in: bytes, name: name)) }
            return (Windows1252.decode(bytes), warnings)
        }
        if survey.invalidSequences > 0 {
            let count = survey.invalidSequences
            let line = UTF8Bytes.lineNumber(of: survey.firstInvalidOffset, in: bytes)
            warnings.append(Warning(
                "\(count) invalid UTF-8 byte sequence\(count == 1 ? "" : "s") replaced with U+FFFD (first on line \(line))",
                at: SourceLocation(file: name, line: line)))
        }
        if survey.nulBytes > 0 { warnings.append(nulWarning(survey, in: bytes, name: name)) }
        return (replacingProblems(in: bytes), warnings)
    }

    private static func nulWarning(_ survey: UTF8Survey, in bytes: [UInt8], name: String) -> Warning {
        let count = survey.nulBytes
        let line = UTF8Bytes.lineNumber(of: survey.firstNulOffset, in: bytes)
        return Warning("\(count) NUL byte\(count == 1 ? "" : "s") replaced with U+FFFD (first on line \(line))",
                       at: SourceLocation(file: name, line: line))
    }

    /// Copies `bytes`, putting one U+FFFD for each NUL and each maximal invalid
    /// subsequence, the way the Unicode standard recommends.
    private static func replacingProblems(in bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            var cleanStart = 0
            while index < buffer.count {
                let byte = buffer[index]
                if byte != 0 && byte < 0x80 { index += 1; continue }
                let length = byte == 0 ? -1 : UTF8Bytes.sequenceLength(buffer, at: index)
                if length > 0 { index += length; continue }
                output.append(contentsOf: buffer[cleanStart..<index])
                output.append(contentsOf: UTF8Bytes.replacementCharacter)
                index += -length
                cleanStart = index
            }
            output.append(contentsOf: buffer[cleanStart..<buffer.count])
        }
        return output
    }
}

/// One linear pass counting what makes bytes not plain UTF-8 text.
struct UTF8Survey {
    var invalidSequences = 0
    var validMultibyteSequences = 0
    var nulBytes = 0
    var firstInvalidOffset = 0
    var firstNulOffset = 0

    var isClean: Bool { invalidSequences == 0 && nulBytes == 0 }

    init(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            guard let base = raw.baseAddress else { return }
            var index = 0
            while index < buffer.count {
                // 64 bytes at a time while they are all ASCII and none is NUL: almost every
                // byte of an English document goes through here, at under half an
                // instruction a byte.
                while index + 64 <= buffer.count, !ByteVectors.hasNulOrHighByte(in: base, at: index) {
                    index += 64
                }
                // Then a word at a time; the word holding such a byte tells which is the first,
                // so the ASCII bytes before it are not looked at one by one.
                while index + 8 <= buffer.count {
                    let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    let flagged = ByteWords.mayHaveZeroOrHigh(word)
                    if flagged != 0 {
                        index += flagged.trailingZeroBitCount / 8
                        break
                    }
                    index += 8
                }
                guard index < buffer.count else { break }
                let byte = buffer[index]
                if byte != 0 && byte < 0x80 { index += 1; continue }
                if byte == 0 {
                    if nulBytes == 0 { firstNulOffset = index }
                    nulBytes += 1
                    index += 1
                    continue
                }
                let length = UTF8Bytes.sequenceLength(buffer, at: index)
                if length > 0 {
                    validMultibyteSequences += 1
                    index += length
                } else {
                    if invalidSequences == 0 { firstInvalidOffset = index }
                    invalidSequences += 1
                    index += -length
                }
            }
        }
    }
}
