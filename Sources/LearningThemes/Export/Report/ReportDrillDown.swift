/// The paragraphs behind every non-empty cell. Each cell's block is hidden until a link
/// targets it (CSS `:target`), so the page opens on the overview yet every paragraph is
/// one click away, with no script; without styles all blocks simply show in order.
struct ReportDrillDown {
    let context: ReportContext

    init(_ context: ReportContext) { self.context = context }

    func markup() -> HTML {
        guard let paragraphs = context.paragraphs else {
            return """
            <section id="paragraphs"><h2>Paragraphs behind the cells</h2>
            <p>This report was made without keeping the documents’ paragraphs, so it cannot show them.</p></section>

            """
        }
        var blocks: [HTML] = []
        for group in context.rowOrder {
            for tag in context.comparison.tags.indices {
                let references = paragraphs.references[group * context.comparison.tags.count + tag]
                if !references.isEmpty { blocks.append(block(group: group, tag: tag, references: references)) }
            }
        }
        return """
        <section id="paragraphs">
        <h2>Paragraphs behind the cells</h2>
        <p class="lead">Select a cell in the heatmap, a theme under Notable differences or a value in the charts, and its \
        paragraphs appear here, with the words that matched highlighted and the rules that fired.</p>
        \(HTML.joined(blocks, separator: "\n"))
        </section>

        """
    }

    private func block(group: Int, tag: Int, references: [CellParagraphs.Reference]) -> HTML {
        let anchor = context.anchor(group: group, tag: tag)
        let cell = context.cell(group: group, tag: tag)
        let mark = ReportContext.mark(cell.assessed.verdict)
        let shown = context.report.paragraphsPerCell.map { Array(references.prefix(max(0, $0))) } ?? references
        let items = shown.map { paragraph($0, tag: tag) }
        let truncated: HTML = shown.count < references.count
            ? "<p class=\"truncated\">Showing the first \(ReportNumbers.count(shown.count)) of \(ReportNumbers.count(references.count)) paragraphs.</p>"
            : ""
        return """
        <section class="cell-paragraphs" id="\(anchor)" aria-labelledby="\(anchor)-title">
        <h3 id="\(anchor)-title">\(context.tagLabels[tag]) — \(context.groupNames[group]): \(ReportNumbers.count(cell.tagged)) of \
        \(ReportNumbers.count(cell.paragraphs)) paragraphs (\(ReportNumbers.percent(cell.tagged, of: cell.paragraphs)))\
        \(mark.isEmpty ? "" : " " + mark)</h3>
        <p class="back"><a href="#heatmap">Back to the heatmap</a> · <a href="#bars-\(context.comparison.tags[tag])">\
        \(context.tagLabels[tag]) across all rows</a></p>
        <ol class="paragraphs">
        \(HTML.joined(items, separator: "\n"))
        </ol>
        \(truncated)
        </section>
        """
    }

    private func paragraph(_ reference: CellParagraphs.Reference, tag: Int) -> HTML {
        let document = context.report.analysis.documents[reference.document]
        let item = document.paragraphs[reference.paragraph]
        let paragraph = item.paragraph
        let theme = context.comparison.tags[tag]
        let evidence = item.classification.evidence.filter { $0.label == theme }
        var rules: [String] = []
        for piece in evidence {
            let rule = piece.rule + (piece.inheritedFrom.map { " (\($0.description))" } ?? "")
            if !rules.contains(rule) { rules.append(rule) }
        }
        let others = item.classification.themes.filter { $0 != theme }.map { context.ruleSet.rule($0)?.label ?? $0 }
        var place: [HTML] = ["<code>\(document.paragraphID(paragraph))</code>"]
        if let title = document.metadata.title { place.append("\(title)") }
        place.append("paragraph \(paragraph.index + 1)")
        let lines = paragraph.lines
        place.append(lines.count == 1 ? "line \(lines.lowerBound)" : "lines \(lines.lowerBound)–\(lines.upperBound)")
        if let section = paragraph.section { place.append("section “\(section)”") }
        if paragraph.role != .body { place.append("\(paragraph.role == .listItem ? "list item" : "table row")") }
        let ruleList = HTML.joined(rules.map { "<code>\($0)</code>" }, separator: ", ")
        let alsoTagged: HTML = others.isEmpty ? "" : " <span class=\"also\">Also tagged: \(others.joined(separator: "; "))</span>"
        return """
        <li class="paragraph">
        <p class="where">\(HTML.joined(place, separator: " · "))</p>
        <blockquote>\(EvidenceHighlighter.markup(paragraph.text, evidence: evidence.filter { $0.inheritedFrom == nil }))</blockquote>
        <p class="fired">Rules that fired: \(ruleList).\(alsoTagged)</p>
        </li>
        """
    }
}
