/// Precision, recall and F1 of the rules against a gold set, per theme and source, with
/// micro and macro averages, and the paragraphs behind every error.
public struct Evaluation: Sendable {
    public struct Score: Sendable {
        public var id: String
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        /// Paragraphs the gold set gives this id.
        public var support: Int { truePositives + falseNegatives }
        public var precision: Double? { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double? { ratio(truePositives, truePositives + falseNegatives) }
        /// 0 when there is nothing to get right, as scikit-learn reports it.
        public var f1: Double {
            let denominator = 2 * truePositives + falsePositives + falseNegatives
            return denominator == 0 ? 0 : Double(2 * truePositives) / Double(denominator)
        }

        func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
            denominator == 0 ? nil : Double(numerator) / Double(denominator)
        }
    }

    /// A paragraph the rules got wrong for one id.
    public struct Error: Sendable {
        public enum Kind: String, Sendable { case falsePositive = "false-positive", falseNegative = "false-negative" }
        public var kind: Kind
        public var label: String
        public var paragraph: GoldParagraph
        /// What fired, for a false positive (all evidence of the paragraph for a false negative).
        public var evidence: [Evidence]
    }

    public struct Averages: Sendable {
        public var micro: Score
        /// Mean F1 over the ids that occur in the gold set or in the predictions.
        public var macroF1: Double
        public var macroPrecision: Double
        public var macroRecall: Double
    }

    public var themes: [Score]
    public var sources: [Score]
    public var errors: [Error]
    public var paragraphCount: Int

    public var themeAverages: Averages { Evaluation.averages(themes) }
    public var sourceAverages: Averages { Evaluation.averages(sources) }
    /// The 95% bootstrap intervals of the theme and source micro-F1: how much of a
    /// difference this gold set can tell from chance.
    public let themeInterval: BootstrapInterval?
    public let sourceInterval: BootstrapInterval?

    /// Paragraphs that were seen in their document (their sources could be inherited).
    public var paragraphsInContext: Int

    /// Scores `gold` against the rules. Each paragraph is classified from its own text; when
    /// `documents` holds the classified document it came from (by id), the paragraph that
    /// starts on the same line lends its inherited learning sources (from a lead-in, heading,
    /// the paragraph a reference back points to, or the document's declared kind), as
    /// classify shows them.
    public init(matcher: Matcher, gold: [GoldParagraph], documents: [String: ClassifiedDocument] = [:]) {
        var scores: [String: Score] = [:]
        var errors: [Error] = []
        var scratch = MatchScratch(matcher: matcher)
        var inContext = 0
        let starts = documents.mapValues { document in
            Dictionary(document.paragraphs.map { ($0.paragraph.lines.lowerBound, $0) }, uniquingKeysWith: { first, _ in first })
        }
        for rule in matcher.ruleSet.rules { scores[rule.id] = Score(id: rule.id) }
        var themeCounts: [BootstrapInterval.Counts] = []
        var sourceCounts: [BootstrapInterval.Counts] = []
        for paragraph in gold {
            var result = matcher.classify(paragraph.text, scratch: &scratch)
            if let document = paragraph.document, let first = paragraph.lines?.lowerBound,
               let located = starts[document]?[first] {
                inContext += 1
                let context = located.classification
                // A glossary entry is tagged with nothing in its document, whatever it names.
                if GlossarySection.matches(located.paragraph.section) { result = Classification() }
                // Inherited words, and the words by which a paragraph refers back to its source.
                for evidence in context.evidence where evidence.inheritedFrom != nil || evidence.rule == SourceAnaphor.ruleID {
                    if !result.sources.contains(evidence.label) { result.sources.append(evidence.label) }
                    result.evidence.append(evidence)
                }
            }
            let predicted = Set(result.themes + result.sources)
            let expected = paragraph.themes.union(paragraph.sources)
            for id in predicted.union(expected) {
                var score = scores[id] ?? Score(id: id)
                switch (predicted.contains(id), expected.contains(id)) {
                case (true, true): score.truePositives += 1
                case (true, false):
                    score.falsePositives += 1
                    errors.append(Error(kind: .falsePositive, label: id, paragraph: paragraph,
                                        evidence: result.evidence.filter { $0.label == id }))
                case (false, true):
                    score.falseNegatives += 1
                    errors.append(Error(kind: .falseNegative, label: id, paragraph: paragraph, evidence: result.evidence))
                case (false, false): break
                }
                scores[id] = score
            }
            themeCounts.append(.init(predicted: Set(result.themes), expected: paragraph.themes))
            sourceCounts.append(.init(predicted: Set(result.sources), expected: paragraph.sources))
        }
        self.themeInterval = BootstrapInterval(microF1Of: themeCounts)
        self.sourceInterval = BootstrapInterval(microF1Of: sourceCounts)
        self.paragraphsInContext = inContext
        let taxonomy = matcher.ruleSet.taxonomy
        self.themes = taxonomy.themeIDs.compactMap { scores[$0] }
        self.sources = taxonomy.sourceIDs.compactMap { scores[$0] }
        let order = Dictionary(taxonomy.entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.errors = errors.sorted { ((order[$0.label] ?? 0), $0.kind.rawValue, $0.paragraph.line) < ((order[$1.label] ?? 0), $1.kind.rawValue, $1.paragraph.line) }
        self.paragraphCount = gold.count
    }

    static func averages(_ scores: [Score]) -> Averages {
        var micro = Score(id: "micro")
        for score in scores {
            micro.truePositives += score.truePositives
            micro.falsePositives += score.falsePositives
            micro.falseNegatives += score.falseNegatives
        }
        let counted = scores.filter { $0.truePositives + $0.falsePositives + $0.falseNegatives > 0 }
        func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
        return Averages(micro: micro, macroF1: mean(counted.map(\.f1)),
                        macroPrecision: mean(counted.map { $0.precision ?? 0 }),
                        macroRecall: mean(counted.map { $0.recall ?? 0 }))
    }
}
