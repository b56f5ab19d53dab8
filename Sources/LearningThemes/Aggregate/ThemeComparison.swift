/// `compare`: for each group and theme, the group's rate against the rest of the corpus,
/// with a Wilson interval, Fisher's exact test, and Benjamini-Hochberg correction over
/// every test in the table.
public struct ThemeComparison: Sendable {
    public struct Cell: Sendable {
        public var group: String
        public var tag: String
        public var tagged: Int
        public var paragraphs: Int
        public var documentsMentioning: Int
        public var documents: Int
        public var assessed: AssessedRateComparison
    }

    public var grouping: Grouping
    public var source: String?
    public var groups: [GroupTally]
    public var tags: [String]
    /// Row-major: groups.count × tags.count.
    public var cells: [Cell]
    public var significanceLevel: Double

    public func cell(group: Int, tag: Int) -> Cell { cells[group * tags.count + tag] }

    /// - Parameters:
    ///   - tags: indices into the rules of the themes to compare (all themes by default).
    ///   - source: index of a source to restrict paragraphs to.
    public init(_ tally: CorpusTally, by grouping: Grouping, tags: [Int]? = nil, source: Int? = nil,
                significanceLevel: Double = 0.05) throws {
        let tagIndices = tags ?? tally.themeIndices
        let groups = tally.groups(by: grouping, restrictedTo: source)
        let totals = tally.totals(restrictedTo: source)
        var comparisons: [RateComparison] = []
        for group in groups {
            for tag in tagIndices {
                // Grouping by source: the rest is the paragraphs that do not report it.
                comparisons.append(try RateComparison(
                    groupHits: group.tagged[tag], groupTotal: group.paragraphs,
                    restHits: totals.tagged[tag] - group.tagged[tag], restTotal: totals.paragraphs - group.paragraphs))
            }
        }
        let assessed = try RateComparison.compareAll(comparisons, significanceLevel: significanceLevel)
        var cells: [Cell] = []
        for (groupIndex, group) in groups.enumerated() {
            for (position, tag) in tagIndices.enumerated() {
                cells.append(Cell(group: group.name, tag: tally.ruleSet.rules[tag].id, tagged: group.tagged[tag],
                                  paragraphs: group.paragraphs, documentsMentioning: group.documentsMentioning[tag],
                                  documents: group.documentIDs.count,
                                  assessed: assessed[groupIndex * tagIndices.count + position]))
            }
        }
        self.grouping = grouping
        self.source = source.map { tally.ruleSet.rules[$0].id }
        self.groups = groups
        self.tags = tagIndices.map { tally.ruleSet.rules[$0].id }
        self.cells = cells
        self.significanceLevel = significanceLevel
    }

    /// The cells marked over- or under-represented, strongest evidence first.
    public var notable: [Cell] {
        cells.filter { $0.assessed.verdict == .over || $0.assessed.verdict == .under }
            .sorted { ($0.assessed.adjustedPValue ?? 1, $0.group, $0.tag) < ($1.assessed.adjustedPValue ?? 1, $1.group, $1.tag) }
    }
}
