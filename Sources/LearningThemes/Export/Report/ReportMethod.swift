/// "How to read this report": what the numbers count and what they cannot say, for a
/// reader who will not read the statistics code.
struct ReportMethod {
    let context: ReportContext

    init(_ context: ReportContext) { self.context = context }

    func markup() -> HTML {
        let minimum = RateComparison.defaultMinimumGroupParagraphs
        let level = DecimalText.shortest(context.comparison.significanceLevel)
        return """
        <section id="method">
        <h2>How to read this report</h2>
        <dl class="method">
        <dt>What is counted</dt>
        <dd>Each document is split into paragraphs (list items and table rows count as paragraphs). A paragraph \
        carries a theme when the theme’s rules find their words in it; it can carry several themes. A share is the \
        number of a row’s paragraphs with the theme divided by all of that row’s paragraphs, so rows with long and \
        short documents can be compared.</dd>
        <dt>▲ and ▼</dt>
        <dd>Each row is compared with the rest of the corpus, theme by theme, with Fisher’s exact test. Because many \
        comparisons are made at once, some would look different by chance alone, so p-values are adjusted \
        (Benjamini–Hochberg) and a mark is shown only when the adjusted value is below \(level).</dd>
        <dt>?</dt>
        <dd>Too few paragraphs to tell: the row has fewer than \(minimum) paragraphs, or the theme is so rare that \
        no split of its paragraphs could show a difference. It does not mean “no difference”.</dd>
        <dt>The interval</dt>
        <dd>The 95% confidence interval (Wilson) is the range the share could plausibly have given the number of \
        paragraphs. Where intervals overlap a lot, the rows may not really differ.</dd>
        <dt>What it cannot say</dt>
        <dd>These are counts of what documents <em>write about</em>, not measures of practice. Documents differ in \
        kind, length and style, and rules can miss a paragraph or tag one wrongly: read the paragraphs behind a \
        number before relying on it.</dd>
        </dl>
        </section>

        """
    }
}
