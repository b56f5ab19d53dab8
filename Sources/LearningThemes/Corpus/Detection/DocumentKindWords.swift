import Foundation

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
            (.briefing, ["(?:7|seven)[- ]minute briefings?", "learning briefings?", "briefings?"]),
            (.annualReport, ["annual reports?"]),
        ]

        private static let titlePatterns: [(kind: DocumentKind, pattern: TextPattern)] = titleWords.map { entry in
            let words = entry.phrases.map { $0.replacingOccurrences(of: " ", with: PatternPiece.gap) }
            return (entry.kind, TextPattern(#"\b(?:"# + words.joined(separator: "|") + #")\b"#))
        }

        /// The most specific kind the title names.
        static func kind(ofTitle title: String) -> DocumentKind? {
            titlePatterns.first { $0.pattern.isFound(in: title) }?.kind
        }

        /// "This annual report ...", "this is the first annual report", "This is the second
        /// annual report of the new ... Partnership": the document naming its own kind.
        private static let selfDescription: TextPattern = {
            let gap = PatternPiece.gap
            let kinds = titleWords.flatMap(\.phrases).map { $0.replacingOccurrences(of: " ", with: gap) }
            return TextPattern(#"\bthis"# + gap + "(?:is" + gap + "(?:the|our)" + gap + #"(?:[a-z]+"# + gap + ")?)?"
                               + "(?:" + kinds.joined(separator: "|") + #")\b"#)
        }()

        static func selfDescribedKind(in window: TextWindow) -> DetectedValue<DocumentKind>? {
            guard let match = selfDescription.firstMatch(in: window.text),
                  let kind = kind(ofTitle: match.matched) else { return nil }
            return DetectedValue(value: kind, line: window.lineNumber(at: match.range.location),
                                 evidence: window.evidence(for: match.range))
        }
    }
}
