/// "Notable differences": the marked cells in plain English, strongest evidence first,
/// and a plain statement of which cells are too small to say anything about.
struct ReportNotable {
    let context: ReportContext

    init(_ context: ReportContext) { self.context = context }

    func markup() -> HTML {
        let notable = context.comparison.notable
        let noun = ReportHeatmap.rowHeading(context.comparison.grouping).lowercased()
        let intro: HTML = notable.isEmpty
            ? "<p>None: no \(noun)’s share of paragraphs on any theme differs from the rest of the corpus by more than chance would explain.</p>"
            : "<p>\(ReportNumbers.count(notable.count)) of the \(ReportNumbers.count(context.comparison.cells.count)) cells differ from the rest of the corpus by more than chance would explain, strongest evidence first. A difference in how often a theme is <em>written about</em> is a prompt to read the paragraphs, not a finding about practice.</p>"
        return """
        <section id="notable">
        <h2>Notable differences</h2>
        \(intro)
        <ol class="findings">
        \(HTML.joined(notable.map(finding), separator: "\n"))
        </ol>
        \(tooFewToTell())
        </section>

        """
    }

    private func finding(_ cell: ThemeComparison.Cell) -> HTML {
        guard let group = context.comparison.groups.firstIndex(where: { $0.name == cell.group }),
              let tag = context.comparison.tags.firstIndex(of: cell.tag) else { return "" }
        let rate = cell.assessed.comparison
        let interval = rate.groupInterval
        let theme: HTML = context.hasDrillDown(group: group, tag: tag)
            ? "<a href=\"#\(context.anchor(group: group, tag: tag))\">\(context.tagLabels[tag])</a>"
            : "\(context.tagLabels[tag])"
        let direction = cell.assessed.verdict == .over ? "over" : "under"
        let adjusted: HTML = cell.assessed.adjustedPValue.map { ReportNumbers.pValue($0) } ?? "not computed"
        let comparative = cell.assessed.verdict == .over ? "more" : "less"
        return """
        <li class="\(direction)"><span class="mark" aria-hidden="true">\(ReportContext.mark(cell.assessed.verdict))</span> \
        <b>\(context.groupNames[group])</b>: \(theme) comes up \(comparative) often than in the rest of the corpus — \
        \(ReportNumbers.percent(rate.groupRate ?? 0)) of its paragraphs (\(ReportNumbers.count(rate.groupHits)) of \
        \(ReportNumbers.count(rate.groupTotal)); 95% confidence interval \(ReportNumbers.percent(interval.lower)) to \
        \(ReportNumbers.percent(interval.upper))) against \(ReportNumbers.percent(rate.restRate ?? 0)) elsewhere \
        (\(ReportNumbers.count(rate.restHits)) of \(ReportNumbers.count(rate.restTotal))). \
        <span class="stats">Fisher’s exact test p = \(ReportNumbers.pValue(rate.pValue)); adjusted for multiple comparisons p = \(adjusted).</span></li>
        """
    }

    private func tooFewToTell() -> HTML {
        let comparison = context.comparison
        let minimum = RateComparison.defaultMinimumGroupParagraphs
        var items: [HTML] = []
        for group in context.rowOrder {
            let tally = comparison.groups[group]
            let few = comparison.tags.indices.filter { context.cell(group: group, tag: $0).assessed.verdict == .tooFewToTell }
            guard !few.isEmpty else { continue }
            let name: HTML = "<b>\(context.groupNames[group])</b> (\(ReportNumbers.count(tally.paragraphs)) paragraphs)"
            if tally.paragraphs < minimum {
                items.append("<li>\(name): every theme, because it has fewer than \(minimum) paragraphs.</li>")
            } else if few.count == comparison.tags.count {
                items.append("<li>\(name): every theme.</li>")
            } else {
                let labels = few.map { context.tagLabels[$0] }.joined(separator: "; ")
                items.append("<li>\(name): \(ReportNumbers.count(few.count)) of \(ReportNumbers.count(comparison.tags.count)) themes — \(labels).</li>")
            }
        }
        guard !items.isEmpty else {
            return "<h3 id=\"too-few\">Too small to tell</h3>\n<p>None: every cell had enough paragraphs to compare.</p>\n"
        }
        let total = comparison.cells.filter { $0.assessed.verdict == .tooFewToTell }.count
        return """
        <h3 id="too-few">Too small to tell (marked ?)</h3>
        <p>For \(ReportNumbers.count(total)) of the \(ReportNumbers.count(comparison.cells.count)) cells the paragraphs are too \
        few to say whether the theme comes up more or less often than elsewhere: the group has fewer than \(minimum) paragraphs, \
        or the theme is so rare that even the most lopsided split could not show a difference. For these cells, \
        “no mark” would be misleading: absence of evidence here is not evidence of no difference.</p>
        <ul class="too-few">
        \(HTML.joined(items, separator: "\n"))
        </ul>

        """
    }
}
