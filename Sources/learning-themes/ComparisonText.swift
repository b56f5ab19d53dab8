import Foundation
import LearningThemes

/// The terminal view of `compare`: themes down, groups across, one cell per group with
/// its share of paragraphs, count and a mark for a notable difference.
struct ComparisonText {
    let terminal: Terminal
    let ruleSet: RuleSet

    static func mark(_ verdict: RateVerdict) -> String {
        switch verdict {
        case .over: "▲"
        case .under: "▼"
        case .noDifference: "·"
        case .tooFewToTell: "?"
        }
    }

    func render(_ comparison: ThemeComparison) -> String {
        let letters = comparison.groups.indices.map { Self.columnName($0) }
        var text = terminal.bold("Themes by \(comparison.grouping.rawValue)")
        if let source = comparison.source { text += terminal.bold(", paragraphs reporting \(source)") }
        text += "\n\n"
        for (index, group) in comparison.groups.enumerated() {
            text += "  [\(letters[index])] \(group.name): \(group.documentIDs.count) document(s), \(group.paragraphs) paragraphs\n"
        }
        text += "\n  Share of each group's paragraphs tagged (count), documents mentioning it;\n"
        text += "  ▲/▼ more/less than the rest of the corpus (Fisher, BH q < \(comparison.significanceLevel)), · no clear difference, ? too few to tell\n\n"
        let width = max(comparison.tags.map(\.count).max() ?? 0, 5) + 2
        let cellWidth = 20
        text += "  " + "theme".padding(toLength: width, withPad: " ", startingAt: 0)
            + letters.map { "[\($0)]".padding(toLength: cellWidth, withPad: " ", startingAt: 0) }.joined() + "\n"
        for (tagIndex, tag) in comparison.tags.enumerated() {
            var line = "  " + tag.padding(toLength: width, withPad: " ", startingAt: 0)
            for groupIndex in comparison.groups.indices {
                let cell = comparison.cell(group: groupIndex, tag: tagIndex)
                let share = cell.paragraphs == 0 ? "-" : String(format: "%.1f%%", 100 * Double(cell.tagged) / Double(cell.paragraphs))
                let body = "\(share) (\(cell.tagged)) \(cell.documentsMentioning)/\(cell.documents) \(Self.mark(cell.assessed.verdict))"
                let padded = body.padding(toLength: cellWidth, withPad: " ", startingAt: 0)
                switch cell.assessed.verdict {
                case .over, .under: line += terminal.bold(padded)
                case .tooFewToTell: line += terminal.dim(padded)
                case .noDifference: line += padded
                }
            }
            text += line + "\n"
        }
        text += "\n" + notableSummary(comparison)
        return text
    }

    private func notableSummary(_ comparison: ThemeComparison) -> String {
        let notable = comparison.notable
        var text = terminal.bold("Notable differences") + "\n"
        if notable.isEmpty {
            text += "  None: no group's rate differs from the rest of the corpus by more than chance would explain.\n"
        }
        for cell in notable {
            let rate = cell.assessed.comparison
            let share = (rate.groupRate ?? 0) * 100
            let rest = (rate.restRate ?? 0) * 100
            let interval = rate.groupInterval
            text += String(format: "  %@ %@: %@ %.1f%% of paragraphs (95%% CI %.1f–%.1f%%) vs %.1f%% elsewhere; Fisher p = %.2g, adjusted %.2g\n",
                           Self.mark(cell.assessed.verdict), cell.group, cell.tag, share,
                           interval.lower * 100, interval.upper * 100, rest, rate.pValue, cell.assessed.adjustedPValue ?? 1)
        }
        let tooFew = comparison.cells.filter { $0.assessed.verdict == .tooFewToTell }.count
        if tooFew > 0 {
            text += "  \(tooFew) of \(comparison.cells.count) group-theme cells are too small to tell either way (marked ?).\n"
        }
        return text
    }

    /// A, B, ..., Z, AA, AB...
    static func columnName(_ index: Int) -> String {
        var name = ""
        var value = index
        repeat {
            name = String(UnicodeScalar(UInt8(65 + value % 26))) + name
            value = value / 26 - 1
        } while value >= 0
        return name
    }
}
