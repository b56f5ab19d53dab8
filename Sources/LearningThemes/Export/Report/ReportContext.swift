/// What every section of the report needs, worked out once per render.
struct ReportContext {
    let report: HTMLReport
    let comparison: ThemeComparison
    let ruleSet: RuleSet
    /// Per compared tag: its label from the rules.
    let tagLabels: [String]
    /// Per group: the name the report shows (see `displayName`).
    let groupNames: [String]
    /// Group positions in the order rows are shown (see `displayOrder`).
    let rowOrder: [Int]
    let scale: HeatmapScale
    /// Nil when the analysis kept no documents, so there is nothing to drill down to.
    let paragraphs: CellParagraphs?

    init(_ report: HTMLReport) {
        let comparison = report.comparison
        let ruleSet = report.analysis.tally.ruleSet
        self.report = report
        self.comparison = comparison
        self.ruleSet = ruleSet
        tagLabels = comparison.tags.map { ruleSet.rule($0)?.label ?? $0 }
        let shortNames = comparison.groups.map { Self.displayName($0.name, grouping: comparison.grouping) }
        // Two partnerships can shorten to the same name (a Board and a Partnership of one area).
        let uses = shortNames.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        let groupNames = zip(shortNames, comparison.groups).map { uses[$0]! > 1 ? $1.name : $0 }
        self.groupNames = groupNames
        rowOrder = Self.displayOrder(names: comparison.groups.map(\.name), shown: groupNames, grouping: comparison.grouping)
        // a/b < c/d as a·d < c·b, so the largest share is found without rounding.
        let largest = comparison.cells.max { $0.tagged * max($1.paragraphs, 1) < $1.tagged * max($0.paragraphs, 1) }
        scale = HeatmapScale(largestTagged: largest?.tagged ?? 0, ofParagraphs: largest?.paragraphs ?? 0)
        paragraphs = report.analysis.documents.isEmpty
            ? nil : CellParagraphs(comparison: comparison, documents: report.analysis.documents)
    }

    func cell(group: Int, tag: Int) -> ThemeComparison.Cell { comparison.cell(group: group, tag: tag) }

    /// The drill-down anchor of a cell. Positions keep it a valid, unique id whatever
    /// characters a partnership's name has.
    func anchor(group: Int, tag: Int) -> String { "cell-\(group)-\(comparison.tags[tag])" }

    /// Whether the cell links to paragraphs shown in the drill-down.
    func hasDrillDown(group: Int, tag: Int) -> Bool {
        guard let paragraphs else { return false }
        return !paragraphs.references[group * comparison.tags.count + tag].isEmpty
    }

    /// Partnership names without the "Safeguarding Children Partnership" every one of
    /// them carries, which would otherwise fill the narrow row headers (the full name
    /// stays in the documents table and in tooltips); kinds by their label.
    static func displayName(_ name: String, grouping: Grouping) -> String {
        if grouping == .kind { return DocumentKind(rawValue: name)?.label ?? name }
        guard grouping == .partnership else { return name }
        let suffixes = ["local safeguarding children partnership", "safeguarding children partnership",
                        "local safeguarding children board", "safeguarding children board",
                        "safeguarding partnership", "children's safeguarding partnership"]
        let lowered = name.lowercased()
        for suffix in suffixes where lowered.hasSuffix(" " + suffix) {
            let kept = name.dropLast(suffix.count + 1)
            return kept.isEmpty ? name : String(kept)
        }
        return name
    }

    /// Rows in the order a reader looks for them: partnerships alphabetically, periods
    /// in time order (their names sort so), kinds in the taxonomy's order; a group whose
    /// value is unknown comes last. The comparison keeps corpus order, which means
    /// nothing to a reader.
    static func displayOrder(names: [String], shown: [String], grouping: Grouping) -> [Int] {
        func key(_ index: Int) -> (Int, Int, String, Int) {
            let name = names[index]
            let unknown = name.hasPrefix("(") && name.hasSuffix(" unknown)") ? 1 : 0
            let kindRank = grouping == .kind
                ? DocumentKind(rawValue: name).flatMap { DocumentKind.allCases.firstIndex(of: $0) } ?? Int.max : 0
            return (unknown, kindRank, shown[index].lowercased(), index)
        }
        return names.indices.sorted { key($0) < key($1) }
    }

    static func mark(_ verdict: RateVerdict) -> String {
        switch verdict {
        case .over: "▲"
        case .under: "▼"
        case .noDifference: ""
        case .tooFewToTell: "?"
        }
    }

    static func verdictWords(_ verdict: RateVerdict) -> String {
        switch verdict {
        case .over: "more often than the rest of the corpus"
        case .under: "less often than the rest of the corpus"
        case .noDifference: "no clear difference from the rest of the corpus"
        case .tooFewToTell: "too few paragraphs to tell"
        }
    }

    /// "Camden, Neglect: 21 of 982 paragraphs (2.1%), more often than the rest of the corpus".
    func cellSummary(group: Int, tag: Int) -> String {
        let cell = self.cell(group: group, tag: tag)
        return "\(groupNames[group]), \(tagLabels[tag]): \(ReportNumbers.count(cell.tagged)) of "
            + "\(ReportNumbers.count(cell.paragraphs)) paragraphs (\(ReportNumbers.percent(cell.tagged, of: cell.paragraphs))), "
            + Self.verdictWords(cell.assessed.verdict)
    }
}
