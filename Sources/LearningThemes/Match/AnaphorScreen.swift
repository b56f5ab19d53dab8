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
    /// Per first byte, lower-cased, bit n set when a phrase end starting with it is n bytes.
    private let lengthsByFirstByte: [UInt32]
    private let spellings: [[UInt8]]
    private let longestSpelling: Int

    static let phraseEnds = AnaphorScreen(spellings: AnaphorWord.spellings.filter(\.word.endsPhrase).map(\.spelling))

    private init(spellings: [[UInt8]]) {
        var lengths = [UInt32](repeating: 0, count: 256)
        for spelling in spellings { lengths[Int(spelling[0])] |= 1 << UInt32(spelling.count) }
        lengthsByFirstByte = lengths
        self.spellings = spellings
        longestSpelling = spellings.map(\.count).max() ?? 0
    }

    /// False when `text` holds no referring phrase.
    func mayHoldAnaphor(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        // Tables loaded once: a global read in the loop would check its initialisation per word.
        let classes = ByteClass.classes, lowercase = ByteClass.lowercase
        let count = text.count
        var position = 0
        var previousRun = 0..<0
        var secondRunEnd = -1
        var runsBefore = 0
        while position < count {
            guard classes[Int(text[position])] == ByteClass.word else {
                position &+= 1
                continue
            }
            let start = position
            repeat { position &+= 1 } while position < count && classes[Int(text[position])] == ByteClass.word
            let run = start..<position
            if !isWholeWord(text, run) {
                if isPartOfSomeSpelling(UnsafeBufferPointer(rebasing: text[run])) { return true }
            } else if mayEndPhrase(text, run, lowercase: lowercase) {
                let word = AnaphorWord(UnsafeBufferPointer(rebasing: text[run]))
                // "Findings …" or "Key findings …" need no word before them, but only as a
                // paragraph's first two words.
                if word == .resultNoun && (runsBefore < 2 || !isPlain(text, 0...min(secondRunEnd, count - 1))) { return true }
                if runsBefore == 0 {
                    // Nothing before it, unless a word of non-ASCII letters.
                    if word.endsPhrase && !isPlain(text, 0..<start) { return true }
                } else if !isWholeWord(text, previousRun) || !isPlain(text, previousRun.upperBound..<start) {
                    if word.endsPhrase { return true }
                } else if word.endsPhrase(after: AnaphorWord(UnsafeBufferPointer(rebasing: text[previousRun]))) {
                    return true
                }
            }
            runsBefore &+= 1
            if runsBefore == 2 { secondRunEnd = position }
            previousRun = run
        }
        return false
    }

    /// The first-byte and length test for a phrase end, before any spelling is compared.
    @inline(__always)
    private func mayEndPhrase(_ text: UnsafeBufferPointer<UInt8>, _ run: Range<Int>, lowercase: UnsafePointer<UInt8>) -> Bool {
        run.count < 32
            && lengthsByFirstByte[Int(lowercase[Int(text[run.lowerBound])])] & (1 << UInt32(run.count)) != 0
    }

    /// Whether a run of ASCII letters and digits is a word by itself: nothing on either side
    /// can join it to more letters.
    private func isWholeWord(_ text: UnsafeBufferPointer<UInt8>, _ run: Range<Int>) -> Bool {
        (run.lowerBound == 0 || isPlain(text[run.lowerBound - 1])) && (run.upperBound == text.count || isPlain(text[run.upperBound]))
    }

    private func isPlain<Bytes: Collection<Int>>(_ text: UnsafeBufferPointer<UInt8>, _ range: Bytes) -> Bool {
        range.allSatisfy { isPlain(text[$0]) }
    }

    /// ASCII other than an apostrophe: it neither is nor ends part of a word scalar.
    @inline(__always)
    private func isPlain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != UInt8(ascii: "'") }

    private func isPartOfSomeSpelling(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        guard piece.count <= longestSpelling else { return false }
        let lower = ByteClass.lowercase
        return spellings.contains { spelling in
            spelling.count >= piece.count && (0...(spelling.count - piece.count)).contains { offset in
                piece.indices.allSatisfy { spelling[offset + $0] == lower[Int(piece[$0])] }
            }
        }
    }
}
