/// The theme matrix that `matrix` exports for Excel, R or Python: rows are documents,
/// partnerships or periods (or themes, for the theme × source and theme × theme views),
/// columns are tag ids, cells are counts, rates or presence.
public struct ThemeMatrix: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Rows × themes.
        case themes
        /// Theme × learning source: paragraphs carrying both.
        case sources
        /// Theme × theme: paragraphs carrying both.
        case cooccurrence
    }

    public enum Values: String, Sendable, CaseIterable {
        /// Paragraphs tagged.
        case counts
        /// Share of the row's paragraphs (for theme rows: of the paragraphs with that theme).
        case rates
        /// 1 where the count is above zero, else 0.
        case presence
    }

    public var table: DataTable

    public init(_ tally: CorpusTally, kind: Kind = .themes, rows: Grouping = .document, values: Values = .counts,
                tags: [Int]? = nil) {
        let rules = tally.ruleSet.rules
        let themes = tags ?? tally.themeIndices
        func column(_ index: Int) -> DataTable.Column { .init(id: rules[index].id, label: rules[index].label) }
        func cell(_ count: Int, of total: Int) -> DataTable.Cell {
            switch values {
            case .counts: .integer(count)
            case .presence: .integer(count > 0 ? 1 : 0)
            case .rates: total > 0 ? .number(Double(count) / Double(total), decimals: 4) : .empty
            }
        }
        switch kind {
        case .themes:
            var columns: [DataTable.Column] = [.init(id: rows.rawValue, label: rows.rawValue.capitalized)]
            if rows == .document {
                columns += [.init(id: "partnership", label: "Partnership"), .init(id: "period", label: "Period"),
                            .init(id: "kind", label: "Kind")]
            }
            columns += [.init(id: "documents", label: "Documents"), .init(id: "paragraphs", label: "Paragraphs")]
            table = DataTable(title: "Theme matrix by \(rows.rawValue) (\(values.rawValue))", columns: columns + themes.map(column))
            tally.forEachGroup(by: rows) { group, facts in
                var row: [DataTable.Cell] = [.text(group.name)]
                row.reserveCapacity(columns.count + themes.count)
                if rows == .document, let facts {
                    row += [Self.text(facts.partnership), Self.text(facts.period), Self.text(facts.kind?.rawValue)]
                }
                row += [.integer(group.documentIDs.count), .integer(group.paragraphs)]
                row += themes.map { cell(group.tagged[$0], of: group.paragraphs) }
                table.appendRow(row)
            }
        case .sources, .cooccurrence:
            let across = kind == .sources ? tally.sourceIndices : themes
            let columns: [DataTable.Column] = [.init(id: "theme", label: "Theme"), .init(id: "paragraphs", label: "Paragraphs")]
            let title = kind == .sources ? "Theme × learning source" : "Theme × theme co-occurrence"
            table = DataTable(title: "\(title) (\(values.rawValue))", columns: columns + across.map(column))
            for first in themes {
                let total = tally.pairCount(first, first)
                var row: [DataTable.Cell] = [.text(rules[first].id), .integer(total)]
                row += across.map { cell(tally.pairCount(first, $0), of: total) }
                table.appendRow(row)
            }
        }
    }

    private static func text(_ value: String?) -> DataTable.Cell { value.map(DataTable.Cell.text) ?? .empty }
}
