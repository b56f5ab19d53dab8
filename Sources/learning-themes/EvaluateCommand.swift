import Foundation
import LearningThemes

/// `learning-themes evaluate --gold FILE`: how well the rules agree with hand labels.
enum EvaluateCommand: Command {
    static let name = "evaluate"
    static let summary = "score the rules against hand-labelled paragraphs (precision, recall, F1)"
    static let usage = "evaluate --gold FILE.jsonl [OPTIONS]"
    static let options: [OptionSpec] = [
        OptionSpec(name: "--gold", value: "FILE", help: "JSON Lines gold file: {\"id\", \"text\", \"themes\": [...], \"sources\": [...]}"),
        OptionSpec(name: "--errors", value: nil, help: "also list every false positive and false negative with its text and evidence"),
        OptionSpec(name: "--format", value: "FORMAT", choices: ["text", "markdown", "csv", "tsv", "json"],
                   help: "text (default), markdown, csv, tsv or json (scores only)"),
        OptionSpec(name: "--corpus", value: "DIR", help: "the corpus the gold paragraphs' \"doc\" ids come from (default: the bundled corpus)"),
        OptionSpec(name: "--alone", value: nil, help: "classify each paragraph alone, without its document (no inherited sources)"),
        CommonOptions.out, CommonOptions.rules, CommonOptions.jobs,
    ]
    static let details = """
    Micro averages pool every tag; macro F1 is the mean F1 of the ids that occur in the gold
    file or in the predictions. Each micro-F1 comes with a 95% interval (f1_low, f1_high):
    the paragraphs resampled 2,000 times with a fixed seed, to show how far the score could
    move by chance with this many paragraphs. Precision is favoured over recall in the
    rules: run with --errors to see what was missed (false negatives) as well as what was
    wrongly tagged.
    The bundled gold sets: corpus/gold/dev.jsonl (rules are tuned on it) and
    corpus/gold/test.jsonl (a whole document held aside, never tuned on).
    Records that name their document and lines ("doc", "lines") are also seen in that
    document, as classify sees them: a list item inherits the learning sources of its
    lead-in or heading. --alone turns that off.
    """

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        guard let goldPath = arguments.value("--gold") ?? arguments.positionals.first else {
            throw LearningThemesError(.usage, "evaluate needs --gold FILE.jsonl")
        }
        let matcher = try CommonOptions.loadMatcher(arguments)
        let gold = try GoldSet.load(goldPath, taxonomy: matcher.ruleSet.taxonomy)
        let documents = arguments.flag("--alone") ? [:] : try contextDocuments(for: gold, arguments: arguments, matcher: matcher)
        let evaluation = Evaluation(matcher: matcher, gold: gold, documents: documents)
        let format = arguments.value("--format") ?? "text"
        let out = arguments.value("--out") ?? "-"
        try AtomicFileWriter().write(to: out, refusingToOverwrite: [goldPath] + DocumentInputs.protectedInputs([], arguments: [], rules: matcher.ruleSet.directory)) { sink in
            switch format {
            case "text", "markdown":
                try sink.write(EvaluationReport.text(evaluation, gold: goldPath, errors: arguments.flag("--errors")))
            default:
                let table = EvaluationReport.table(evaluation)
                try TableWriter(format: TableFormat(rawValue: format)!).write(table, to: &sink)
            }
        }
        return .success
    }

    /// The corpus documents the gold records come from, classified. A document that cannot
    /// be read is reported and its paragraphs are scored alone.
    private static func contextDocuments(for gold: [GoldParagraph], arguments: ParsedArguments,
                                         matcher: Matcher) throws -> [String: ClassifiedDocument] {
        let wanted = Set(gold.compactMap(\.document))
        guard !wanted.isEmpty else { return [:] }
        let corpus = try arguments.value("--corpus") ?? RulesLocator.defaultCorpus()
        // The corpus's documents are filtered by id below, so a mistyped folder would
        // otherwise only show as every paragraph scored alone.
        guard FileManager.default.fileExists(atPath: corpus) else {
            throw LearningThemesError(.input, "no such corpus folder", at: SourceLocation(file: corpus))
        }
        let metadata = try DocumentInputs.resolve([corpus]).filter { wanted.contains($0.id) }
        var documents: [String: ClassifiedDocument] = [:]
        let pipeline = DocumentPipeline(matcher: matcher, jobs: try CommonOptions.jobs(arguments))
        pipeline.run(metadata) { item, result in
            switch result {
            case .success(let document): documents[item.id] = document
            case .failure(let error): printError("learning-themes: \(error)")
            }
        }
        for id in wanted.subtracting(documents.keys).sorted() {
            printError("learning-themes: warning: gold document '\(id)' is not in \(corpus): its paragraphs are scored alone")
        }
        return documents
    }
}

/// Renders an `Evaluation` for people (Markdown tables) and for programs (a table).
enum EvaluationReport {
    static func table(_ evaluation: Evaluation) -> DataTable {
        let columns = ["group", "id", "support", "tp", "fp", "fn", "precision", "recall", "f1", "f1_low", "f1_high"]
        var table = DataTable(columns: columns.map { .init(id: $0) })
        func add(_ group: String, _ scores: [Evaluation.Score], _ averages: Evaluation.Averages, _ interval: BootstrapInterval?) {
            for score in scores + [averages.micro] {
                // Only the micro average has an interval: per-id supports are too small for one.
                let bounds: [DataTable.Cell] = score.id == averages.micro.id
                    ? [number(interval?.lower), number(interval?.upper)] : [.empty, .empty]
                table.appendRow([.text(group), .text(score.id), .integer(score.support), .integer(score.truePositives),
                                 .integer(score.falsePositives), .integer(score.falseNegatives),
                                 number(score.precision), number(score.recall), .number(score.f1, decimals: 3)] + bounds)
            }
            table.appendRow([.text(group), .text("macro"), .empty, .empty, .empty, .empty,
                             .number(averages.macroPrecision, decimals: 3), .number(averages.macroRecall, decimals: 3),
                             .number(averages.macroF1, decimals: 3), .empty, .empty])
        }
        add("theme", evaluation.themes, evaluation.themeAverages, evaluation.themeInterval)
        add("source", evaluation.sources, evaluation.sourceAverages, evaluation.sourceInterval)
        return table
    }

    static func number(_ value: Double?) -> DataTable.Cell { value.map { .number($0, decimals: 3) } ?? .empty }

    static func text(_ evaluation: Evaluation, gold: String, errors: Bool) -> String {
        var text = "# Evaluation against \(gold) (\(evaluation.paragraphCount) paragraphs)\n\n"
        text += evaluation.paragraphsInContext == 0 ? "Each paragraph classified alone.\n\n"
            : "\(evaluation.paragraphsInContext) paragraphs also seen in their document: list items inherit the learning sources of their lead-in or heading.\n\n"
        for (title, scores, averages, interval) in [("Themes", evaluation.themes, evaluation.themeAverages, evaluation.themeInterval),
                                                    ("Learning sources", evaluation.sources, evaluation.sourceAverages, evaluation.sourceInterval)] {
            var table = DataTable(columns: ["id", "support", "tp", "fp", "fn", "precision", "recall", "f1"].map { .init(id: $0) })
            for score in scores {
                table.appendRow([.text(score.id), .integer(score.support), .integer(score.truePositives),
                                 .integer(score.falsePositives), .integer(score.falseNegatives),
                                 number(score.precision), number(score.recall), .number(score.f1, decimals: 3)])
            }
            let micro = averages.micro
            table.appendRow([.text("**micro**"), .integer(micro.support), .integer(micro.truePositives),
                             .integer(micro.falsePositives), .integer(micro.falseNegatives),
                             number(micro.precision), number(micro.recall), .number(micro.f1, decimals: 3)])
            table.appendRow([.text("**macro**"), .empty, .empty, .empty, .empty,
                             .number(averages.macroPrecision, decimals: 3), .number(averages.macroRecall, decimals: 3),
                             .number(averages.macroF1, decimals: 3)])
            text += "## \(title)\n\n" + String(decoding: TableWriter(format: .markdown).render(table), as: UTF8.self) + "\n"
            if let interval {
                text += String(format: "Micro-F1 95%% interval %.3f–%.3f (%d bootstrap resamples of the paragraphs): "
                               + "a difference inside it may be chance.\n\n", interval.lower, interval.upper, BootstrapInterval.resamples)
            }
        }
        guard errors else { return text }
        text += "## Errors\n\n"
        for error in evaluation.errors {
            text += "- **\(error.kind.rawValue)** `\(error.label)` \(error.paragraph.id) (gold line \(error.paragraph.line))\n"
            text += "  > \(error.paragraph.text)\n"
            if error.kind == .falsePositive {
                text += "  fired: " + error.evidence.map { evidence in
                    evidence.rule + (evidence.inheritedFrom.map { " (\($0.description))" } ?? "") + " \"\(evidence.text)\""
                }.joined(separator: "; ") + "\n"
            } else if !error.evidence.isEmpty {
                text += "  other tags: " + Set(error.evidence.map(\.label)).sorted().joined(separator: ", ") + "\n"
            }
        }
        return text
    }
}
