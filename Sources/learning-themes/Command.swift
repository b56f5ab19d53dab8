import LearningThemes

/// A subcommand: its help text, its options and what it does.
protocol Command {
    static var name: String { get }
    static var summary: String { get }
    /// Usage line(s) after `learning-themes`.
    static var usage: String { get }
    /// Paragraphs of help after the options (examples, notes).
    static var details: String { get }
    static var options: [OptionSpec] { get }
    static func run(_ arguments: ParsedArguments) throws -> ExitCode
}

/// A command as a value, so the command table needs no existential metatypes.
struct CommandEntry: Sendable {
    var name: String
    var summary: String
    var options: [OptionSpec]
    var help: @Sendable () -> String
    var run: @Sendable (ParsedArguments) throws -> ExitCode
}

extension Command {
    static var details: String { "" }

    static var entry: CommandEntry {
        CommandEntry(name: name, summary: summary, options: options, help: { help() }, run: { try run($0) })
    }

    static func help() -> String {
        var text = "learning-themes \(name): \(summary)\n\nUsage: learning-themes \(usage)\n"
        let all = options + [OptionSpec(name: "--help", value: nil, help: "show this help")]
        if !all.isEmpty {
            text += "\nOptions:\n"
            let width = all.map { $0.name.count + ($0.value.map { $0.count + 1 } ?? 0) }.max() ?? 0
            for option in all {
                let left = option.name + (option.value.map { " " + $0 } ?? "")
                let padded = left.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                text += "  \(padded)\(option.help)\n"
            }
        }
        if !details.isEmpty { text += "\n" + details + "\n" }
        return text
    }
}

/// Options most commands share.
enum CommonOptions {
    static let rules = OptionSpec(name: "--rules", value: "DIR", help: "rules folder (default: the project's rules/, found from any directory)")
    static let jobs = OptionSpec(name: "--jobs", value: "N", help: "worker threads (default: all cores)")
    static let out = OptionSpec(name: "--out", value: "FILE", help: "write to FILE instead of standard output (- for standard output)")
    static let colour = OptionSpec(name: "--color", value: "WHEN", choices: ["auto", "always", "never"],
                                   help: "colour in the terminal view: auto (default; off with NO_COLOR), always, never")

    static func loadMatcher(_ arguments: ParsedArguments) throws -> Matcher {
        let matcher = Matcher(ruleSet: try RuleSet.load(directory: try RulesLocator.locate(arguments.value("--rules"))))
        // A command loads the rules once and uses them until the process exits. This
        // retain is never released, so their ~120,000 objects are not freed one by one
        // when the command returns (2% of a corpus run); the system reclaims them at once.
        _ = Unmanaged.passRetained(matcher)
        return matcher
    }

    static func jobs(_ arguments: ParsedArguments) throws -> Int {
        try arguments.integer("--jobs", range: 1...256) ?? ProcessInfo.processInfo.activeProcessorCount
    }
}

import Foundation
