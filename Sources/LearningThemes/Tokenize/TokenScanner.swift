/// The byte loop behind `Tokenizer` and the matcher. A state machine over UTF-8 that
/// decodes a scalar only for non-ASCII bytes, so plain English text costs one table
/// look-up per byte. Every folded byte goes to `Sink`, which decides how many it keeps.
///
/// Push-style: one loop calls back once per word, so position, sentence and the sink stay
/// in registers for the whole paragraph. Each byte is read once, as its `ByteCode` from the
/// sink's table: that one load both says what the byte is and gives the sink's step for an
/// ASCII letter, so a word of such letters is a single loop of a load and a step per byte.
/// A word after a single separator starts with its first two bytes taken in one go by the
/// sink (`beginWord(withPairAt:)`), tests included. Sentence ends, apostrophes and non-ASCII
/// text go to static functions out of line, so they cost nothing when absent.
enum TokenScanner {
    /// The most words a text of `byteCount` bytes can have: words are separated by at
    /// least one byte, so at most half its bytes, rounded up.
    static func maximumWordCount(byteCount: Int) -> Int { byteCount / 2 + 1 }

    /// How many zero bytes a padded text has after its end (see `scan`): a word that
    /// runs to the end stops at the first, and the two bytes read after it then are not
    /// a word's start. Three would do; four are written in one store.
    static let padding = 4

    /// Calls `word` with the sink (having seen the word's folded bytes), the word's byte
    /// range `start..<end`, its sentence number and its ordinal (0 for the text's first
    /// word), for each word of `text` in order, until it returns false; and `sentenceEnd`
    /// with the number of words so far each time the sentence number goes up (for callers
    /// that keep sentences apart from words, whose loop then has a value less to keep per
    /// word). Returns how many words it was called with.
    ///
    /// `padded` says that `padding` zero bytes follow the text in memory: a run of ASCII
    /// letters and digits then stops at the first of them at the latest, and the loop
    /// need not test for the text's end with every word.
    @inline(__always) @discardableResult
    static func scan<Sink: FoldedWordSink>(_ text: UnsafeBufferPointer<UInt8>, padded: Bool = false, sink: inout Sink,
                                           sentenceEnd: (_ words: Int) -> Void = { _ in },
                                           _ word: (_ sink: Sink, _ start: Int, _ end: Int, _ sentence: Int, _ ordinal: Int) -> Bool) -> Int {
        let codes = sink.byteCodes
        // A run of ASCII letters and digits that starts at or before runStop stops at or
        // before it, so the main loop reads bytes with no bounds check; the text's last
        // word, when it ends the text, is taken after the loop. In a padded text every run
        // stops by the padding, which ends a word as the text's end does.
        let runStop = padded ? text.count &- 1 : lastRunStop(text, codes: codes)
        var position = 0
        var sentence = 0
        var words = 0
        // How many words there were at the last sentence end (-1 before any): the sentence
        // number goes up at the first sentence end after a word (or before the first word),
        // so a run of them, as in "...", counts once.
        var wordsAtSentenceEnd = -1
        scanning: while position <= runStop {
            var code = codes[Int(text[position])]
            if !ByteCode.isWord(code) {
                if code == ByteCode.separator {
                    position &+= 1
                    continue
                }
                // Not straight after a word: those bytes are dealt with below, with the word.
                let skip = skipNonWord(text, at: position, code: code, previousWord: nil)
                if skip.endsSentence && wordsAtSentenceEnd != words {
                    sentence &+= 1
                    wordsAtSentenceEnd = words
                    sentenceEnd(words)
                }
                guard skip.startsWord else {
                    position = skip.next
                    continue
                }
            }
            var start = position
            if ByteCode.isWord(code) {
                let bytes = text.baseAddress.unsafelyUnwrapped
                sink.beginWord()
                // The first step apart from the rest: the compiler then sees that it starts
                // from the state `beginWord` set (the trie's root) and folds that state away.
                sink.step(code)
                position &+= 1
                // The sentence cannot change in the loop below; read from this copy, it stays
                // in one register (read from `sentence`, the compiler kept it in two and
                // copied one to the other with every word).
                let chainSentence = sentence
                // Words parted by one separator, the common case, follow one another in this
                // loop with no other test; any other byte after a word leaves it.
                while true {
                    code = stepRun(bytes, from: &position, codes: codes, sink: &sink)
                    guard code == ByteCode.separator else { break }
                    let goesOn = word(sink, start, position, chainSentence, words)
                    words &+= 1
                    guard goesOn else { return words }
                    position &+= 1
                    // The next word's first two bytes in one go, when both are ASCII letters
                    // or digits; any other start goes round the outer loop. They are there to
                    // read: the byte at runStop is not one, so a run before it ends before it;
                    // in a padded text, they are at most the padding's last two.
                    guard padded || position < runStop, sink.beginWord(withPairAt: bytes + position) else { continue scanning }
                    start = position
                    position &+= 2
                }
            } else {
                // A word that starts with a non-ASCII letter.
                sink.beginWord()
            }
            var end = position
            if code >= ByteCode.apostrophe {
                // Through a copy: were `sink` itself passed by address, it would live in
                // memory for the whole loop, and every word would store and load it.
                var continued = sink
                (position, end) = continueWord(text, from: start, at: position, end: end, sink: &continued)
                sink = continued
                code = position < text.count ? codes[Int(text[position])] : ByteCode.endOfText
            }
            let goesOn = word(sink, start, end, sentence, words)
            words &+= 1
            guard goesOn else { return words }
            // The byte after the word, already loaded: a space is passed at once, and a full
            // stop is judged here, where the word before it is known ("Dr." is no end).
            if code == ByteCode.separator {
                position &+= 1
            } else if code == ByteCode.sentenceEnd {
                if position == end && position &+ 1 < text.count && text[position &+ 1] == UInt8(ascii: " ") {
                    // "word. ", the commonest case, with no call: a space after the stop ends
                    // the sentence unless the word is an abbreviation, and is passed too.
                    if !Abbreviations.contains(text, start..<end) {
                        sentence &+= 1
                        wordsAtSentenceEnd = words
                        sentenceEnd(words)
                    }
                    position &+= 2
                } else {
                    let skip = skipNonWord(text, at: position, code: code, previousWord: position == end ? start..<end : nil)
                    if skip.endsSentence {
                        sentence &+= 1
                        wordsAtSentenceEnd = words
                        sentenceEnd(words)
                    }
                    position = skip.next
                }
            }
        }
        if position < text.count {
            // Every byte from here on is an ASCII letter or digit.
            let start = position
            sink.beginWord()
            stepRunToEnd(text, from: position, codes: codes, sink: &sink)
            _ = word(sink, start, text.count, sentence, words)
            words &+= 1
        }
        return words
    }

    /// Steps `sink` with the ASCII letters and digits from `position` on, up to a byte that
    /// is not one, which must come before the text ends; leaves `position` at that byte and
    /// returns its code.
    @inline(__always)
    private static func stepRun<Sink: FoldedWordSink>(_ bytes: UnsafePointer<UInt8>, from position: inout Int,
                                                      codes: UnsafePointer<Int>, sink: inout Sink) -> Int {
        // Four bytes to a round, read at offsets from one index that moves once a round:
        // most words end within the first round. (Stepping a pointer instead, the compiler
        // kept it in memory across words.)
        var code: Int
        while true {
            code = codes[Int(bytes[position])]
            guard ByteCode.isWord(code) else { break }
            sink.step(code)
            code = codes[Int(bytes[position &+ 1])]
            guard ByteCode.isWord(code) else { position &+= 1; break }
            sink.step(code)
            code = codes[Int(bytes[position &+ 2])]
            guard ByteCode.isWord(code) else { position &+= 2; break }
            sink.step(code)
            code = codes[Int(bytes[position &+ 3])]
            guard ByteCode.isWord(code) else { position &+= 3; break }
            sink.step(code)
            position &+= 4
        }
        return code
    }

    /// Steps `sink` with the bytes of `text` from `start` on, all ASCII letters or digits.
    @inline(__always)
    private static func stepRunToEnd<Sink: FoldedWordSink>(_ text: UnsafeBufferPointer<UInt8>, from start: Int,
                                                           codes: UnsafePointer<Int>, sink: inout Sink) {
        for position in start..<text.count { sink.step(codes[Int(text[position])]) }
    }

    /// The last byte that is not an ASCII letter or digit (-1 if none): a run of them that
    /// starts at or before it stops at or before it, and every byte after it is in a run,
    /// so run loops need no bounds check (see `scan`).
    @inline(__always)
    static func lastRunStop(_ text: UnsafeBufferPointer<UInt8>, codes: UnsafePointer<Int>) -> Int {
        var stop = text.count &- 1
        while stop >= 0 && ByteCode.isWord(codes[Int(text[stop])]) { stop &-= 1 }
        return stop
    }

    struct Skip {
        var next: Int
        var startsWord: Bool
        var endsSentence: Bool
    }

    /// At a byte that is neither a separator nor an ASCII word byte outside any word (its
    /// code is `code`): whether it starts a word (a non-ASCII letter), else where scanning
    /// goes on and whether it ended a sentence. `previousWord` is the word that ends at
    /// `position`, if any.
    @inline(never)
    static func skipNonWord(_ text: UnsafeBufferPointer<UInt8>, at position: Int, code: Int, previousWord: Range<Int>?) -> Skip {
        if code == ByteCode.sentenceEnd {
            let ends = !(previousWord.map { Abbreviations.contains(text, $0) } ?? false) && endsSentence(text, after: position)
            return Skip(next: position + 1, startsWord: false, endsSentence: ends)
        }
        if code == ByteCode.multiByte {
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
                                                   end wordEnd: Int, sink: inout Sink) -> (next: Int, end: Int) {
        let count = text.count
        let codes = sink.byteCodes
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
            // A run of ASCII letters and digits, bounds-checked: this path is rare.
            let runStart = position
            while position < count {
                let code = codes[Int(text[position])]
                guard ByteCode.isWord(code) else { break }
                sink.step(code)
                position &+= 1
            }
            if position > runStart { end = position }
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
    /// Whether the word at `range` of `text`, in any case, is one of them.
    @inline(__always)
    static func contains(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        if range.count == 1 { return true }  // initials and e.g./i.e.
        guard range.count <= 6 else { return false }
        // Setting bit 0x20 lower-cases an ASCII letter and makes no other byte one, and the
        // words are all letters: a byte matches a word's letter just when its lower case does.
        var word: UInt64 = 0
        for index in range { word = word << 8 | UInt64(text[index] | 0x20) }
        // Compared as integers the compiler folds from the literals: no table to load
        // (a global would cost a once-check per look-up) and nothing to allocate.
        switch word {
        case packed("dr"), packed("mr"), packed("ms"), packed("no"), packed("st"), packed("vs"), packed("mrs"),
             packed("ref"), packed("nos"), packed("cllr"), packed("prof"), packed("approx"):
            return true
        default:
            return false
        }
    }

    /// A word of up to 8 ASCII bytes as an integer, its first byte highest.
    @inline(__always)
    static func packed(_ word: StaticString) -> UInt64 {
        UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount).reduce(0) { $0 << 8 | UInt64($1) }
    }
}
