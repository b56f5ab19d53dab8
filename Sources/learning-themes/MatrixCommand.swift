import LearningThemes

/// `learning-themes matrix [CORPUS] --out FILE`: the theme matrix for spreadsheets and code.
enum MatrixCommand: Command {
    static let name = "matrix"
    static let summary = "export the theme matrix (CSV, TSV, JSON, JSON Lines, Markdown, HTML)"
    static let usage = "matrix [CORPUS...] [--out FILE] [OPTIONS]"
    static let options: [OptionSpec] = [
        OptionSpec(name: "--rows", value: "ROWS", choices: ["document", "partnership", "period"],
                   help: "rows: document (default), partnership or period"),
        OptionSpec(name: "--values", value: "VALUES", choices: ["counts", "rates", "presence"],
                   help: "cells: counts of paragraphs (default), rates (share of the row's paragraphs) or presence (0/1)"),
        OptionSpec(name: "--kind", value: "KIND", choices: ["themes", "sources", "cooccurrence"],
                   help: "themes (rows × themes, default), sources (theme × learning source) or cooccurrence (theme × theme)"),
        OptionSpec(name: "--format", value: "FORMAT", choices: ["csv", "tsv", "json", "jsonl", "markdown", "html"],
                   help: "output format (default: from the --out extension, else csv)"),
        OptionSpec(name: "--no-bom", value: nil, help: "CSV without the UTF-8 byte order mark (Excel wants it; some R readers do not)"),
        CorpusOptions.themes, CorpusOptions.partnership,
        CommonOptions.out, CommonOptions.rules, CommonOptions.jobs,
    ]
    static let details = """
    Column ids are the taxonomy ids (stable names for R and pandas); Markdown and HTML headers
    show the labels. CSV is RFC 4180 in UTF-8 with a byte order mark so Excel opens it
    correctly; a text cell that would start a formula (=, +, -, @) is prefixed with '.
    The file is written completely or not at all.

    Examples:
      learning-themes matrix --out themes.csv
      learning-themes matrix --rows partnership --values rates --out themes.xlsx.tsv --format tsv
      learning-themes matrix --kind cooccurrence --format markdown
    """

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let format = try CorpusOptions.format(arguments, fallback: "csv")
        let matcher = try CommonOptions.loadMatcher(arguments)
        let tags = try CorpusOptions.themeIndices(arguments, ruleSet: matcher.ruleSet)
        let (analysis, inputs) = try CorpusOptions.analyse(arguments, matcher: matcher)
        let matrix = ThemeMatrix(analysis.tally,
                                 kind: ThemeMatrix.Kind(rawValue: arguments.value("--kind") ?? "themes")!,
                                 rows: Grouping(rawValue: arguments.value("--rows") ?? "document")!,
                                 values: ThemeMatrix.Values(rawValue: arguments.value("--values") ?? "counts")!,
                                 tags: tags)
        let options = TableWriter.Options(csvByteOrderMark: !arguments.flag("--no-bom"))
        try AtomicFileWriter().write(to: arguments.value("--out") ?? "-", refusingToOverwrite: inputs) { sink in
            try TableWriter(format: TableFormat(rawValue: format)!, options: options).write(matrix.table, to: &sink)
        }
        return analysis.failures.isEmpty ? .success : .partialFailure
    }
}
