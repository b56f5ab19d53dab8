import Foundation
import XCTest
@testable import LearningThemes

/// The HTML report, checked on a small corpus written to a temporary folder: Northtown
/// writes about neglect in almost every paragraph (with hostile markup, `&` and accented
/// text around the evidence), Southport & District about domestic abuse, and Tinyville
/// has too few paragraphs to compare.
final class HTMLReportTests: XCTestCase {
    private var corpus = ""

    /// Rules of our own rather than the bundled ones, so the expected tags do not move
    /// when the project's rules are tuned.
    private static let rules = """
    theme neglect
    match neg-word: neglect | neglected
    match neg-kinds weight 2: (chronic | educational) neglect

    theme domestic-abuse
    match da-phrase: domestic abuse

    source audit
    match au-audit: audit | audits
    """

    private static let northtown: [String] = [
        "Practitioners at the Café Naïve hub noted that the family’s neglect was missed by agencies.",
        "Workers wrote <script>alert(1)</script> & then reviewed the chronic neglect of the younger children.",
        "The audit of children experiencing neglect found plans were not reviewed on time.",
        "Neglect remained the most common category for a child protection plan this year.",
        "Schools raised concerns about educational neglect and poor attendance in the autumn term.",
        "Health visitors used a new tool to recognise neglect in families with babies.",
        "A review found that neglected children were not always seen alone by their social worker.",
        "Training on neglect reached four hundred practitioners across the partnership.",
        "The neglect strategy was refreshed with help from young people and their parents.",
        "Learning about neglect was shared through seven-minute briefings — “neglect” leaflets too.",
        "The partnership met four times during the year and agreed its budget.",
        "Membership of the executive group changed when the chair retired.",
    ]

    private static let southport: [String] = [
        "Police reported a rise in domestic abuse incidents attended by officers.",
        "Schools received domestic abuse notifications the morning after each incident.",
        "The domestic abuse strategy was launched in the spring.",
        "Specialist domestic abuse advocates supported families in refuges.",
        "Health staff asked routinely about domestic abuse in antenatal clinics.",
        "An audit of domestic abuse referrals found good practice in the front door.",
        "The partnership welcomed a new independent scrutineer in June.",
        "Budgets were agreed by the three statutory partners in equal shares.",
        "The annual conference was held online and attended by many.",
        "Newsletters were sent to practitioners every quarter.",
        "The website was redesigned and now includes a search page.",
        "Subgroups reported to the executive group at each meeting.",
    ]

    private static let tinyville: [String] = [
        "Tinyville noted one case of neglect in the year.",
        "The board met twice.",
    ]

    override func setUpWithError() throws {
        corpus = NSTemporaryDirectory() + "html-report-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        let manifest = """
        [northtown-2023-24]
        file: northtown.txt
        partnership: Northtown Safeguarding Children Partnership
        period: 2023-24
        kind: annual-report
        title: Northtown annual report <script>alert(2)</script>

        [southport-2023-24]
        file: southport.txt
        partnership: Southport & District Safeguarding Children Partnership
        period: 2023-24
        kind: annual-report
        title: Southport & District annual report

        [tinyville-2023-24]
        file: tinyville.txt
        partnership: Tinyville Safeguarding Children Partnership
        period: 2023-24
        kind: briefing
        title: Tinyville briefing

        """
        try write(manifest, to: "manifest.txt")
        try write(Self.northtown.joined(separator: "\n\n") + "\n", to: "northtown.txt")
        try write(Self.southport.joined(separator: "\n\n") + "\n", to: "southport.txt")
        try write(Self.tinyville.joined(separator: "\n\n") + "\n", to: "tinyville.txt")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: corpus)
    }

    private func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: (corpus as NSString).appendingPathComponent(name)))
    }

    private func analyse(jobs: Int = 1) throws -> (CorpusAnalysis, ThemeComparison) {
        let matcher = try TestSupport.matcher(Self.rules)
        let documents = try Corpus.load(corpus).documents
        let analysis = CorpusAnalysis(documents: documents, pipeline: DocumentPipeline(matcher: matcher, jobs: jobs),
                                      keepDocuments: true)
        XCTAssertEqual(analysis.failures, [])
        return (analysis, try ThemeComparison(analysis.tally, by: .partnership))
    }

    private func page(paragraphsPerCell: Int? = nil) throws -> String {
        let (analysis, comparison) = try analyse()
        let report = HTMLReport(analysis: analysis, comparison: comparison, title: "Test <report> & more",
                                generatedBy: "tests", corpus: "test corpus", paragraphsPerCell: paragraphsPerCell)
        return String(decoding: report.render(), as: UTF8.self)
    }

    private func matches(_ pattern: String, in text: String, group: Int = 1) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).map { String(text[Range($0.range(at: group), in: text)!]) }
    }

    /// The markup of the drill-down block with this id.
    private func block(_ id: String, in html: String) -> String? {
        matches("<section class=\"cell-paragraphs\" id=\"\(id)\".*?</section>", in: html, group: 0).first
    }

    // MARK: Safety

    func testDocumentTextAndMetadataAppearOnlyAsEscapedText() throws {
        let html = try page()
        XCTAssertFalse(html.lowercased().contains("<script"), "the page has no script of its own, so any is injected")
        XCTAssertTrue(html.contains("Workers wrote &lt;script&gt;alert(1)&lt;/script&gt; &amp; then reviewed"))
        XCTAssertTrue(html.contains("Northtown annual report &lt;script&gt;alert(2)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("Southport &amp; District"))
        XCTAssertTrue(html.contains("<title>Test &lt;report&gt; &amp; more</title>"))
        XCTAssertFalse(html.contains("Southport & District"))
    }

    func testPageReferencesNothingOutsideItself() throws {
        let html = try page()
        for forbidden in ["http://", "https://", "src=", "@import", "url(", "<link", "<script", "<iframe", "<img"] {
            XCTAssertFalse(html.lowercased().contains(forbidden), "found \(forbidden)")
        }
        let links = matches("href=\"([^\"]*)\"", in: html)
        XCTAssertFalse(links.isEmpty)
        for link in links { XCTAssertTrue(link.hasPrefix("#"), "link leaves the page: \(link)") }
        XCTAssertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
    }

    // MARK: Drill-down

    func testEveryHeatmapCellLinkOpensABlockWithExactlyItsParagraphs() throws {
        let html = try page()
        let (_, comparison) = try analyse()
        let heatmap = try XCTUnwrap(matches("<table class=\"heatmap\">.*?</table>", in: html, group: 0).first)
        let targets = matches("href=\"#([^\"]+)\"", in: heatmap)
        let nonEmpty = comparison.cells.filter { $0.tagged > 0 }
        XCTAssertEqual(targets.count, nonEmpty.count, "one link per non-empty cell, none for empty ones")
        XCTAssertEqual(Set(targets).count, targets.count, "anchors are unique")
        let ids = Set(matches(" id=\"([^\"]+)\"", in: html))
        for (index, target) in targets.enumerated() {
            XCTAssertTrue(ids.contains(target), "no drill-down for \(target)")
            let paragraphs = try XCTUnwrap(block(target, in: html)).components(separatedBy: "<li class=\"paragraph\">").count - 1
            XCTAssertEqual(paragraphs, nonEmpty[index].tagged, target)
        }
        for link in matches("href=\"#([^\"]+)\"", in: html) { XCTAssertTrue(ids.contains(link), "dangling link #\(link)") }
    }

    func testEvidenceWordsAreMarkedExactlyAfterMultiByteCharacters() throws {
        let html = try page()
        let northtown = try XCTUnwrap(block("cell-0-neglect", in: html))
        XCTAssertTrue(northtown.contains("Café Naïve hub noted that the family’s <mark title=\"rule neg-word\">neglect</mark> was missed"))
        XCTAssertTrue(northtown.contains("&amp; then reviewed the <mark title=\"rule neg-kinds\">chronic neglect</mark> of"))
        XCTAssertTrue(northtown.contains("seven-minute briefings — “<mark title=\"rule neg-word\">neglect</mark>” leaflets"))
        let (analysis, _) = try analyse()
        let expected = analysis.documents[0].paragraphs.flatMap { paragraph in
            EvidenceHighlighter.spans(paragraph.classification.evidence.filter { $0.label == "neglect" }, in: Array(paragraph.paragraph.text.utf8))
                .map { HTMLEscaping.text(String(decoding: Array(paragraph.paragraph.text.utf8)[$0.bytes], as: UTF8.self)) }
        }
        XCTAssertEqual(matches("<mark[^>]*>(.*?)</mark>", in: northtown), expected)
        XCTAssertEqual(expected.count, 11)
        XCTAssertTrue(northtown.contains("Rules that fired: <code>neg-word</code>."))
    }

    func testHighlighterWidensOffsetsInsideACharacterAndMergesOverlaps() {
        let text = "Naïve café <b> neglect"
        let utf8 = Array(text.utf8)
        // 3 falls inside "ï" (bytes 2..<4) and 11 inside "é" (10..<12); 40 is past the end.
        let evidence = [Evidence(label: "t", rule: "a", text: "", bytes: 3..<5),
                        Evidence(label: "t", rule: "b", text: "", bytes: 4..<6),
                        Evidence(label: "t", rule: "c", text: "", bytes: 17..<24),
                        Evidence(label: "t", rule: "d", text: "", bytes: 9..<11),
                        Evidence(label: "t", rule: "e", text: "", bytes: 40..<50)]
        let spans = EvidenceHighlighter.spans(evidence, in: utf8)
        XCTAssertEqual(spans, [.init(bytes: 2..<6, rules: ["a", "b"]), .init(bytes: 9..<12, rules: ["d"]),
                               .init(bytes: 17..<24, rules: ["c"])])
        let markup = String(decoding: EvidenceHighlighter.markup(text, evidence: evidence).bytes, as: UTF8.self)
        XCTAssertEqual(markup, "Na<mark title=\"rule a, b\">ïve</mark> ca<mark title=\"rule d\">fé</mark> &lt;b&gt; "
                       + "<mark title=\"rule c\">neglect</mark>")
    }

    func testParagraphsPerCellLimitsTheDrillDownAndSaysSo() throws {
        let html = try page(paragraphsPerCell: 3)
        let northtown = try XCTUnwrap(block("cell-0-neglect", in: html))
        XCTAssertEqual(northtown.components(separatedBy: "<li class=\"paragraph\">").count - 1, 3)
        XCTAssertTrue(northtown.contains("Showing the first 3 of 10 paragraphs."))
    }

    // MARK: Content

    func testHeatmapCellsCarryShareCountAndMarkBesidesColour() throws {
        let html = try page()
        let heatmap = try XCTUnwrap(matches("<table class=\"heatmap\">.*?</table>", in: html, group: 0).first)
        XCTAssertEqual(matches("<th scope=\"row\"[^>]*>([^<]*)<", in: heatmap), ["Northtown", "Southport &amp; District", "Tinyville"])
        XCTAssertTrue(heatmap.contains("<td class=\"b5 over\"><a href=\"#cell-0-neglect\""))
        XCTAssertTrue(heatmap.contains("<span class=\"rate\">83.3%</span><span class=\"count\">10<span class=\"mark\">▲</span></span>"))
        XCTAssertTrue(heatmap.contains("<td class=\"b0 under\""), "Southport has no neglect and is marked lower")
        XCTAssertTrue(heatmap.contains("scope=\"col\""))
        XCTAssertTrue(html.contains("<li class=\"b5\">above 80%, up to 100%</li>"), "legend gives the numbers of each colour")
    }

    func testNotableDifferencesAreInPlainEnglishAndSmallCellsAreNamed() throws {
        let html = try page()
        let notable = try XCTUnwrap(matches("<section id=\"notable\">.*?</section>", in: html, group: 0).first)
        XCTAssertTrue(notable.contains("<b>Northtown</b>: <a href=\"#cell-0-neglect\">Neglect</a> comes up more often than in the rest of the corpus"))
        XCTAssertTrue(notable.contains("83.3% of its paragraphs (10 of 12; 95% confidence interval"))
        XCTAssertTrue(notable.contains("against 7.1% elsewhere (1 of 14)"))
        XCTAssertTrue(notable.contains("Fisher’s exact test p = "))
        XCTAssertTrue(notable.contains("adjusted for multiple comparisons p = "))
        XCTAssertTrue(notable.contains("<li><b>Tinyville</b> (2 paragraphs): every theme, because it has fewer than 10 paragraphs.</li>"))
    }

    func testHeaderListsDocumentsWithTheirFactsAndTheRules() throws {
        let html = try page()
        XCTAssertTrue(html.contains("<tr><th scope=\"row\"><code>northtown-2023-24</code></th><td>Northtown annual report &lt;script&gt;alert(2)&lt;/script&gt;</td><td>Northtown Safeguarding Children Partnership</td><td>2023-24</td><td>Annual report</td><td class=\"num\">12</td><td class=\"num\">10</td></tr>"))
        XCTAssertTrue(html.contains("<dt>Paragraphs</dt><dd>26, of which 17 carry at least one compared theme</dd>"))
        XCTAssertTrue(html.contains("<td>neg-word, neg-kinds</td>"))
    }

    // MARK: Determinism

    func testSameInputGivesIdenticalBytes() throws {
        func render(jobs: Int) throws -> [UInt8] {
            let (analysis, comparison) = try analyse(jobs: jobs)
            return HTMLReport(analysis: analysis, comparison: comparison, title: "T", generatedBy: "tests").render()
        }
        let first = try render(jobs: 1)
        XCTAssertEqual(first, try render(jobs: 1))
        XCTAssertEqual(first, try render(jobs: 2))
    }

    func testRowsAreOrderedForAReaderWithUnknownsLast() {
        let periods = ["2023-24", "(period unknown)", "2019-20", "2022-23"]
        XCTAssertEqual(ReportContext.displayOrder(names: periods, shown: periods, grouping: .period), [2, 3, 0, 1])
        let kinds = ["briefing", "annual-report", "(kind unknown)", "rapid-review"]
        let shown = kinds.map { ReportContext.displayName($0, grouping: .kind) }
        XCTAssertEqual(shown, ["Briefing", "Annual report", "(kind unknown)", "Rapid review"])
        XCTAssertEqual(ReportContext.displayOrder(names: kinds, shown: shown, grouping: .kind), [1, 3, 0, 2])
        XCTAssertEqual(ReportContext.displayName("Kensington and Chelsea and Westminster Local Safeguarding Children Partnership",
                                                 grouping: .partnership), "Kensington and Chelsea and Westminster")
        XCTAssertEqual(ReportContext.displayName("Safeguarding Children Partnership", grouping: .partnership),
                       "Safeguarding Children Partnership", "a name that is only the suffix is kept whole")
    }

    // MARK: Numbers

    func testHeatmapBandsAreDecidedInWholeNumbers() {
        let scale = HeatmapScale(largestTagged: 7, ofParagraphs: 100)
        XCTAssertEqual(scale.topPerMille, 100)
        XCTAssertEqual(scale.band(tagged: 0, of: 100), 0)
        XCTAssertEqual(scale.band(tagged: 1, of: 1000), 1)
        XCTAssertEqual(scale.band(tagged: 2, of: 100), 1, "2% sits on the first band's upper edge")
        XCTAssertEqual(scale.band(tagged: 21, of: 1000), 2)
        XCTAssertEqual(scale.band(tagged: 10, of: 100), 5)
        XCTAssertEqual(scale.label(ofBand: 1), "above 0, up to 2%")
        XCTAssertEqual(scale.label(ofBand: 3), "above 4%, up to 6%")
        XCTAssertEqual(HeatmapScale(largestTagged: 3, ofParagraphs: 1000).label(ofBand: 2), "above 0.2%, up to 0.4%")
        XCTAssertEqual(HeatmapScale(largestTagged: 0, ofParagraphs: 0).topPerMille, 10)
    }

    func testPValuesPrintToTwoSignificantFigures() {
        func text(_ value: Double) -> String { String(decoding: ReportNumbers.pValue(value).bytes, as: UTF8.self) }
        XCTAssertEqual(text(0.0349), "0.035")
        XCTAssertEqual(text(0.46), "0.46")
        XCTAssertEqual(text(1), "1.0")
        XCTAssertEqual(text(0.0012), "0.0012")
        XCTAssertEqual(text(8.84e-7), "8.8×10<sup>−7</sup>")
        XCTAssertEqual(text(9.96e-5), "1.0×10<sup>−4</sup>")
        XCTAssertEqual(ReportNumbers.count(1_234_567), "1,234,567")
        XCTAssertEqual(ReportNumbers.percent(7, of: 469), "1.5%")
    }

    // MARK: Command line

    func testCommandWritesTheReportAndRefusesToOverwriteAnInput() throws {
        let out = (corpus as NSString).appendingPathComponent("out.html")
        let run = try runCommand(["report", corpus, "--out", out, "--jobs", "1"])
        XCTAssertEqual(run.status, 0, run.standardError)
        let html = String(decoding: try XCTUnwrap(FileManager.default.contents(atPath: out)), as: UTF8.self)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))

        let input = (corpus as NSString).appendingPathComponent("northtown.txt")
        let refused = try runCommand(["report", corpus, "--out", input])
        XCTAssertEqual(refused.status, 5)
        XCTAssertTrue(refused.standardError.contains("refusing to write over input file"), refused.standardError)
        XCTAssertTrue(String(decoding: FileManager.default.contents(atPath: input)!, as: UTF8.self).hasPrefix("Practitioners"))
    }

    private func runCommand(_ arguments: [String]) throws -> (status: Int32, standardError: String) {
        let run = try TestSupport.run(arguments)
        return (run.status, run.standardError)
    }
}
