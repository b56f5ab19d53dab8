import XCTest
@testable import LearningThemes

/// The same text saved as plain text, a web page, a Word document and a PDF gives the same
/// paragraphs and the same tags once it has been through the whole pipeline.
final class FormatClassificationTests: XCTestCase {
    private func classified(_ name: String) throws -> [(text: String, tags: [String], isTableRow: Bool)] {
        let matcher = Matcher(ruleSet: try RuleSet.load(directory: TestSupport.path("rules")))
        let path = TestSupport.path("Tests/LearningThemesTests/Fixtures/formats/\(name)")
        var scratch = MatchScratch(matcher: matcher)
        let pipeline = DocumentPipeline(matcher: matcher, jobs: 1)
        let document = try pipeline.process(DocumentMetadata(id: name, path: path), scratch: &scratch)
        return document.paragraphs.map {
            ($0.paragraph.text, $0.classification.themes + $0.classification.sources, $0.paragraph.role == .tableRow)
        }
    }

    func testTextVersionIsTaggedAsExpected() throws {
        let text = try classified("sample.txt")
        XCTAssertEqual(text.count, 7)
        XCTAssertEqual(text.filter(\.isTableRow).count, 2)
        XCTAssertTrue(text[0].tags.contains("professional-curiosity"), "\(text[0])")
        XCTAssertTrue(text[1].tags.contains("information-sharing"), "\(text[1])")
    }

    func testHTMLAndWordGiveTheSameParagraphsAndTagsAsText() throws {
        let text = try classified("sample.txt")
        for name in ["sample.html", "sample.docx"] {
            let other = try classified(name)
            XCTAssertEqual(other.map(\.text), text.map(\.text), name)
            XCTAssertEqual(other.map(\.tags), text.map(\.tags), name)
        }
    }

    /// A PDF has no markup: its table rows come out with the cells separated by spaces, not
    /// tabs, so only their cell separators differ; every paragraph keeps its tags.
    func testPDFGivesTheSameTagsAsText() throws {
        guard ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").contains(where: {
            FileManager.default.isExecutableFile(atPath: "\($0)/pdftotext")
        }) ?? false else {
            throw XCTSkip("pdftotext is missing: install the Debian package poppler-utils")
        }
        let text = try classified("sample.txt")
        let pdf = try classified("sample.pdf")
        XCTAssertEqual(pdf.map(\.tags), text.map(\.tags))
        let normalised = text.map { $0.isTableRow ? $0.text.replacingOccurrences(of: " | ", with: " ") : $0.text }
        XCTAssertEqual(pdf.map(\.text), normalised)
    }
}
