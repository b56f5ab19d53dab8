/// How non-ASCII scalars take part in words: which are letters, which are apostrophes,
/// and what ASCII they fold to. Only scripts and symbols seen in English public-sector
/// documents get special folding; other letters are kept as they are.
enum ScalarFolding {
        static func isApostrophe(_ value: UInt32) -> Bool {
        value == 0x2019 || value == 0x2018 || value == 0x02BC || value == 0x2032
    }

        /// Letters and digits of any script; never an apostrophe (U+02BC is a "letter" to
    /// Unicode, but a word cannot start with it).
    static func isWordScalar(_ value: UInt32) -> Bool {
        switch value {
        case 0x02BC: return false
        case 0x80...0xBF, 0xD7, 0xF7: return false          // Latin-1 symbols, NBSP, ×, ÷
        case 0x2000...0x2BFF: return false                   // punctuation, dashes, bullets, arrows, ✔
        case 0x3000...0x303F, 0xFE00...0xFE0F, 0xFEFF, 0xFFF0...0xFFFF: return false
        case 0x1F000...0x1FFFF: return false                 // emoji and pictographs
        case 0xD800...0xDFFF, 0x110000...: return false
        default: return true
        }
    }

    /// Calls `emit` with each byte of the folded form of a word scalar.
    @inline(__always)
    static func fold(_ scalar: UTF8Scalar, from text: UnsafeBufferPointer<UInt8>, at index: Int, _ emit: (UInt8) -> Void) {
        let value = scalar.value
        if value >= 0xC0 && value <= 0xFF {
            for byte in latin1Folding[Int(value - 0xC0)].utf8 { emit(byte) }
        } else if value >= 0xFB00 && value <= 0xFB06 {
            for byte in ligatureFolding[Int(value - 0xFB00)].utf8 { emit(byte) }
        } else if value == 0x152 || value == 0x153 {
            emit(UInt8(ascii: "o")); emit(UInt8(ascii: "e"))
        } else {
            for offset in 0..<scalar.length { emit(text[index + offset]) }
        }
    }

    /// U+00C0...U+00FF folded to ASCII (× and ÷ are never reached: they are not letters).
        static let latin1Folding: [String] = [
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "x", "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y",
    ]

    /// ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ, which PDF text extraction often leaves in words.
        static let ligatureFolding: [String] = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"]
}
