/// Runs the must-match and must-not-match sentences of every rule against the whole
/// compiled rule set, the way SwiftLint runs each rule's triggering and non-triggering
/// examples: an example passes when its theme's tag is (or is not) given.
public enum RuleExampleRunner {
    public struct Failure: Sendable {
        public var theme: String
        public var example: RuleExample
        /// For a must-not-match example: the evidence that fired. Empty for a missed must-match.
        public var fired: [Evidence]
        /// For a missed must-match example: the clauses that should have matched.
        public var expectedClauses: [String]

        public var description: String {
            let quoted = "\"\(example.text)\""
            if example.mustMatch {
                return "\(example.location): must-match example not tagged \(theme) by any of \(expectedClauses.joined(separator: ", ")): \(quoted)"
            }
            let rules = fired.map { "\($0.rule) on \"\($0.text)\"" }.joined(separator: ", ")
            return "\(example.location): must-not-match example tagged \(theme) (\(rules)): \(quoted)"
        }
    }

    public struct Report: Sendable {
        public var passed: Int
        public var failures: [Failure]
    }

    /// Checks the examples of every rule, or of the rules whose ids are in `only`.
    public static func run(_ matcher: Matcher, only: Set<String>? = nil) -> Report {
        var scratch = MatchScratch(matcher: matcher)
        var report = Report(passed: 0, failures: [])
        for rule in matcher.ruleSet.rules where only?.contains(rule.id) ?? true {
            for example in rule.examples {
                let result = matcher.classify(example.text, scratch: &scratch)
                let tagged = result.themes.contains(rule.id) || result.sources.contains(rule.id)
                if tagged == example.mustMatch {
                    report.passed += 1
                    continue
                }
                report.failures.append(Failure(
                    theme: rule.id, example: example,
                    fired: result.evidence.filter { $0.label == rule.id },
                    expectedClauses: rule.clauses.filter { $0.effect == .match }.map(\.id)))
            }
        }
        return report
    }
}
