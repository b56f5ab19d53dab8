/// Byte-level UTF-8 helpers. The readers work on `[UInt8]` rather than `String`
/// or `Character` so that large files stay linear and fast.
enum UTF8Bytes {
    static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Appends `codePoint` as UTF-8; surrogates and values past U+10FFFF cannot be
    /// encoded, so they become U+FFFD instead of producing invalid output.
    static func append(_ codePoint: UInt32, to output: inout [UInt8]) {
        switch codePoint {
        case 0..<0x80:
            output.append(UInt8(codePoint))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (codePoint >> 6)))
            output.append(UInt8(0x80 | (codePoint & 0x3F)))
        case 0xD800...0xDFFF, 0x110000...:
            output.append(contentsOf: replacementCharacter)
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (codePoint >> 12)))
            output.append(UInt8(0x80 | ((codePoint >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (codePoint & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (codePoint >> 18)))
            output.append(UInt8(0x80 | ((codePoint >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((codePoint >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (codePoint & 0x3F)))
        }
    }

    /// The length of the well-formed UTF-8 sequence starting at `index`, or, when
    /// it is ill-formed, the negated length of its maximal ill-formed prefix (the
    /// unit the Unicode standard says to replace with one U+FFFD).
    /// Follows table 3-7 of the Unicode standard, so overlong forms and encoded
    /// surrogates count as invalid.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let expected: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: expected = 2
        case 0xE0: expected = 3; low = 0xA0
        case 0xED: expected = 3; high = 0x9F
        case 0xE1...0xEF: expected = 3
        case 0xF0: expected = 4; low = 0x90
        case 0xF4: expected = 4; high = 0x8F
        case 0xF1...0xF3: expected = 4
        default: return -1
        }
        var length = 1
        while length < expected {
            let position = index + length
            guard position < bytes.count else { return -length }
            let byte = bytes[position]
            let (min, max) = length == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= min && byte <= max else { return -length }
            length += 1
        }
        return length
    }

    /// 1-based line number of `offset`, counting LF only (CRLF files count the same).
    static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        bytes.withUnsafeBufferPointer { buffer in
            for index in 0..<min(offset, buffer.count) where buffer[index] == 0x0A { line += 1 }
        }
        return line
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    static func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy(isWhitespace)
    }
}
