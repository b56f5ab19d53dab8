import Foundation
import LearningThemes

/// `learning-themes inspect FILE...`: what the tool can tell about a document from its own
/// text (partnership, areas, period, kind, title, date) and the line each came from.
enum InspectCommand: Command {
    static let name = "inspect"
    static let summary = "show the format and the partnership, area, period and kind detected in documents"
    static let usage = "inspect [OPTIONS] FILE|FOLDER|- ..."
    static let options: [OptionSpec] = [
        OptionSpec(name: "--format", value: "FORMAT", choices: ["text", "json", "jsonl"], help: "text (default), json or jsonl"),
        CommonOptions.out,
    ]
    static let details = """
    Detection reads the document's title, cover sheet and opening. For documents listed in a
    corpus manifest the manifest's values are shown beside what was detected; the manifest
    always wins when the corpus is classified. A corpus folder's unlisted documents need no
    hand-written metadata when every field is detected: the fields that were not are named.
    """

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        guard !arguments.positionals.isEmpty else {
            throw LearningThemesError(.usage, "inspect needs at least one FILE, FOLDER or -")
        }
        let documents = try DocumentInputs.resolve(arguments.positionals)
        let format = arguments.value("--format") ?? "text"
        var failures: [String] = []
        var records: [JSONValue] = []
        var text = ""
        for document in documents {
            do {
                let loaded = try DocumentLoader.load(path: document.path)
                for warning in loaded.warnings { printError("learning-themes: \(warning)") }
                let detected = MetadataDetector.detect(text: String(decoding: loaded.bytes.prefix(256 * 1024), as: UTF8.self))
                records.append(json(document, loaded.format, detected))
                text += render(document, loaded.format, detected)
            } catch let error as LearningThemesError {
                printError("learning-themes: \(error)")
                failures.append(document.path)
            }
        }
        try AtomicFileWriter().write(to: arguments.value("--out") ?? "-", refusingToOverwrite: documents.map(\.path)) { sink in
            switch format {
            case "json": try sink.write(JSONSerializer(layout: .pretty).serialize(.array(records)) + [10])
            case "jsonl": for record in records { try sink.write(JSONSerializer().serialize(record) + [10]) }
            default: try sink.write(text)
            }
        }
        return DocumentInputs.summarise(failures: failures, total: documents.count)
    }

    /// The fields in display order: name, detected value (with line and evidence), manifest value.
    private static func fields(_ manifest: DocumentMetadata, _ detected: DetectedMetadata)
        -> [(name: String, value: String?, line: Int?, evidence: String?, manifest: String?)] {
        func item<T>(_ name: String, _ value: DetectedValue<T>?, _ show: (T) -> String, _ listed: String?) -> (String, String?, Int?, String?, String?) {
            (name, value.map { show($0.value) }, value?.line, value?.evidence, listed)
        }
        return [
            item("partnership", detected.partnership, { $0 }, manifest.partnership),
            item("areas", detected.areas, { $0.joined(separator: "; ") }, manifest.areas.isEmpty ? nil : manifest.areas.joined(separator: "; ")),
            item("period", detected.period, { $0 }, manifest.period),
            item("kind", detected.kind, { $0.rawValue }, manifest.kind?.rawValue),
            item("title", detected.title, { $0 }, manifest.title),
            item("date", detected.date, { $0 }, manifest.date),
        ]
    }

    private static func render(_ document: DocumentMetadata, _ format: DocumentFormat, _ detected: DetectedMetadata) -> String {
        var text = "\(document.path)  (\(format.rawValue))\n"
        for field in fields(document, detected) {
            let name = field.name.padding(toLength: 12, withPad: " ", startingAt: 0)
            if let value = field.value, let line = field.line {
                text += "  \(name)\(value)\n  \(String(repeating: " ", count: 12))from line \(line): \"\(field.evidence ?? "")\"\n"
            } else {
                text += "  \(name)(not detected)\n"
            }
            if let listed = field.manifest, listed != field.value {
                text += "  \(String(repeating: " ", count: 12))manifest: \(listed)\n"
            }
        }
        if !detected.missingFields.isEmpty {
            text += "  could not detect: \(detected.missingFields.joined(separator: ", "))\n"
        }
        return text + "\n"
    }

    private static func json(_ document: DocumentMetadata, _ format: DocumentFormat, _ detected: DetectedMetadata) -> JSONValue {
        var object: [(String, JSONValue)] = [("file", .string(document.path)), ("format", .string(format.rawValue))]
        for field in fields(document, detected) {
            object.append((field.name, field.value.map { value in
                .object([("value", .string(value)), ("line", .int(field.line ?? 0)), ("evidence", .string(field.evidence ?? ""))])
            } ?? .null))
        }
        object.append(("missing", .array(detected.missingFields.map(JSONValue.string))))
        return .object(object)
    }
}
