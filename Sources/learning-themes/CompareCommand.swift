import Foundation
import LearningThemes

/// `learning-themes compare [CORPUS]`: which themes come up where, and whether a group
/// differs from the rest of the corpus by more than chance.
enum CompareCommand: Command {
    static let name = "compare"
    static let summary = "compare theme frequencies across partnerships, periods, kinds or learning sources"
    static let usage = "compare [CORPUS...] [OPTIONS]"
    static let options: [OptionSpec] = [
        OptionSpec(name: "--by", value: "GROUP", choices: ["partnership", "period", "kind", "source", "document"],
                   help: "group paragraphs by partnership (default), period, kind, source or document"),
        OptionSpec(name: "--source", value: "ID", help: "only paragraphs reporting this learning source (e.g. audit)"),
        CorpusOptions.themes, CorpusOptions.partnership,
        OptionSpec(name: "--alpha", value: "P", help: "false discovery rate for marking differences (default 0.05)"),
        OptionSpec(name: "--format", value: "FORMAT", choices: ["text", "csv", "tsv", "json", "jsonl", "markdown", "html"],
                   help: "text (default) or a long table: csv, tsv, json, jsonl, markdown, html"),
        CommonOptions.out, CommonOptions.rules, CommonOptions.jobs, CommonOptions.colour,
    ]
    static let details = """
    Rates are per paragraph (paragraphs tagged / paragraphs in the group), so partnerships
    with long and short documents are comparable. Each group is compared with the rest of
    the corpus by Fisher's exact test; p-values are adjusted for the number of tests
    (Benjamini-Hochberg) and a difference is marked only when the adjusted value is below
    --alpha. ▲ over-represented, ▼ under-represented, · no clear difference,
    ? too few paragraphs to tell (a group under 10 paragraphs, or counts so small that no
    difference could reach significance). The 95% Wilson interval of each rate is in the
    table formats.

    Examples:
      learning-themes compare
      learning-themes compare --by period --partnership Camden
      learning-themes compare --source audit --themes information-sharing,neglect
      learning-themes compare --format csv --out compare.csv
    """

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let grouping = Grouping(rawValue: arguments.value("--by") ?? "partnership")!
        let format = try CorpusOptions.format(arguments, fallback: "text")
        let alpha = try arguments.value("--alpha").map { text -> Double in
            guard let value = Double(text), value > 0, value < 1 else {
                throw LearningThemesError(.usage, "--alpha must be a number between 0 and 1, not '\(text)'")
            }
            return value
        } ?? 0.05
        if grouping == .source && arguments.value("--source") != nil {
            throw LearningThemesError(.usage, "--source cannot be combined with --by source")
        }
        let matcher = try CommonOptions.loadMatcher(arguments)
        let ruleSet = matcher.ruleSet
        let tags = try CorpusOptions.themeIndices(arguments, ruleSet: ruleSet)
        let source = try CorpusOptions.sourceIndex(arguments, ruleSet: ruleSet)
        let (analysis, inputs) = try CorpusOptions.analyse(arguments, matcher: matcher)
        let comparison = try ThemeComparison(analysis.tally, by: grouping, tags: tags, source: source, significanceLevel: alpha)
        let out = arguments.value("--out") ?? "-"
        let terminal = Terminal(colourOption: arguments.value("--color"), writesToStandardOutput: out == "-")
        try AtomicFileWriter().write(to: out, refusingToOverwrite: inputs) { sink in
            if format == "text" {
                try sink.write(ComparisonText(terminal: terminal, ruleSet: ruleSet).render(comparison))
            } else {
                try TableWriter(format: TableFormat(rawValue: format)!).write(ComparisonTable.table(comparison, ruleSet: ruleSet), to: &sink)
            }
        }
        return analysis.failures.isEmpty ? .success : .partialFailure
    }
}
