/// What a byte means to the tokenizer, looked up in a 256-entry table.
enum ByteClass {
    static let separator: UInt8 = 0
    static let word: UInt8 = 1
    static let sentenceEnd: UInt8 = 2
    // The classes from here up may continue a word: the scanner tests for them at once.
    static let apostrophe: UInt8 = 3
    /// The lead byte of a multi-byte UTF-8 sequence: decode it to decide.
    static let multiByte: UInt8 = 4

    /// The tables as raw pointers that live for the whole run, so the hot loop reads them
    /// without array bounds checks or reference counting.
    nonisolated(unsafe) static let classes: UnsafePointer<UInt8> = permanent(table)
    nonisolated(unsafe) static let lowercase: UnsafePointer<UInt8> = permanent(lower)

    /// A copy of `values` that is never freed, for tables that live as long as the process.
    static func permanent<Value: BitwiseCopyable>(_ values: [Value]) -> UnsafePointer<Value> {
        let pointer = UnsafeMutablePointer<Value>.allocate(capacity: values.count)
        pointer.initialize(from: values, count: values.count)
        return UnsafePointer(pointer)
    }

    static let table: [UInt8] = (0..<256).map { value -> UInt8 in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return word
        case UInt8(ascii: "'"): return apostrophe
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): return sentenceEnd
        case 0xC2...0xF4: return multiByte
        default: return separator  // ASCII punctuation, controls, stray continuation bytes
        }
    }

    /// ASCII lower-casing as a table, so folding a byte is one load.
    static let lower: [UInt8] = (0..<256).map { value -> UInt8 in
        let byte = UInt8(value)
        return (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}

/// A byte as `TokenScanner`'s loop reads it, from a 256-entry table its sink provides: for
/// an ASCII letter or digit, the sink's own code for the byte's folded form (zero or more),
/// which the sink steps with; for any other byte, a negative code that says its `ByteClass`.
/// One load then both classifies the byte and gives the sink's step for it.
enum ByteCode {
    /// The codes of bytes that are not ASCII letters or digits are this plus their class.
    private static let nonWord = -8
    static let separator = nonWord + Int(ByteClass.separator)
    static let sentenceEnd = nonWord + Int(ByteClass.sentenceEnd)
    /// This code and those above it may continue a word.
    static let apostrophe = nonWord + Int(ByteClass.apostrophe)
    static let multiByte = nonWord + Int(ByteClass.multiByte)
    /// Where a word meets the end of the text, which ends it as a separator does.
    static let endOfText = separator

    @inline(__always)
    static func isWord(_ code: Int) -> Bool { code >= 0 }

    /// The table for a sink whose code for the folded ASCII letter or digit `byte` is
    /// `wordCode(byte)`, which must not be negative.
    static func table(wordCode: (UInt8) -> Int) -> [Int] {
        (0..<256).map { value in
            let kind = ByteClass.table[value]
            guard kind == ByteClass.word else { return nonWord + Int(kind) }
            let code = wordCode(ByteClass.lower[value])
            precondition(isWord(code), "a word byte's code must not be negative")
            return code
        }
    }
}

/// A decoded scalar and how many bytes it took. Invalid or truncated sequences decode as
/// one byte of U+FFFD, so the scanner always moves forward.
struct UTF8Scalar {
    var value: UInt32
    var length: Int

    init(value: UInt32, length: Int) {
        self.value = value
        self.length = length
    }

    static func decode(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> UTF8Scalar {
        let lead = UInt32(text[index])
        let invalid = UTF8Scalar(value: 0xFFFD, length: 1)
        let needed: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: needed = 1; value = lead & 0x1F
        case 0xE0...0xEF: needed = 2; value = lead & 0x0F
        case 0xF0...0xF4: needed = 3; value = lead & 0x07
        default: return invalid
        }
        guard index + needed < text.count else { return invalid }
        for offset in 1...needed {
            let byte = UInt32(text[index + offset])
            guard byte & 0xC0 == 0x80 else { return invalid }
            value = (value << 6) | (byte & 0x3F)
        }
        return UTF8Scalar(value: value, length: needed + 1)
    }
}
