/// Windows-1252, the encoding of most non-UTF-8 text saved on English Windows
/// machines (Word's "plain text", older council web pages). It is Latin-1 except
/// for 0x80-0x9F, where it has the smart quotes, dashes, the euro sign and so on.
enum Windows1252 {
    /// Code points for 0x80-0x9F; 0 marks the five bytes the encoding leaves
    /// undefined, which become U+FFFD.
    private static let highControlRange: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    static func codePoint(of byte: UInt8) -> UInt32 {
        guard byte >= 0x80 && byte <= 0x9F else { return UInt32(byte) }
        let mapped = highControlRange[Int(byte - 0x80)]
        return mapped == 0 ? 0xFFFD : mapped
    }

    /// Converts the whole buffer; NUL bytes become U+FFFD like in UTF-8 input.
    static func decode(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte == 0 {
                output.append(contentsOf: UTF8Bytes.replacementCharacter)
            } else if byte < 0x80 {
                output.append(byte)
            } else {
                UTF8Bytes.append(codePoint(of: byte), to: &output)
            }
        }
        return output
    }
}
