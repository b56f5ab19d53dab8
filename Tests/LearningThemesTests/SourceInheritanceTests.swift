import XCTest
@testable import LearningThemes

/// List items take the learning sources of their lead-in or heading, with the bundled rules.
final class SourceInheritanceTests: XCTestCase {
    private static let matcher = Matcher(ruleSet: try! RuleSet.load(directory: TestSupport.path("rules")))

    private func classify(_ text: String) -> [(Paragraph, Classification)] {
        let paragraphs = ParagraphSegmenter().segment(text)
        var scratch = MatchScratch(matcher: Self.matcher)
        return Array(zip(paragraphs, Self.matcher.classify(paragraphs, scratch: &scratch)))
    }

    private func item(_ results: [(Paragraph, Classification)], startingWith prefix: String) throws -> (Paragraph, Classification) {
        try XCTUnwrap(results.first { $0.0.text.hasPrefix(prefix) }, "no paragraph starts with \(prefix)")
    }

    func testListItemsInheritTheSourceNamedByTheirLeadIn() throws {
        let results = classify("""
        ## Neglect

        In March the partnership looked again at children living with neglect. Our multi-agency audit of these cases found:

        - Chronologies were out of date in half of the cases.
        - Health visitors rarely saw the fathers.

        Partners will repeat the exercise next year.

        - A new toolkit has been given to schools.
        """)
        let leadIn = try item(results, startingWith: "In March")
        XCTAssertEqual(leadIn.1.sources, ["audit"])
        for prefix in ["Chronologies", "Health visitors"] {
            let (paragraph, classification) = try item(results, startingWith: prefix)
            XCTAssertEqual(paragraph.role, .listItem)
            XCTAssertEqual(classification.sources, ["audit"], prefix)
            let evidence = try XCTUnwrap(classification.evidence.first { $0.label == "audit" })
            XCTAssertEqual(evidence.inheritedFrom, .leadIn(paragraph: leadIn.0.index))
            // The offsets point into the lead-in, at the quoted words.
            XCTAssertEqual(String(decoding: Array(leadIn.0.text.utf8)[evidence.bytes], as: UTF8.self), evidence.text)
            // Themes are not inherited: "neglect" is the lead-in's subject, not the bullet's.
            XCTAssertFalse(classification.themes.contains("neglect"), prefix)
        }
        // A paragraph that does not end in a colon closes the list.
        XCTAssertEqual(try item(results, startingWith: "A new toolkit").1.sources, [])
    }

    func testOnlyTheSentenceIntroducingTheListCounts() throws {
        let results = classify("""
        ## Our priorities for next year

        Ofsted inspected children's services in May and rated them good. Next year we will focus on:

        - Young people who go missing from home.
        """)
        XCTAssertEqual(try item(results, startingWith: "Ofsted").1.sources, ["inspection"])
        XCTAssertEqual(try item(results, startingWith: "Young people").1.sources, [])
    }

    func testListItemsWithoutALeadInInheritFromTheirHeading() throws {
        let results = classify("""
        ## Findings of the joint targeted area inspection

        - Leaders know their services well.
        - Referrals from schools are handled quickly.

        | Area | Finding |
        | --- | --- |
        | Health | Leaders know their services well |
        """)
        for prefix in ["Leaders know", "Referrals"] {
            let classification = try item(results, startingWith: prefix).1
            XCTAssertEqual(classification.sources, ["inspection"], prefix)
            XCTAssertEqual(classification.evidence.first { $0.label == "inspection" }?.inheritedFrom, .heading)
        }
        // Table rows and body paragraphs keep to their own words.
        XCTAssertEqual(results.filter { $0.0.role == .tableRow }.flatMap(\.1.sources), [])
    }

    func testCountingAgreesWithClassifyingForEveryCorpusDocument() throws {
        let pipeline = DocumentPipeline(matcher: Self.matcher, jobs: 1)
        let documents = try Corpus.load(TestSupport.path("corpus")).documents
        XCTAssertEqual(documents.count, 5)
        var scratch = MatchScratch(matcher: Self.matcher)
        var inherited = 0
        for metadata in documents {
            let (metadata, loaded) = try pipeline.read(metadata)
            let classified = pipeline.classify(loaded, metadata: metadata, scratch: &scratch)
            inherited += classified.paragraphs.filter { $0.classification.evidence.contains { $0.inheritedFrom != nil } }.count
            let counted = pipeline.tally(loaded, metadata: metadata, scratch: &scratch)
            XCTAssertEqual(counted.pairCounts, DocumentTally(classified, ruleSet: Self.matcher.ruleSet).pairCounts, metadata.id)
        }
        XCTAssertGreaterThan(inherited, 20, "the corpus has many bulleted findings under lead-ins")
    }
}
