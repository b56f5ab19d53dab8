import XCTest
@testable import LearningThemes

/// The shipped rules: they load, every theme and source of the taxonomy has a rule, and
/// every must-match and must-not-match example holds (as `rules test` reports them).
final class BundledRulesTests: XCTestCase {
    private func bundled() throws -> RuleSet { try RuleSet.load(directory: TestSupport.path("rules")) }

    func testEveryExampleOfEveryRulePasses() throws {
        let report = RuleExampleRunner.run(Matcher(ruleSet: try bundled()))
        XCTAssertGreaterThan(report.passed, 0)
        for failure in report.failures { XCTFail(failure.description) }
    }

    func testEveryRuleHasExamplesBothWays() throws {
        for rule in try bundled().rules {
            XCTAssertTrue(rule.examples.contains(where: \.mustMatch), "\(rule.id) has no must-match example")
            XCTAssertTrue(rule.examples.contains { !$0.mustMatch }, "\(rule.id) has no must-not-match example")
        }
    }

    func testExampleRunnerReportsTheRuleThatFired() throws {
        let rules = """
        theme professional-curiosity
        match pc-a: curious
        must-match: Staff showed professional curiosity.
        must-not-match: Children are curious.
        """
        let report = RuleExampleRunner.run(try TestSupport.matcher(rules))
        XCTAssertEqual(report.passed, 0)
        XCTAssertEqual(report.failures.count, 2)
        XCTAssertTrue(report.failures[0].description.contains("test.rules:3:1: must-match example not tagged professional-curiosity by any of pc-a"))
        XCTAssertTrue(report.failures[1].description.contains("must-not-match example tagged professional-curiosity (pc-a on \"curious\")"))
    }
}
