import Foundation
import LearningThemes

/// Options and loading shared by the commands that read a whole corpus.
enum CorpusOptions {
    static let partnership = OptionSpec(name: "--partnership", value: "TEXT",
                                        help: "only documents whose partnership or area contains TEXT (e.g. Camden)")
    static let themes = OptionSpec(name: "--themes", value: "IDS", help: "comma-separated theme ids (default: all themes)")

    /// The corpus documents (the bundled corpus when no folder is given), filtered.
    static func corpusPaths(_ arguments: ParsedArguments) throws -> [String] {
        arguments.positionals.isEmpty ? [try RulesLocator.defaultCorpus()] : arguments.positionals
    }

    static func documents(_ arguments: ParsedArguments) throws -> [DocumentMetadata] {
        let paths = try corpusPaths(arguments)
        var documents = try DocumentInputs.resolve(paths)
        if let filter = arguments.value("--partnership")?.lowercased() {
            documents = documents.filter { document in
                ([document.partnership ?? ""] + document.areas).contains { $0.lowercased().contains(filter) }
            }
            if documents.isEmpty {
                throw LearningThemesError(.usage, "no document's partnership or area contains '\(filter)'")
            }
        }
        return documents
    }

    /// Runs the pipeline over the corpus, reporting failures and warnings on standard error.
    static func analyse(_ arguments: ParsedArguments, matcher: Matcher, keepDocuments: Bool = false) throws -> (CorpusAnalysis, [String]) {
        let documents = try documents(arguments)
        let terminal = Terminal(colourOption: "never", writesToStandardOutput: false)
        let pipeline = DocumentPipeline(matcher: matcher, jobs: try CommonOptions.jobs(arguments), reportsMissingMetadata: true)
        let analysis = CorpusAnalysis(documents: documents, pipeline: pipeline, keepDocuments: keepDocuments) { done, total, item in
            terminal.showProgress(done, of: total, item.path)
        }
        for warning in analysis.warnings { printError("learning-themes: \(warning)") }
        for failure in analysis.failures { printError("learning-themes: \(failure)") }
        if analysis.tally.documents.isEmpty {
            throw LearningThemesError(.input, "no document could be read")
        }
        let inputs = DocumentInputs.protectedInputs(documents, arguments: try corpusPaths(arguments),
                                                    rules: matcher.ruleSet.directory)
        return (analysis, inputs)
    }

    /// Indices of the requested themes (all themes by default), rejecting unknown ids.
    static func themeIndices(_ arguments: ParsedArguments, ruleSet: RuleSet) throws -> [Int]? {
        guard let list = arguments.value("--themes") else { return nil }
        return try list.split(separator: ",").map { raw in
            let id = raw.trimmingCharacters(in: .whitespaces)
            guard let index = ruleSet.rules.firstIndex(where: { $0.id == id && !$0.isSource }) else {
                let hint = NearestName.suggestion(for: id, among: ruleSet.themes.map(\.id))
                throw LearningThemesError(.usage, "unknown theme '\(id)'\(hint)")
            }
            return index
        }
    }

    static func sourceIndex(_ arguments: ParsedArguments, ruleSet: RuleSet) throws -> Int? {
        guard let id = arguments.value("--source") else { return nil }
        guard let index = ruleSet.rules.firstIndex(where: { $0.id == id && $0.isSource }) else {
            let hint = NearestName.suggestion(for: id, among: ruleSet.sources.map(\.id))
            throw LearningThemesError(.usage, "unknown learning source '\(id)'\(hint); expected one of \(ruleSet.sources.map(\.id).joined(separator: ", "))")
        }
        return index
    }

    /// The output format: `--format`, else the `--out` file's extension, else `fallback`.
    static func format(_ arguments: ParsedArguments, fallback: String) throws -> String {
        if let format = arguments.value("--format") { return format }
        if let out = arguments.value("--out"), out != "-" {
            guard let format = TableFormat(path: out) else {
                throw LearningThemesError(.usage, "cannot tell the format from '\(out)': add --format (csv, tsv, json, jsonl, markdown, html)")
            }
            return format.rawValue
        }
        return fallback
    }
}
