import Foundation
import LearningThemes

/// `learning-themes rules list|check|test`: for analysts editing the rule files.
enum RulesCommand: Command {
    static let name = "rules"
    static let summary = "list the rules, lint them, or run their must-match/must-not-match examples"
    static let usage = "rules list|check|test|phrases [OPTIONS] [THEME...]"
    static let options: [OptionSpec] = [CommonOptions.rules]
    static let details = """
    Subcommands:
      list             id, label, group, number of rules and examples of every theme and source
      check            lint: themes without rules or examples, duplicate patterns, exclusions
                       that cancel a theme's own phrases (syntax errors, unknown and duplicate
                       ids are reported with file:line:column by every command)
      phrases          every literal phrase of every match clause, one per line (a wildcard
                       word is cut to its prefix); scripts/bench feeds them to ripgrep
      test [THEME...]  run the example sentences of every rule (or of the named ones); each
                       failing example is listed with the rule that fired or should have

    Exit codes: 0 all good, 1 some examples failed or lint findings, 3 the rules do not load.
    """

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        guard let sub = arguments.positionals.first else {
            throw LearningThemesError(.usage, "rules needs a subcommand: list, check or test")
        }
        let folder = try RulesLocator.locate(arguments.value("--rules"))
        let ruleSet = try RuleSet.load(directory: folder)
        let rest = Array(arguments.positionals.dropFirst())
        switch sub {
        case "list": return list(ruleSet)
        case "check": return check(ruleSet)
        case "test": return try test(ruleSet, only: rest)
        case "phrases": return phrases(ruleSet)
        default:
            let hint = NearestName.suggestion(for: sub, among: ["list", "check", "test"])
            throw LearningThemesError(.usage, "unknown rules subcommand '\(sub)'\(hint); expected list, check, test or phrases")
        }
    }

    static func list(_ ruleSet: RuleSet) -> ExitCode {
        var table = DataTable(columns: [
            .init(id: "id"), .init(id: "label"), .init(id: "group"), .init(id: "rules"),
            .init(id: "must_match"), .init(id: "must_not_match"), .init(id: "min_evidence"),
        ])
        for rule in ruleSet.rules {
            table.appendRow([
                .text(rule.id), .text(rule.label), .text(rule.group.rawValue),
                .integer(rule.clauses.count), .integer(rule.examples.filter(\.mustMatch).count),
                .integer(rule.examples.filter { !$0.mustMatch }.count), .integer(rule.minimumEvidence),
            ])
        }
        print(String(decoding: TableWriter(format: .markdown).render(table), as: UTF8.self), terminator: "")
        return .success
    }

    static func phrases(_ ruleSet: RuleSet) -> ExitCode {
        var seen = Set<String>()
        for rule in ruleSet.rules {
            for clause in rule.clauses where clause.effect == .match {
                for phrase in clause.pattern.phrases + (clause.pattern.near?.phrases ?? []) {
                    let text = phrase.map(\.folded).joined(separator: " ")
                    if seen.insert(text).inserted { print(text) }
                }
            }
        }
        return .success
    }

    static func check(_ ruleSet: RuleSet) -> ExitCode {
        let findings = RuleLinter.check(ruleSet)
        for finding in findings { print(finding) }
        print("\(ruleSet.rules.count) rules checked, \(findings.count) finding(s)")
        return findings.isEmpty ? .success : .partialFailure
    }

    static func test(_ ruleSet: RuleSet, only: [String]) throws -> ExitCode {
        for id in only where ruleSet.rule(id) == nil {
            let hint = NearestName.suggestion(for: id, among: ruleSet.rules.map(\.id))
            throw LearningThemesError(.usage, "no rule for '\(id)'\(hint)")
        }
        let report = RuleExampleRunner.run(Matcher(ruleSet: ruleSet), only: only.isEmpty ? nil : Set(only))
        for failure in report.failures { print(failure.description) }
        print("\(report.passed) passed, \(report.failures.count) failed")
        return report.failures.isEmpty ? .success : .partialFailure
    }
}
