import Foundation
import XCTest
@testable import LearningThemes

/// A document whose manifest declares it a review, audit or inspection report gives every
/// paragraph that learning source; a kind detected from the title does not.
final class DocumentSourceTests: XCTestCase {
    private static let matcher = Matcher(ruleSet: try! RuleSet.load(directory: TestSupport.path("rules")))

    private static let reviewText = """
    # Child Safeguarding Practice Review: Child M

    Child M was nine months old when he was admitted to hospital with a head injury.

    Health visitors did not ask who else lived in the home.

    The rapid review in March recommended that the partnership commission this practice review.
    """

    private func withDocument<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("document-source-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("review.md").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try body(path)
    }

    private func classify(_ metadata: DocumentMetadata) throws -> (DocumentMetadata, ClassifiedDocument, DocumentTally) {
        let pipeline = DocumentPipeline(matcher: Self.matcher, jobs: 1)
        var scratch = MatchScratch(matcher: Self.matcher)
        let (metadata, loaded) = try pipeline.read(metadata)
        return (metadata, pipeline.classify(loaded, metadata: metadata, scratch: &scratch),
                pipeline.tally(loaded, metadata: metadata, scratch: &scratch))
    }

    func testEveryParagraphOfADeclaredPracticeReviewReportsIt() throws {
        try withDocument(Self.reviewText) { path in
            let (_, document, tally) = try classify(DocumentMetadata(id: "m", path: path, kind: .practiceReview))
            XCTAssertEqual(document.paragraphs.count, 3)
            for paragraph in document.paragraphs {
                let classification = paragraph.classification
                XCTAssertEqual(classification.sources.filter { $0 == "practice-review" }.count, 1, paragraph.paragraph.text)
                XCTAssertTrue(classification.evidence.contains {
                    $0.label == "practice-review" && $0.rule == Matcher.documentKindRuleID
                        && $0.inheritedFrom == .document && $0.text == "kind: practice-review"
                } || classification.evidence.contains { $0.label == "practice-review" && $0.inheritedFrom == nil },
                              paragraph.paragraph.text)
            }
            // A paragraph that names the review keeps its own evidence and gets no second tag.
            let last = try XCTUnwrap(document.paragraphs.last?.classification)
            XCTAssertEqual(last.sources, ["rapid-review", "practice-review"])
            XCTAssertFalse(last.evidence.contains { $0.inheritedFrom == .document })
            // The first paragraph names nothing: its source is the document's alone.
            let first = try XCTUnwrap(document.paragraphs.first?.classification)
            XCTAssertEqual(first.sources, ["practice-review"])
            XCTAssertEqual(first.evidence.filter { $0.label == "practice-review" }.map(\.inheritedFrom), [.document])
            // Counting a corpus gives the same tags as classifying the document.
            XCTAssertEqual(tally.pairCounts, DocumentTally(document, ruleSet: Self.matcher.ruleSet).pairCounts)
        }
    }

    func testCountingALeadInGivesTheDocumentSourceOnce() throws {
        // A lead-in (whose introducing sentence is matched again) and its item: the source once each.
        let text = """
        The practice review was discussed by partners in June. Actions included:

        - A new neglect toolkit for schools.
        """
        try withDocument(text) { path in
            let (_, document, tally) = try classify(DocumentMetadata(id: "m", path: path, kind: .practiceReview))
            XCTAssertEqual(document.paragraphs.map(\.classification.sources), [["practice-review"], ["practice-review"]])
            XCTAssertEqual(tally.pairCounts, DocumentTally(document, ruleSet: Self.matcher.ruleSet).pairCounts)
        }
    }

    func testOnlyKindsThatAreLearningSourcesAddOne() throws {
        XCTAssertEqual(DocumentKind.auditReport.learningSource, "audit")
        XCTAssertEqual(DocumentKind.inspectionReport.learningSource, "inspection")
        XCTAssertNil(DocumentKind.annualReport.learningSource)
        XCTAssertNil(DocumentKind.briefing.learningSource)
        try withDocument(Self.reviewText) { path in
            let (_, document, _) = try classify(DocumentMetadata(id: "m", path: path, kind: .annualReport))
            XCTAssertEqual(document.paragraphs.first?.classification.sources, [])
        }
    }

    func testAKindDetectedFromTheTitleGroupsButTagsNothing() throws {
        try withDocument(Self.reviewText) { path in
            let (metadata, document, _) = try classify(DocumentMetadata(id: "m", path: path))
            XCTAssertEqual(metadata.kind, .practiceReview, "the title names a practice review")
            XCTAssertTrue(metadata.kindWasDetected)
            XCTAssertNil(metadata.declaredKind)
            XCTAssertFalse(document.paragraphs.contains { $0.classification.evidence.contains { $0.inheritedFrom == .document } })
            XCTAssertEqual(document.paragraphs.first?.classification.sources, [])
        }
    }
}
