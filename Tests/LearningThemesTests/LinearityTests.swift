import XCTest
@testable import LearningThemes

/// Matching cost grows linearly with the text, whatever the rules. Measured as the
/// matcher's own count of elementary steps (not wall-clock time, which is noisy).
final class LinearityTests: XCTestCase {
    private func work(_ matcher: Matcher, _ text: String) -> Int {
        var scratch = MatchScratch(matcher: matcher)
        _ = matcher.classify(text, scratch: &scratch)
        return scratch.work
    }

    private func assertLinear(_ matcher: Matcher, _ unit: String, copies: Int, file: StaticString = #filePath, line: UInt = #line) {
        let once = work(matcher, String(repeating: unit, count: copies))
        let twice = work(matcher, String(repeating: unit, count: copies * 2))
        let ratio = Double(twice) / Double(once)
        XCTAssertGreaterThan(once, 0, file: file, line: line)
        XCTAssertEqual(ratio, 2.0, accuracy: 0.1, "work \(once) -> \(twice)", file: file, line: line)
    }

    func testBundledRulesOnASeedDocumentRepeated() throws {
        let matcher = Matcher(ruleSet: try RuleSet.load(directory: TestSupport.path("rules")))
        let text = TestSupport.seed("002_99b8432725e0b66d.txt").replacingOccurrences(of: "\n", with: " ")
        assertLinear(matcher, text + " ", copies: 4)
    }

    func testTenMegabyteSingleLine() throws {
        let matcher = Matcher(ruleSet: try RuleSet.load(directory: TestSupport.path("rules")))
        let sentence = "Lack of professional curiosity and poor information sharing between agencies about fathers were noted. "
        let copies = 10_000_000 / sentence.utf8.count / 2
        let once = work(matcher, String(repeating: sentence, count: copies))
        let result = matcher.classify(String(repeating: sentence, count: copies * 2))
        XCTAssertTrue(result.themes.contains("professional-curiosity"))
        XCTAssertTrue(result.themes.contains("information-sharing"))
        let twice = work(matcher, String(repeating: sentence, count: copies * 2))
        XCTAssertEqual(Double(twice) / Double(once), 2.0, accuracy: 0.1)
    }

    /// A rule built to be pathological for a backtracking engine: nested overlapping
    /// alternatives over the same word, a long optional chain, and proximity of a word
    /// with itself, run over a text of nothing but that word.
    func testPathologicalRuleStaysLinear() throws {
        let rules = """
        theme neglect
        match neg-a: (aaa | aaa aaa | aaa aaa aaa) (aaa)? (aaa)? (aaa)? (aaa*)? aaa aaa*
        match neg-b: (aaa* | aaa) near/50 (aaa* | aaa aaa)
        exclude neg-c: aaa aaa aaa
        """
        let matcher = try TestSupport.matcher(rules)
        assertLinear(matcher, "aaaa aaa ", copies: 5_000)
    }

    func testManyRulesOnePassCostDoesNotScaleWithRuleCount() throws {
        // The same text with 1 rule and with 200 rules: the scan is shared, so work grows
        // far less than 200-fold.
        let text = String(repeating: "Neglect and domestic abuse were common themes in the audit. ", count: 200)
        let one = try TestSupport.matcher("theme neglect\nmatch neg-0: neglect\n")
        var many = "theme neglect\n"
        for index in 0..<200 { many += "match neg-\(index): word\(index) neglect\n" }
        let manyMatcher = try TestSupport.matcher(many)
        XCTAssertLessThan(Double(work(manyMatcher, text)) / Double(work(one, text)), 5)
    }
}
