/// The byte loop behind `Tokenizer`. It is a state machine over UTF-8 that decodes a scalar
/// only for non-ASCII bytes, so plain English text costs one table look-up per byte.
@usableFromInline
struct TokenScanner {
    @usableFromInline struct Found {
        @usableFromInline var start: Int
        @usableFromInline var end: Int
        @usableFromInline var sentence: Int
        @usableFromInline var foldedCount: Int
    }

    @usableFromInline let text: UnsafeBufferPointer<UInt8>
    @usableFromInline let folded: UnsafeMutableBufferPointer<UInt8>
    @usableFromInline var position = 0
    @usableFromInline var sentence = 0
    @usableFromInline var sentenceEndPending = false
    /// Folded bytes of the previous token, kept short: only needed to tell "Dr." or "e.g."
    /// from the end of a sentence.
    @usableFromInline var previousWasAbbreviation = false

    @usableFromInline
    init(text: UnsafeBufferPointer<UInt8>, folded: UnsafeMutableBufferPointer<UInt8>) {
        self.text = text
        self.folded = folded
    }

    @usableFromInline
    mutating func next() -> Found? {
        let count = text.count
        // Skip to the start of the next word, noting sentence ends on the way.
        while position < count {
            let byte = text[position]
            let kind = ByteClass.table[Int(byte)]
            if kind == ByteClass.word { break }
            if kind == ByteClass.sentenceEnd {
                if !previousWasAbbreviation && endsSentence(after: position) { sentenceEndPending = true }
                position += 1
                continue
            }
            if kind == ByteClass.multiByte {
                let scalar = UTF8Scalar.decode(text, at: position)
                if ScalarFolding.isWordScalar(scalar.value) { break }
                if scalar.value == 0x2026 && endsSentence(after: position + scalar.length - 1) {
                    sentenceEndPending = true
                }
                position += scalar.length
                continue
            }
            position += 1
        }
        guard position < count else { return nil }
        if sentenceEndPending {
            sentence += 1
            sentenceEndPending = false
        }
        return scanWord()
    }

    @usableFromInline
    mutating func scanWord() -> Found {
        let count = text.count
        let start = position
        var end = position
        var length = 0
        let limit = Tokenizer.maximumFoldedLength
        while position < count {
            let byte = text[position]
            let kind = ByteClass.table[Int(byte)]
            if kind == ByteClass.word {
                if length < limit { folded[length] = ByteClass.lower[Int(byte)]; length += 1 }
                position += 1
                end = position
            } else if kind == ByteClass.apostrophe {
                if !continueAfterApostrophe(width: 1) { break }
            } else if kind == ByteClass.multiByte {
                let scalar = UTF8Scalar.decode(text, at: position)
                if ScalarFolding.isApostrophe(scalar.value) {
                    if !continueAfterApostrophe(width: scalar.length) { break }
                    continue
                }
                guard ScalarFolding.isWordScalar(scalar.value) else { break }
                length = ScalarFolding.appendFolded(scalar, from: text, at: position, into: folded, count: length, limit: limit)
                position += scalar.length
                end = position
            } else {
                break
            }
        }
        previousWasAbbreviation = Abbreviations.contains(UnsafeBufferPointer(rebasing: folded[0..<length]))
        return Found(start: start, end: end, sentence: sentence, foldedCount: length)
    }

    /// An apostrophe inside a word: `children's` folds to `children` (possessive dropped),
    /// `don't` to `dont`; one at a word's edge just ends the word.
    @usableFromInline
    mutating func continueAfterApostrophe(width: Int) -> Bool {
        let after = position + width
        guard after < text.count, ByteClass.table[Int(text[after])] == ByteClass.word else { return false }
        let next = text[after]
        if next == UInt8(ascii: "s") || next == UInt8(ascii: "S") {
            let beyond = after + 1
            if beyond >= text.count || !isWordByteStart(at: beyond) {
                position = beyond
                return false
            }
        }
        position = after
        return true
    }

    @usableFromInline
    func isWordByteStart(at index: Int) -> Bool {
        let kind = ByteClass.table[Int(text[index])]
        if kind == ByteClass.word { return true }
        if kind == ByteClass.multiByte {
            return ScalarFolding.isWordScalar(UTF8Scalar.decode(text, at: index).value)
        }
        return false
    }

    /// `.`, `!` or `?` end a sentence when followed by white space, a closing quote or
    /// bracket, or the end of text; `4.14` and `www.cscp.org.uk` do not.
    @usableFromInline
    func endsSentence(after index: Int) -> Bool {
        var next = index + 1
        while next < text.count {
            let byte = text[next]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): return true
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "\""), UInt8(ascii: "'"),
                 UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): next += 1
            case 0xE2:
                // closing curly quotes ’ ” (E2 80 99 / E2 80 9D)
                if next + 2 < text.count, text[next + 1] == 0x80, text[next + 2] == 0x99 || text[next + 2] == 0x9D {
                    next += 3
                } else {
                    return false
                }
            default: return false
            }
        }
        return true
    }
}

/// Short words after which a full stop does not end a sentence.
@usableFromInline
enum Abbreviations {
    @usableFromInline
    static func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        switch word.count {
        case 1: return true  // initials and e.g./i.e.
        case 2: return matches(word, "dr") || matches(word, "mr") || matches(word, "ms") || matches(word, "no") || matches(word, "st") || matches(word, "vs")
        case 3: return matches(word, "mrs") || matches(word, "ref") || matches(word, "nos")
        case 4: return matches(word, "cllr") || matches(word, "prof")
        case 6: return matches(word, "approx")
        default: return false
        }
    }

    @usableFromInline
    static func matches(_ word: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard word.count == literal.utf8CodeUnitCount else { return false }
        let pointer = literal.utf8Start
        for index in 0..<word.count where word[index] != pointer[index] { return false }
        return true
    }
}
