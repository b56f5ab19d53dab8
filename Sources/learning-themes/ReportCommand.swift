import Foundation
import LearningThemes

/// `learning-themes report [CORPUS] --out report.html`: the comparison as one HTML page a
/// business manager or scrutineer can open offline, with every number traceable to the
/// paragraphs behind it.
enum ReportCommand: Command {
    static let name = "report"
    static let summary = "write a self-contained HTML report: heatmap, charts, notable differences, paragraphs"
    static let usage = "report [CORPUS...] [--out FILE] [OPTIONS]"
    static let options: [OptionSpec] = [
        OptionSpec(name: "--out", value: "FILE", help: "where to write the page (default report.html; - for standard output)"),
        OptionSpec(name: "--by", value: "GROUP", choices: ["partnership", "period", "kind"],
                   help: "rows of the heatmap: partnership (default), period or kind"),
        CorpusOptions.partnership, CorpusOptions.themes,
        OptionSpec(name: "--title", value: "TEXT", help: "title of the page (default: Learning themes by partnership)"),
        OptionSpec(name: "--alpha", value: "P", help: "false discovery rate for marking differences (default 0.05)"),
        OptionSpec(name: "--max-paragraphs", value: "N", help: "show at most N paragraphs behind each cell (default: all)"),
        CommonOptions.rules, CommonOptions.jobs,
    ]
    static let details = """
    The page needs no network and no script: styles are inline, and a cell's paragraphs
    open through an ordinary link. It is written completely or not at all, never over an
    input document. The output is the same bytes for the same corpus, rules and options.
    --out defaults to report.html; '-' writes to standard output.

    Examples:
      learning-themes report --out report.html
      learning-themes report my-corpus --by period --partnership Camden --out camden.html
    """

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let grouping = Grouping(rawValue: arguments.value("--by") ?? "partnership")!
        let alpha = try arguments.value("--alpha").map { text -> Double in
            guard let value = Double(text), value > 0, value < 1 else {
                throw LearningThemesError(.usage, "--alpha must be a number between 0 and 1, not '\(text)'")
            }
            return value
        } ?? 0.05
        let perCell = try arguments.integer("--max-paragraphs", range: 1...1_000_000)
        let matcher = try CommonOptions.loadMatcher(arguments)
        let tags = try CorpusOptions.themeIndices(arguments, ruleSet: matcher.ruleSet)
        let (analysis, inputs) = try CorpusOptions.analyse(arguments, matcher: matcher, keepDocuments: true)
        let comparison = try ThemeComparison(analysis.tally, by: grouping, tags: tags, significanceLevel: alpha)
        let title = arguments.value("--title") ?? "Learning themes by \(ReportCommand.rowNoun(grouping))"
        let report = HTMLReport(analysis: analysis, comparison: comparison, title: title,
                                generatedBy: commandLine(), corpus: try corpusDescription(arguments),
                                paragraphsPerCell: perCell)
        try AtomicFileWriter().write(report.render(), to: arguments.value("--out") ?? "report.html", refusingToOverwrite: inputs)
        return analysis.failures.isEmpty ? .success : .partialFailure
    }

    private static func rowNoun(_ grouping: Grouping) -> String {
        grouping == .kind ? "kind of document" : grouping.rawValue
    }

    private static func corpusDescription(_ arguments: ParsedArguments) throws -> String {
        var text = arguments.positionals.isEmpty
            ? "the bundled corpus (\(try RulesLocator.defaultCorpus()))" : arguments.positionals.joined(separator: ", ")
        if let filter = arguments.value("--partnership") { text += ", only partnerships matching “\(filter)”" }
        return text
    }

    /// The command as typed, so a reader can make the same report again; without --out
    /// and --jobs, so the page's bytes do not depend on where it was saved or how many
    /// threads made it.
    private static func commandLine() -> String {
        let unshown = ["--out", "--jobs"]
        var words = ["learning-themes"]
        var skipNext = false
        for word in CommandLine.arguments.dropFirst() {
            if skipNext { skipNext = false; continue }
            if unshown.contains(word) { skipNext = true; continue }
            if unshown.contains(where: { word.hasPrefix($0 + "=") }) { continue }
            words.append(word.contains(" ") || word.isEmpty ? "'\(word)'" : word)
        }
        return words.joined(separator: " ")
    }
}
