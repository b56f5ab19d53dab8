/// The `report` page: one self-contained HTML file (styles inline, no scripts, nothing
/// fetched) that shows a comparison of themes across groups as a heatmap, per-theme bars
/// and plain-English findings, with every non-empty cell linked to the paragraphs behind it.
///
/// The output depends only on the inputs: no clock, no random ids, stable ordering. A
/// date belongs in `generatedBy` if the report should carry one.
public struct HTMLReport: Sendable {
    public var analysis: CorpusAnalysis
    public var comparison: ThemeComparison
    public var title: String
    /// What made the report, e.g. the command line; shown under the title.
    public var generatedBy: String
    /// The corpus as the reader should know it (a folder name); omitted when nil.
    public var corpus: String?
    /// At most this many paragraphs per cell in the drill-down (nil: all). A national
    /// corpus has tens of thousands behind its big cells, too many for one page.
    public var paragraphsPerCell: Int?

    /// `analysis` should be run with `keepDocuments: true`; without documents the report
    /// still shows every number but has no paragraphs to drill down to.
    public init(analysis: CorpusAnalysis, comparison: ThemeComparison, title: String, generatedBy: String,
                corpus: String? = nil, paragraphsPerCell: Int? = nil) {
        self.analysis = analysis
        self.comparison = comparison
        self.title = title
        self.generatedBy = generatedBy
        self.corpus = corpus
        self.paragraphsPerCell = paragraphsPerCell
    }

    /// The page as UTF-8.
    public func render() -> [UInt8] {
        let context = ReportContext(self)
        var page: HTML = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>\(title)</title>
        <style>
        \(ReportStyle.css)
        </style>
        </head>
        <body>
        <header>
        <h1>\(title)</h1>
        <p class="made-by">Made by <code>\(generatedBy)</code></p>
        <nav aria-label="Sections"><a href="#heatmap">Heatmap</a> <a href="#notable">Notable differences</a> \
        <a href="#bars">Theme by theme</a> <a href="#documents">Documents</a> <a href="#rules">Rules</a> <a href="#method">How to read this report</a></nav>
        </header>
        <main>

        """
        page += ReportSummary(context).markup()
        page += ReportHeatmap(context).markup()
        page += ReportNotable(context).markup()
        page += ReportBars(context).markup()
        page += ReportDrillDown(context).markup()
        page += ReportMethod(context).markup()
        page += "</main>\n</body>\n</html>\n"
        return page.bytes
    }
}
