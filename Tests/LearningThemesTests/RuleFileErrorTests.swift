import XCTest
@testable import LearningThemes

/// A malformed rule file is rejected with `file:line:column` and what was expected.
final class RuleFileErrorTests: XCTestCase {
    private func assertError(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let error = TestSupport.ruleError(text) else {
            return XCTFail("expected an error containing \(expected)", file: file, line: line)
        }
        XCTAssertTrue(error.contains(expected), "got: \(error)", file: file, line: line)
    }

    func testUnknownDirectiveNamesLineColumnAndNearestDirective() {
        assertError("theme neglect\nmatchh neg-a: neglect\n", "test.rules:2:1: unknown directive 'matchh' (did you mean 'match'?)")
    }

    func testMissingColonAfterRuleID() {
        assertError("theme neglect\nmatch neg-a neglect\n", "test.rules:2:13: expected ':' after the rule id, found 'n'")
    }

    func testUnbalancedParentheses() {
        assertError("theme neglect\nmatch neg-a: (neglect | abuse\n", "test.rules:2:30: expected ')' to close the '(' at column 14")
        assertError("theme neglect\nmatch neg-a: neglect)\n", "test.rules:2:21: unbalanced ')'")
    }

    func testEmptyPatterns() {
        assertError("theme neglect\nmatch neg-a:\n", "test.rules:2:13: empty pattern")
        assertError("theme neglect\nmatch neg-a: &&\n", "test.rules:2:14: '&&' has no letters or digits to match (empty pattern)")
        assertError("theme neglect\nmatch neg-a: \"\"\n", "test.rules:2:14: empty quoted phrase")
    }

    func testWildcardThatWouldMatchEverything() {
        assertError("theme neglect\nmatch neg-a: ne*\n", "test.rules:2:14: wildcard 'ne*' would match almost every word")
        assertError("theme neglect\nmatch neg-a: *\n", "test.rules:2:14:")
        assertError("theme neglect\nmatch neg-a: ne*glect\n", "a wildcard * may only end a word")
    }

    func testProximityNeedsADistanceAndParenthesesAroundAlternatives() {
        assertError("theme neglect\nmatch neg-a: neglect near child\n", "proximity is written near/N")
        assertError("theme neglect\nmatch neg-a: neglect near/x child\n", "expected a number of words from 0 to 50 after near/")
        assertError("theme neglect\nmatch neg-a: neglect | abuse near/3 child\n",
                    "test.rules:2:14: put alternatives next to near/N in parentheses")
    }

    func testOptionalOnlyPhraseCouldMatchNothing() {
        assertError("theme neglect\nmatch neg-a: (neglect)?\n", "every word of this phrase is optional")
    }

    func testUnknownThemeIDSuggestsTheNearestTaxonomyID() {
        assertError("theme neglekt\nmatch neg-a: neglect\n", "test.rules:1:1: unknown theme id 'neglekt' (did you mean 'neglect'?)")
    }

    func testSourceAndThemeKeywordsMustMatchTheTaxonomyGroup() {
        assertError("theme audit\nmatch au-a: audit\n", "'audit' is a learning source: write 'source audit'")
    }

    func testDuplicateThemeAndRuleIDs() {
        assertError("theme neglect\nmatch neg-a: neglect\ntheme neglect\nmatch neg-b: neglect\n", "test.rules:3:1: duplicate theme id 'neglect'")
        assertError("theme neglect\nmatch neg-a: neglect\nmatch neg-a: abuse\n", "test.rules:3:1: duplicate rule id 'neg-a' (first at test.rules:2:1)")
    }

    func testDirectiveBeforeThemeAndBadWeights() {
        assertError("match neg-a: neglect\n", "test.rules:1:1: 'match' before any 'theme' or 'source' line")
        assertError("theme neglect\nmatch neg-a weight 0: neglect\n", "expected a weight from 1 to 100")
        assertError("theme neglect\nmin-evidence lots\n", "test.rules:2:14: expected a minimum evidence from 1 to 100")
    }

    func testValidFileLoadsWithCommentsAndExamples() throws {
        let set = try TestSupport.ruleSet("""
        # a comment
        theme neglect   # trailing comment
        min-evidence 2
        match neg-a weight 2: neglect*   # why: the word itself
        exclude neg-self: self-neglect
        must-match: Neglect was the main category of plans.
        must-not-match: Adults at risk of self-neglect were supported.
        """)
        let rule = try XCTUnwrap(set.rule("neglect"))
        XCTAssertEqual(rule.minimumEvidence, 2)
        XCTAssertEqual(rule.clauses.map(\.id), ["neg-a", "neg-self"])
        XCTAssertEqual(rule.clauses[0].weight, 2)
        XCTAssertEqual(rule.examples.count, 2)
        XCTAssertEqual(rule.label, "Neglect")
        XCTAssertEqual(rule.group, .harm)
    }
}
