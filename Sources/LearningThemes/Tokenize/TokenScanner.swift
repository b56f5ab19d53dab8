/// The byte loop behind `Tokenizer` and the matcher. A state machine over UTF-8 that
/// decodes a scalar only for non-ASCII bytes, so plain English text costs one table
/// look-up per byte. Every folded byte goes to `Sink`, which decides how many it keeps.
struct TokenScanner<Sink: FoldedWordSink> {
    struct Found {
        var start: Int
        var end: Int
        var sentence: Int
    }

    let text: UnsafeBufferPointer<UInt8>
    var sink: Sink
    private let classes: UnsafePointer<UInt8>
    private let lower: UnsafePointer<UInt8>
    private var position = 0
    private var sentence = 0
    private var sentenceEndPending = false
    /// Where the previous word was, to tell "Dr." or "e.g." from the end of a sentence:
    /// only looked at when a full stop follows it, so the word loop does no extra work.
    private var previousStart = 0
    private var previousEnd = -1

    init(text: UnsafeBufferPointer<UInt8>, sink: Sink) {
        self.text = text
        self.sink = sink
        self.classes = ByteClass.classes
        self.lower = ByteClass.lowercase
    }

    // The cold paths (sentence ends, apostrophes, non-ASCII) are static functions of the
    // text alone: a call that took `self` would make the compiler keep the whole scanner
    // in memory around every word, instead of in registers.

    @inline(__always)
    mutating func next() -> Found? {
        let count = text.count
        // Skip to the start of the next word, noting sentence ends on the way.
        while position < count {
            let kind = classes[Int(text[position])]
            if kind == ByteClass.separator {
                position &+= 1
                continue
            }
            if kind == ByteClass.word { break }
            if kind == ByteClass.sentenceEnd {
                if !(previousEnd == position && Abbreviations.contains(text, previousStart..<previousEnd, lower: lower))
                    && TokenScanner.endsSentence(text, after: position) {
                    sentenceEndPending = true
                }
                position &+= 1
                continue
            }
            if kind == ByteClass.multiByte {
                let scalar = UTF8Scalar.decode(text, at: position)
                if ScalarFolding.isWordScalar(scalar.value) { break }
                if scalar.value == 0x2026 && TokenScanner.endsSentence(text, after: position + scalar.length - 1) {
                    sentenceEndPending = true
                }
                position &+= scalar.length
                continue
            }
            position &+= 1
        }
        guard position < count else { return nil }
        if sentenceEndPending {
            sentence &+= 1
            sentenceEndPending = false
        }
        return scanWord()
    }

    @inline(__always)
    private mutating func scanWord() -> Found {
        let count = text.count
        let start = position
        var end = position
        sink.beginWord()
        while position < count {
            let runEnd = sink.appendASCIIRun(text, from: position)
            if runEnd > position {
                position = runEnd
                end = runEnd
                if position == count { break }
            }
            let kind = classes[Int(text[position])]
            if kind == ByteClass.apostrophe {
                let (after, continues) = TokenScanner.afterApostrophe(text, at: position, width: 1)
                position = after
                if !continues { break }
            } else if kind == ByteClass.multiByte {
                let scalar = UTF8Scalar.decode(text, at: position)
                if ScalarFolding.isApostrophe(scalar.value) {
                    let (after, continues) = TokenScanner.afterApostrophe(text, at: position, width: scalar.length)
                    position = after
                    if !continues { break }
                    continue
                }
                guard ScalarFolding.isWordScalar(scalar.value) else { break }
                ScalarFolding.fold(scalar, from: text, at: position) { folded in sink.append(folded) }
                position &+= scalar.length
                end = position
            } else {
                break
            }
        }
        if position == start {
            // Cannot happen for a byte that starts a word; stepping on keeps any input
            // from stalling the scanner.
            position &+= 1
        }
        previousStart = start
        previousEnd = end
        return Found(start: start, end: end, sentence: sentence)
    }

    /// An apostrophe inside a word: `children's` folds to `children` (possessive dropped),
    /// `don't` to `dont`; one at a word's edge just ends the word. Returns where scanning
    /// goes on (past a dropped `'s`, or the letter after the apostrophe) and whether the
    /// word does.
    private static func afterApostrophe(_ text: UnsafeBufferPointer<UInt8>, at position: Int, width: Int) -> (Int, Bool) {
        let after = position + width
        guard after < text.count, ByteClass.classes[Int(text[after])] == ByteClass.word else { return (position, false) }
        let next = text[after]
        if next == UInt8(ascii: "s") || next == UInt8(ascii: "S") {
            let beyond = after + 1
            if beyond >= text.count || !isWordStart(text, at: beyond) { return (beyond, false) }
        }
        return (after, true)
    }

    private static func isWordStart(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let kind = ByteClass.classes[Int(text[index])]
        if kind == ByteClass.word { return true }
        if kind == ByteClass.multiByte {
            return ScalarFolding.isWordScalar(UTF8Scalar.decode(text, at: index).value)
        }
        return false
    }

    /// `.`, `!` or `?` end a sentence when followed by white space, a closing quote or
    /// bracket, or the end of text; `4.14` and `www.cscp.org.uk` do not.
    private static func endsSentence(_ text: UnsafeBufferPointer<UInt8>, after index: Int) -> Bool {
        var next = index + 1
        while next < text.count {
            switch text[next] {
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
enum Abbreviations {
    private static let words: Set<[UInt8]> = Set(["dr", "mr", "ms", "no", "st", "vs", "mrs", "ref", "nos", "cllr", "prof", "approx"].map { Array($0.utf8) })

    /// Whether the word at `range` of `text` (ASCII-folded with `lower`) is one of them.
    static func contains(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lower: UnsafePointer<UInt8>) -> Bool {
        if range.count == 1 { return true }  // initials and e.g./i.e.
        guard range.count <= 6 else { return false }
        return words.contains(range.map { lower[Int(text[$0])] })
    }
}
