/// Tells from a paragraph's bytes alone, without tokenizing it, that it holds no referring
/// phrase, so most paragraphs with a source in view are turned away at a few instructions
/// per byte (`SourceAnaphor.first`). It may let through a paragraph that holds none (the
/// tokenizer then decides), never turn away one that holds one.
///
/// Every phrase `AnaphorFinder` recognises ends with a word such as "review", "findings" or
/// "noted" (`AnaphorWord.endsPhrase`), and has just before it a word that word can follow
/// ("the review", "was noted", `endsPhrase(after:)`) unless it opens the paragraph.
///
/// A word's folded form is its runs of ASCII letters and digits, lower-cased, joined by what
/// folding makes of the apostrophes and non-ASCII letters between them. So a run with plain
/// ASCII on both sides is a whole word, and the one before it is the run before it when only
/// plain ASCII lies between; a run touching an apostrophe or a non-ASCII byte is a piece
/// of a word, which may fold to a phrase end if it is part of one's spelling. No phrase end
/// can be spelled by non-ASCII letters alone (the tests check this against
/// `ScalarFolding`), so each has a run of its own that this finds.
struct AnaphorScreen {
    /// Per text byte, in either case, bit n set when a phrase end starting with it is n bytes.
    private let lengthsByFirstByte: UnsafePointer<UInt32>
    /// Every piece of every spelling (each run of its bytes), sorted: a run that may be part
    /// of a longer word is found by binary search rather than compared with each spelling.
    private let pieces: [PackedSpelling]

    /// Its tables are written only while it is made.
    nonisolated(unsafe) static let phraseEnds = AnaphorScreen(spellings: AnaphorWord.spellings.filter(\.word.endsPhrase).map(\.spelling))

    /// What a byte is to the screen: one look-up tells a word byte from the others, and of
    /// those, the plain ones (see `isPlain`) from those that may join letters into a word.
    private enum Kind {
        static let plain: UInt8 = 0
        static let word: UInt8 = 1
        static let joining: UInt8 = 2
    }

    /// Its tables are made once and live for the whole run.
    nonisolated(unsafe) private static let kinds: UnsafePointer<UInt8> = ByteClass.permanent((0..<256).map { value -> UInt8 in
        if ByteClass.table[value] == ByteClass.word { return Kind.word }
        return isPlain(UInt8(value)) ? Kind.plain : Kind.joining
    })

    private init(spellings: [[UInt8]]) {
        var lengths = [UInt32](repeating: 0, count: 256)
        for spelling in spellings { lengths[Int(spelling[0])] |= 1 << UInt32(spelling.count) }
        lengthsByFirstByte = ByteClass.permanent((0..<256).map { lengths[Int(ByteClass.lower[$0])] })
        var pieces: [PackedSpelling] = []
        for spelling in spellings {
            spelling.withUnsafeBufferPointer { spelling in
                for start in spelling.indices {
                    for end in (start + 1)...spelling.count {
                        pieces.append(PackedSpelling(UnsafeBufferPointer(rebasing: spelling[start..<end])))
                    }
                }
            }
        }
        self.pieces = pieces.sorted()
    }

    /// False when `text` holds no referring phrase.
    func mayHoldAnaphor(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        // Tables loaded once: a global read in the loop would check its initialisation per word.
        let kinds = Self.kinds, lengths = lengthsByFirstByte
        let count = text.count
        // The last byte that is no word byte: a run that starts before it ends before it,
        // so the loop over a run's bytes needs no bounds check but for the text's last run.
        var runStop = count &- 1
        while runStop >= 0 && kinds[Int(text[runStop])] == Kind.word { runStop &-= 1 }
        var position = 0
        // The kind of the byte before the run at `position`: plain at the start of the text.
        var kindBefore = Kind.plain
        while position < count {
            let kind = kinds[Int(text[position])]
            guard kind == Kind.word else {
                kindBefore = kind
                position &+= 1
                continue
            }
            let start = position
            // The end of the text counts as a plain byte after the run.
            var kindAfter = Kind.plain
            if position < runStop {
                repeat {
                    position &+= 1
                    kindAfter = kinds[Int(text[position])]
                } while kindAfter == Kind.word
            } else {
                position = count
            }
            let run = start..<position
            // A byte on either side may join the run to more letters: a piece of a word.
            if kindBefore != Kind.plain || kindAfter != Kind.plain {
                if isPartOfSomeSpelling(UnsafeBufferPointer(rebasing: text[run])) { return true }
            } else if run.count < 32 && lengths[Int(text[start])] & (1 << UInt32(run.count)) != 0
                        && endsPhrase(text, run) {
                return true
            }
            // The byte after the run is known already: step past it.
            if position < count {
                kindBefore = kindAfter
                position &+= 1
            }
        }
        return false
    }

    /// Whether the whole word `run` can end a referring phrase, given the words before it.
    /// Few words get this far, so the words before are found here, by looking back, rather
    /// than kept track of for every word.
    private func endsPhrase(_ text: UnsafeBufferPointer<UInt8>, _ run: Range<Int>) -> Bool {
        let word = AnaphorWord(UnsafeBufferPointer(rebasing: text[run]))
        guard word.endsPhrase else { return false }
        let previous = Self.run(before: run.lowerBound, in: text)
        // "Findings …" or "Key findings …" need no word before them, but only as a
        // paragraph's first two words.
        if word == .resultNoun {
            guard let previous, Self.run(before: previous.lowerBound, in: text) != nil else { return true }
            let second = Self.run(after: Self.run(after: 0, in: text).upperBound, in: text)
            if !isPlain(text, 0...min(second.upperBound, text.count - 1)) { return true }
        }
        // Nothing before it, unless a word of non-ASCII letters.
        guard let previous else { return !isPlain(text, 0..<run.lowerBound) }
        if !isWholeWord(text, previous) || !isPlain(text, previous.upperBound..<run.lowerBound) { return true }
        return word.endsPhrase(after: AnaphorWord(UnsafeBufferPointer(rebasing: text[previous])))
    }

    /// The last run of ASCII letters and digits that ends at or before `end`, if any.
    private static func run(before end: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var upper = end
        while upper > 0 && kinds[Int(text[upper - 1])] != Kind.word { upper -= 1 }
        guard upper > 0 else { return nil }
        var lower = upper - 1
        while lower > 0 && kinds[Int(text[lower - 1])] == Kind.word { lower -= 1 }
        return lower..<upper
    }

    /// The first run of ASCII letters and digits that starts at or after `start`; there must be one.
    private static func run(after start: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = start
        while kinds[Int(text[lower])] != Kind.word { lower += 1 }
        var upper = lower + 1
        while upper < text.count && kinds[Int(text[upper])] == Kind.word { upper += 1 }
        return lower..<upper
    }

    /// Whether a run of ASCII letters and digits is a word by itself: nothing on either side
    /// can join it to more letters.
    private func isWholeWord(_ text: UnsafeBufferPointer<UInt8>, _ run: Range<Int>) -> Bool {
        (run.lowerBound == 0 || Self.isPlain(text[run.lowerBound - 1]))
            && (run.upperBound == text.count || Self.isPlain(text[run.upperBound]))
    }

    private func isPlain<Bytes: Collection<Int>>(_ text: UnsafeBufferPointer<UInt8>, _ range: Bytes) -> Bool {
        range.allSatisfy { Self.isPlain(text[$0]) }
    }

    /// ASCII other than an apostrophe: it neither is nor ends part of a word scalar.
    @inline(__always)
    private static func isPlain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != UInt8(ascii: "'") }

    /// Whether `piece`, lower-cased, is part of some phrase end's spelling.
    private func isPartOfSomeSpelling(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        guard piece.count <= PackedSpelling.capacity else { return false }
        let packed = PackedSpelling(piece)
        var low = 0, high = pieces.count
        while low < high {
            let middle = (low + high) / 2
            if pieces[middle] < packed { low = middle + 1 } else { high = middle }
        }
        return low < pieces.count && pieces[low] == packed
    }
}
