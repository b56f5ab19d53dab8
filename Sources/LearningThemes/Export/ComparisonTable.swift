/// `compare` as a long table (one row per group and theme), the shape R and pandas like.
public enum ComparisonTable {
    public static func table(_ comparison: ThemeComparison, ruleSet: RuleSet) -> DataTable {
        let columns: [DataTable.Column] = [
            .init(id: comparison.grouping.rawValue, label: comparison.grouping.rawValue.capitalized),
            .init(id: "theme", label: "Theme"), .init(id: "label", label: "Label"),
            .init(id: "tagged", label: "Paragraphs tagged"), .init(id: "paragraphs", label: "Paragraphs"),
            .init(id: "share", label: "Share"), .init(id: "share_low", label: "95% CI low"),
            .init(id: "share_high", label: "95% CI high"),
            .init(id: "documents_mentioning", label: "Documents mentioning"), .init(id: "documents", label: "Documents"),
            .init(id: "rest_share", label: "Share in the rest"), .init(id: "rate_ratio", label: "Rate ratio"),
            .init(id: "p_value", label: "Fisher p"), .init(id: "q_value", label: "BH-adjusted p"),
            .init(id: "verdict", label: "Verdict"),
        ]
        var table = DataTable(title: "Themes by \(comparison.grouping.rawValue)", columns: columns)
        func number(_ value: Double?, _ decimals: Int = 4) -> DataTable.Cell {
            guard let value, value.isFinite else { return .empty }
            return .number(value, decimals: decimals)
        }
        for cell in comparison.cells {
            let assessed = cell.assessed
            let rate = assessed.comparison
            table.appendRow([
                .text(cell.group), .text(cell.tag), .text(ruleSet.rule(cell.tag)?.label ?? cell.tag),
                .integer(cell.tagged), .integer(cell.paragraphs), number(rate.groupRate),
                rate.groupInterval.hasData ? number(rate.groupInterval.lower) : .empty,
                rate.groupInterval.hasData ? number(rate.groupInterval.upper) : .empty,
                .integer(cell.documentsMentioning), .integer(cell.documents), number(rate.restRate),
                number(rate.rateRatio, 3), number(rate.pValue, 6), number(assessed.adjustedPValue, 6),
                .text(assessed.verdict.rawValue),
            ])
        }
        return table
    }
}
