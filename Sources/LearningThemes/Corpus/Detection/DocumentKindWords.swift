extension MetadataDetector {
    /// Reading a document's kind from the words of its title, and from how it describes
    /// itself when it has no title ("this is the first annual report of ...").
    enum DocumentKindWords {
        /// Kinds in order of specificity: a title that names several is the first listed.
        /// The national panel comes before practice reviews because its name contains
        /// "practice review"; annual reports come last because reviews and audits are
        /// often summarised in them. Only the document's own title is read this way, so a
        /// report that merely cites a national review is not taken for one.
        private static let titleWords: [(kind: DocumentKind, phrases: [String])] = [
            (.rapidReview, ["rapid reviews?"]),
            (.nationalReview, ["child safeguarding practice review panel", "national reviews?"]),
            (.practiceReview, ["local child safeguarding practice reviews?", "lcsprs?", "serious case reviews?",
                               "safeguarding practice reviews?", "practice reviews?"]),
            (.auditReport, ["audits?"]),
            (.inspectionReport, ["joint targeted area inspections?", "jtai", "ofsted", "inspections?"]),
            (.briefing, ["7-minute briefings?", "seven-minute briefings?", "learning briefings?", "briefings?"]),
            (.annualReport, ["annual reports?"]),
        ]

        /// Every phrase in table order, and the place in `titleWords` of the kind each names.
        private static let phrases: (index: PhraseIndex, ranks: [Int]) = {
            let entries = titleWords.enumerated().flatMap { rank, entry in entry.phrases.map { (rank, Phrase($0)) } }
            return (PhraseIndex(entries.map(\.1)), entries.map(\.0))
        }()

        /// The phrase, in table order, written as whole words at `offset`; its index and end.
        private static func phrase(at offset: Int, in text: ScanText) -> (index: Int, end: Int)? {
            guard text.isWordStart(offset) else { return nil }
            return phrases.index.firstMatch(at: offset, in: text) { text.isWordEnd($0) }
        }

        /// The most specific kind the title names.
        static func kind(ofTitle title: String) -> DocumentKind? {
            let text = ScanText(title)
            var found: Int?
            var offset = text.start
            while offset < text.end, found != 0 {
                let byte = text.bytes[offset]
                offset += 1
                // Phrases start with a letter or the 7 of "7-minute briefing", and start a
                // word: after an ASCII letter or digit no word starts (`isWordStart`).
                guard ScalarClass.isASCIILetter(byte) || byte == UInt8(ascii: "7") else { continue }
                let start = offset - 1
                if start > text.start, ScalarClass.isASCIIWord(text.bytes[start - 1]) { continue }
                if let match = phrase(at: start, in: text) {
                    found = min(found ?? .max, phrases.ranks[match.index])
                }
            }
            return found.map { titleWords[$0].kind }
        }

        /// "This annual report ...", "this is the first annual report", "This is the second
        /// annual report of the new ... Partnership": the document naming its own kind.
        /// Only the first such phrase in the window counts.
        static func selfDescribedKind(in window: TextWindow, quote: (() -> String) -> String) -> DetectedValue<DocumentKind>? {
            let text = window.text
            var offset = text.start
            while offset < text.end {
                if text.folded(offset) == UInt8(ascii: "t"), let end = selfDescriptionEnd(at: offset, in: text) {
                    let range = offset..<end
                    guard let kind = kind(ofTitle: text.string(range)) else { return nil }
                    return DetectedValue(value: kind, line: window.lineNumber(at: offset), evidence: quote { window.evidence(for: range) })
                }
                offset += 1
            }
            return nil
        }

        private static let this = Array("this".utf8), isWord = Array("is".utf8)
        private static let determiners = ["the", "our"].map { Array($0.utf8) }

        /// After "this [is the|our [word]] <kind>" at `offset`. The longer readings are
        /// tried first, as "this is the first annual report" should be read whole.
        private static func selfDescriptionEnd(at offset: Int, in text: ScanText) -> Int? {
            guard text.isWordStart(offset), let afterThis = text.wordEnd(this, at: offset),
                  let next = text.gapEnd(from: afterThis) else { return nil }
            if let afterIs = text.wordEnd(isWord, at: next).flatMap(text.gapEnd),
               let afterDeterminer = determiners.lazy.compactMap({ text.wordEnd($0, at: afterIs) }).first
                .flatMap(text.gapEnd) {
                // "the first annual report": one word may come between.
                if let afterWord = text.lettersEnd(from: afterDeterminer).flatMap(text.gapEnd),
                   let end = phrase(after: afterWord, in: text) { return end }
                if let end = phrase(after: afterDeterminer, in: text) { return end }
            }
            return phrase(after: next, in: text)
        }

        /// After a kind phrase that starts at `offset` (just after a space).
        private static func phrase(after offset: Int, in text: ScanText) -> Int? {
            phrases.index.firstMatch(at: offset, in: text) { text.isWordEnd($0) }?.end
        }
    }
}
