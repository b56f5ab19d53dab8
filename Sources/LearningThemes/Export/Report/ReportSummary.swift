/// The top of the report: what was analysed, how it was grouped, which documents and
/// rules went in, and what could not be read.
struct ReportSummary {
    let context: ReportContext

    init(_ context: ReportContext) { self.context = context }

    /// Documents tables longer than this start folded, so the heatmap stays near the top.
    static let openDocumentLimit = 12

    func markup() -> HTML {
        var out: HTML = "<section id=\"summary\" aria-label=\"Summary\">\n"
        out += facts()
        out += failures()
        out += documents()
        out += rules()
        out += "</section>\n"
        return out
    }

    private var tally: CorpusTally { context.report.analysis.tally }

    private func facts() -> HTML {
        let comparison = context.comparison
        let paragraphs = tally.documents.reduce(0) { $0 + $1.paragraphCount }
        var rows: [HTML] = []
        if let corpus = context.report.corpus { rows.append("<dt>Corpus</dt><dd>\(corpus)</dd>") }
        rows.append("<dt>Documents</dt><dd>\(ReportNumbers.count(tally.documents.count)) read\(unreadNote())</dd>")
        rows.append("<dt>Paragraphs</dt><dd>\(ReportNumbers.count(paragraphs))\(taggedNote())</dd>")
        let grouping = comparison.grouping.rawValue
        rows.append("<dt>Rows of the heatmap</dt><dd>\(ReportNumbers.count(comparison.groups.count)) \(grouping == "kind" ? "kinds of document" : grouping + "s")</dd>")
        if let source = comparison.source {
            rows.append("<dt>Paragraphs counted</dt><dd>only those reporting learning from <b>\(label(source))</b></dd>")
        }
        rows.append("<dt>Themes compared</dt><dd>\(ReportNumbers.count(comparison.tags.count)) of the \(ReportNumbers.count(context.ruleSet.themes.count)) themes with rules</dd>")
        return "<dl class=\"facts\">\n\(HTML.joined(rows, separator: "\n"))\n</dl>\n"
    }

    private func unreadNote() -> HTML {
        let failed = context.report.analysis.failures.count
        return failed == 0 ? "" : "; <a href=\"#unread\">\(ReportNumbers.count(failed)) could not be read</a> and are left out"
    }

    private func taggedNote() -> HTML {
        let documents = context.report.analysis.documents
        guard !documents.isEmpty else { return "" }
        return ", of which \(ReportNumbers.count(paragraphsWithATheme(documents))) carry at least one compared theme"
    }

    private func paragraphsWithATheme(_ documents: [ClassifiedDocument]) -> Int {
        let compared = Set(context.comparison.tags)
        return documents.reduce(0) { total, document in
            total + document.paragraphs.filter { $0.classification.themes.contains(where: compared.contains) }.count
        }
    }

    private func label(_ id: String) -> String { context.ruleSet.rule(id)?.label ?? id }

    private func failures() -> HTML {
        let failures = context.report.analysis.failures
        guard !failures.isEmpty else { return "" }
        let items = failures.map { failure -> HTML in "<li>\(failure.description)</li>" }
        return """
        <div id="unread" class="warning"><p><b>Not in this report:</b> these documents could not be read, \
        so none of the numbers below include them.</p><ul>\(HTML.joined(items, separator: "\n"))</ul></div>

        """
    }

    private func documents() -> HTML {
        let kept = Dictionary(context.report.analysis.documents.map { ($0.metadata.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = tally.documents.map { document -> HTML in
            let facts = document.metadata
            let tagged = kept[facts.id].map { ReportNumbers.count(paragraphsWithATheme([$0])) } ?? "–"
            return """
            <tr><th scope="row"><code>\(facts.id)</code></th><td>\(facts.title ?? "")</td><td>\(facts.partnership ?? "unknown")</td>\
            <td>\(facts.period ?? "unknown")</td><td>\(facts.kind?.label ?? "unknown")</td>\
            <td class="num">\(ReportNumbers.count(document.paragraphCount))</td><td class="num">\(tagged)</td></tr>
            """
        }
        let open: HTML = tally.documents.count <= Self.openDocumentLimit ? " open" : ""
        return """
        <details id="documents"\(open)><summary>Documents (\(ReportNumbers.count(tally.documents.count)))</summary>
        <table class="documents">
        <thead><tr><th scope="col">Id</th><th scope="col">Title</th><th scope="col">Partnership</th><th scope="col">Period</th>\
        <th scope="col">Kind</th><th scope="col" class="num">Paragraphs</th><th scope="col" class="num">With a compared theme</th></tr></thead>
        <tbody>
        \(HTML.joined(rows, separator: "\n"))
        </tbody>
        </table>
        </details>

        """
    }

    private func rules() -> HTML {
        let ruleSet = context.ruleSet
        let compared = Set(context.comparison.tags)
        let rows = ruleSet.rules.filter { compared.contains($0.id) }.map { rule -> HTML in
            let matches = rule.clauses.filter { $0.effect == .match }.map(\.id)
            let excludes = rule.clauses.filter { $0.effect == .exclude }.map(\.id)
            return """
            <tr><th scope="row">\(rule.label)<br><code>\(rule.id)</code></th><td>\(rule.group == .practice ? "practice" : "harm")</td>\
            <td>\(matches.joined(separator: ", "))</td><td>\(excludes.isEmpty ? "–" : excludes.joined(separator: ", "))</td></tr>
            """
        }
        let clauses = ruleSet.rules.reduce(0) { $0 + $1.clauses.count }
        let folder: HTML = ruleSet.directory.map { "from <code>\($0)</code>: " } ?? ""
        return """
        <details id="rules"><summary>Rules used: \(folder)\(ReportNumbers.count(ruleSet.themes.count)) themes, \
        \(ReportNumbers.count(ruleSet.sources.count)) learning sources, \(ReportNumbers.count(clauses)) clauses</summary>
        <p>A paragraph carries a theme when one of the theme's <i>match</i> clauses finds its words and no <i>exclude</i> \
        clause rules them out. The clause ids are the names shown beside each paragraph in the drill-down.</p>
        <table class="rules">
        <thead><tr><th scope="col">Theme</th><th scope="col">Kind</th><th scope="col">Match clauses</th><th scope="col">Exclude clauses</th></tr></thead>
        <tbody>
        \(HTML.joined(rows, separator: "\n"))
        </tbody>
        </table>
        </details>

        """
    }
}
