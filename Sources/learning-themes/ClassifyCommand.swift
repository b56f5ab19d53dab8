import Foundation
import LearningThemes

/// `learning-themes classify FILE...`: every paragraph with its themes, sources and evidence.
enum ClassifyCommand: Command {
    static let name = "classify"
    static let summary = "tag each paragraph of documents with themes and learning sources, with evidence"
    static let usage = "classify [OPTIONS] FILE|FOLDER|- ..."
    static let options: [OptionSpec] = [
        OptionSpec(name: "--format", value: "FORMAT", choices: ["text", "jsonl", "json", "csv", "markdown"],
                   help: "text (default: readable view), jsonl, json, csv, markdown"),
        OptionSpec(name: "--input", value: "KIND", choices: ["documents", "jsonl"],
                   help: "documents (default) or jsonl: records {\"id\", \"text\"}, each one paragraph"),
        OptionSpec(name: "--all", value: nil, help: "text and markdown views: also list paragraphs with no tag"),
        CommonOptions.out, CommonOptions.rules, CommonOptions.jobs, CommonOptions.colour,
    ]
    static let details = """
    Folders are read recursively (.txt .md .html .htm .pdf .docx); a folder with a manifest.txt
    is read as a corpus, so documents get their manifest ids; a document whose manifest kind
    is a review, audit or inspection report gives every paragraph that learning source.
    '-' reads standard input. A file that cannot be read is reported on standard error and
    the others still run (exit code 1).

    Examples:
      learning-themes classify corpus/documents/002_99b8432725e0b66d.txt
      learning-themes classify corpus --format jsonl --out tags.jsonl
      printf '{"id":"a","text":"No professional curiosity about the father."}\\n' | learning-themes classify --input jsonl --format jsonl -
    """

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        guard !arguments.positionals.isEmpty else {
            throw LearningThemesError(.usage, "classify needs at least one FILE, FOLDER or - (see 'learning-themes classify --help')")
        }
        let format = arguments.value("--format") ?? "text"
        let out = arguments.value("--out") ?? "-"
        let matcher = try CommonOptions.loadMatcher(arguments)
        let terminal = Terminal(colourOption: arguments.value("--color"), writesToStandardOutput: out == "-")
        let writer = ClassificationWriter(format: format, terminal: terminal, showAll: arguments.flag("--all"))
        if arguments.value("--input") == "jsonl" {
            return try JSONLInputClassifier.run(arguments.positionals, matcher: matcher, writer: writer, out: out)
        }
        let documents = try DocumentInputs.resolve(arguments.positionals)
        let pipeline = DocumentPipeline(matcher: matcher, jobs: try CommonOptions.jobs(arguments))
        var failures: [String] = []
        var done = 0
        let inputs = DocumentInputs.protectedInputs(documents, arguments: arguments.positionals,
                                                    rules: matcher.ruleSet.directory)
        try AtomicFileWriter().write(to: out, refusingToOverwrite: inputs) { sink in
            var output = writer.begin()
            try pipeline.run(documents) { metadata, result in
                done += 1
                terminal.showProgress(done, of: documents.count, metadata.path)
                switch result {
                case .success(let document):
                    for warning in document.warnings { printError("learning-themes: \(warning)") }
                    try writer.write(document, into: &output, sink: &sink)
                case .failure(let error):
                    printError("learning-themes: \(error)")
                    failures.append(metadata.path)
                }
            }
            try writer.finish(&output, sink: &sink)
        }
        return DocumentInputs.summarise(failures: failures, total: documents.count)
    }
}

/// Turns command-line paths into documents: files, folders (recursively), corpus folders
/// (with their manifest ids) and `-` for standard input.
enum DocumentInputs {
    static func resolve(_ paths: [String]) throws -> [DocumentMetadata] {
        var documents: [DocumentMetadata] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if path != "-" && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue {
                guard FileManager.default.isReadableFile(atPath: path), (try? FileManager.default.contentsOfDirectory(atPath: path)) != nil else {
                    throw LearningThemesError(.input, "permission denied: cannot list the folder", at: SourceLocation(file: path))
                }
                let found = try Corpus.load(path).documents
                if found.isEmpty {
                    // A typo or the wrong folder must not look like a run that found no themes.
                    let kinds = Corpus.documentExtensions.sorted().map { "." + $0 }.joined(separator: " ")
                    throw LearningThemesError(.input, "no documents in this folder (looked for \(kinds))", at: SourceLocation(file: path))
                }
                documents += found
            } else if let listed = manifestEntry(for: path) {
                documents.append(listed)
            } else {
                let name = path == "-" ? "stdin" : ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                documents.append(DocumentMetadata(id: name, path: path))
            }
        }
        return documents
    }

    /// A file inside a corpus folder gets its manifest entry (id and facts), so classifying
    /// one document of the corpus names it as the corpus does. Looks two folders up.
    static func manifestEntry(for path: String) -> DocumentMetadata? {
        guard path != "-" else { return nil }
        let target = (path as NSString).standardizingPath
        var folder = (target as NSString).deletingLastPathComponent
        for _ in 0..<3 {
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(Corpus.manifestName)),
               let corpus = try? Corpus.load(folder),
               var entry = corpus.documents.first(where: { ($0.path as NSString).standardizingPath == target }),
               !corpus.unlisted.contains(entry.path) {
                entry.path = path
                return entry
            }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// Every file a run reads, which its output must never replace: the documents, the
    /// manifests of corpus folders and the rule files.
    static func protectedInputs(_ documents: [DocumentMetadata], arguments: [String], rules: String?) -> [String] {
        var paths = documents.map(\.path)
        for path in arguments where path != "-" {
            paths.append((path as NSString).appendingPathComponent(Corpus.manifestName))
        }
        if let rules {
            paths.append((rules as NSString).appendingPathComponent("taxonomy.txt"))
            if let walker = FileManager.default.enumerator(atPath: rules) {
                for case let relative as String in walker where relative.hasSuffix(".rules") {
                    paths.append((rules as NSString).appendingPathComponent(relative))
                }
            }
        }
        return paths
    }

    /// Prints the list of failed inputs and picks the exit code.
    static func summarise(failures: [String], total: Int) -> ExitCode {
        guard !failures.isEmpty else { return .success }
        printError("learning-themes: \(failures.count) of \(total) inputs failed: \(failures.joined(separator: ", "))")
        return failures.count == total ? .input : .partialFailure
    }
}
