/// The byte loop behind `Tokenizer` and the matcher. A state machine over UTF-8 that
/// decodes a scalar only for non-ASCII bytes, so plain English text costs one table
/// look-up per byte. Every folded byte goes to `Sink`, which decides how many it keeps.
///
/// Push-style: one loop calls back once per word, so position, sentence and the sink stay
/// in registers for the whole paragraph. The loop handles only the common shapes (ASCII
/// words between separators); sentence ends, apostrophes and non-ASCII text go to static
/// functions out of line, so they cost nothing when absent.
enum TokenScanner {
    /// Calls `word` with the sink (having seen the word's folded bytes), the word's byte
    /// range `start..<end` and its sentence number, for each word of `text` in order.
    @inline(__always)
    static func scan<Sink: FoldedWordSink>(_ text: UnsafeBufferPointer<UInt8>, sink: inout Sink,
                                           _ word: (_ sink: Sink, _ start: Int, _ end: Int, _ sentence: Int) -> Void) {
        let count = text.count
        let classes = ByteClass.classes
        let runStop = lastRunStop(text)
        var position = 0
        var sentence = 0
        // Where the previous word was, to tell "Dr." or "e.g." from the end of a sentence.
        var previousStart = 0
        var previousEnd = -1
        // The sentence number goes up at the first sentence end after a word (or before the
        // first word), so the word loop itself never touches it.
        var sentenceEndedAfter = -2
        while position < count {
            let kind = classes[Int(text[position])]
            if kind == ByteClass.separator {
                position &+= 1
                continue
            }
            if kind != ByteClass.word {
                let skip = skipNonWord(text, at: position, previousStart: previousStart, previousEnd: previousEnd)
                if skip.endsSentence && sentenceEndedAfter != previousEnd {
                    sentence &+= 1
                    sentenceEndedAfter = previousEnd
                }
                guard skip.startsWord else {
                    position = skip.next
                    continue
                }
            }
            let start = position
            sink.beginWord()
            position = sink.appendASCIIRun(text, from: position, runStop: runStop)
            var end = position
            if position < count && classes[Int(text[position])] >= ByteClass.apostrophe {
                (position, end) = continueWord(text, from: start, at: position, end: end, runStop: runStop, sink: &sink)
            }
            word(sink, start, end, sentence)
            previousStart = start
            previousEnd = end
        }
    }

    /// The last byte that is not an ASCII letter or digit (-1 if none): a run of them that
    /// starts at or before it stops at or before it, and every byte after it is in a run,
    /// so run loops need no bounds check (see `FoldedWordSink.appendASCIIRun`).
    @inline(__always)
    static func lastRunStop(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var stop = text.count &- 1
        while stop >= 0 && ByteClass.classes[Int(text[stop])] == ByteClass.word { stop &-= 1 }
        return stop
    }

    struct Skip {
        var next: Int
        var startsWord: Bool
        var endsSentence: Bool
    }

    /// At a byte that is neither a separator nor an ASCII word byte outside any word:
    /// whether it starts a word (a non-ASCII letter), else where scanning goes on and
    /// whether it ended a sentence.
    @inline(never)
    static func skipNonWord(_ text: UnsafeBufferPointer<UInt8>, at position: Int,
                            previousStart: Int, previousEnd: Int) -> Skip {
        let kind = ByteClass.classes[Int(text[position])]
        if kind == ByteClass.sentenceEnd {
            let ends = !(previousEnd == position
                && Abbreviations.contains(text, previousStart..<previousEnd, lower: ByteClass.lowercase))
                && endsSentence(text, after: position)
            return Skip(next: position + 1, startsWord: false, endsSentence: ends)
        }
        if kind == ByteClass.multiByte {
            let scalar = UTF8Scalar.decode(text, at: position)
            if ScalarFolding.isWordScalar(scalar.value) { return Skip(next: position, startsWord: true, endsSentence: false) }
            let ends = scalar.value == 0x2026 && endsSentence(text, after: position + scalar.length - 1)
            return Skip(next: position + scalar.length, startsWord: false, endsSentence: ends)
        }
        return Skip(next: position + 1, startsWord: false, endsSentence: false)
    }

    /// Goes on with the word from `wordStart` that has reached an apostrophe or a non-ASCII
    /// byte at `position` (`end` is where the word ends so far). Returns where scanning goes
    /// on and where the word ends.
    @inline(never)
    static func continueWord<Sink: FoldedWordSink>(_ text: UnsafeBufferPointer<UInt8>, from wordStart: Int, at start: Int,
                                                   end wordEnd: Int, runStop: Int, sink: inout Sink) -> (next: Int, end: Int) {
        let count = text.count
        var position = start
        var end = wordEnd
        while position < count {
            let kind = ByteClass.classes[Int(text[position])]
            if kind == ByteClass.apostrophe {
                let (after, continues) = afterApostrophe(text, at: position, width: 1)
                position = after
                if !continues { break }
            } else if kind == ByteClass.multiByte {
                let scalar = UTF8Scalar.decode(text, at: position)
                if ScalarFolding.isApostrophe(scalar.value) {
                    let (after, continues) = afterApostrophe(text, at: position, width: scalar.length)
                    position = after
                    if !continues { break }
                } else {
                    guard ScalarFolding.isWordScalar(scalar.value) else { break }
                    ScalarFolding.fold(scalar, from: text, at: position) { folded in sink.append(folded) }
                    position &+= scalar.length
                    end = position
                }
            } else {
                break
            }
            let runEnd = sink.appendASCIIRun(text, from: position, runStop: runStop)
            if runEnd > position {
                position = runEnd
                end = runEnd
            }
        }
        if position == wordStart {
            // Cannot happen for a byte that starts a word (an ASCII word byte always makes
            // a run); stepping on keeps any input from stalling the scanner.
            position &+= 1
        }
        return (position, end)
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
    /// Each word's lower-case bytes packed into an integer (see `packed`), so a look-up
    /// reads no array and allocates nothing.
    private static let words: [UInt64] = ["dr", "mr", "ms", "no", "st", "vs", "mrs", "ref", "nos", "cllr", "prof", "approx"]
        .map { word in word.utf8.reduce(0) { $0 << 8 | UInt64($1) } }

    /// Whether the word at `range` of `text` (ASCII-folded with `lower`) is one of them.
    static func contains(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lower: UnsafePointer<UInt8>) -> Bool {
        if range.count == 1 { return true }  // initials and e.g./i.e.
        guard range.count <= 6 else { return false }
        let packed = range.reduce(UInt64(0)) { $0 << 8 | UInt64(lower[Int(text[$1])]) }
        return words.contains(packed)
    }
}
