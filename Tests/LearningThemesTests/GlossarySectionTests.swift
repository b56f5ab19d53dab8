import XCTest
@testable import LearningThemes

/// Entries under a glossary heading define terms and report no learning: they are kept as
/// paragraphs but tagged with nothing, by `classify` and by the corpus tally alike.
final class GlossarySectionTests: XCTestCase {
    private static let matcher = Matcher(ruleSet: try! RuleSet.load(directory: TestSupport.path("rules")))

    func testGlossaryHeadings() {
        for heading in ["Glossary", "Appendix 2 Glossary", "Glossary of terms", "List of abbreviations",
                        "Abbreviations and Acronyms", "Jargon buster"] {
            XCTAssertTrue(GlossarySection.matches(heading), heading)
        }
        for heading in ["Neglect", "Learning from reviews", "Definitions of harm",
                        "The glossary for parents was rewritten with young people this year"] {
            XCTAssertFalse(GlossarySection.matches(heading), heading)
        }
        XCTAssertFalse(GlossarySection.matches(nil as String?))
    }

    func testEntriesUnderAGlossaryAreKeptButNotTagged() throws {
        let paragraphs = ParagraphSegmenter().segment("""
        ## Neglect

        Practitioners did not recognise the neglect of the younger children.

        ## Appendix 2 Glossary

        CSPRP: Child Safeguarding Practice Review Panel

        Corporate Parenting Board: board to advise the council on issues relating to children looked after and care leavers.

        ## Next steps

        The partnership will repeat its multi-agency audit of neglect.
        """)
        var scratch = MatchScratch(matcher: Self.matcher)
        let results = Self.matcher.classify(paragraphs, scratch: &scratch)
        XCTAssertEqual(paragraphs.count, 4)
        XCTAssertEqual(results[0].themes, ["neglect"])
        XCTAssertTrue(results[1].isEmpty && results[2].isEmpty, "glossary entries are tagged with nothing")
        XCTAssertEqual(results[3].themes, ["neglect"])
        XCTAssertEqual(results[3].sources, ["audit"])
        // Alone, outside their glossary, the same entries are tagged: the heading decides.
        XCTAssertFalse(Self.matcher.classify(paragraphs[1].text).isEmpty)
        XCTAssertFalse(Self.matcher.classify(paragraphs[2].text).isEmpty)
    }
}
