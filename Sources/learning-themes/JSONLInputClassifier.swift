import Foundation
import LearningThemes

/// `classify --input jsonl`: each record's text is classified as exactly one paragraph
/// and written back with its id. A malformed line is reported (file:line) and skipped.
enum JSONLInputClassifier {
    static func run(_ paths: [String], matcher: Matcher, writer: ClassificationWriter, out: String) throws -> ExitCode {
        var scratch = MatchScratch(matcher: matcher)
        var badLines = 0
        var failedFiles: [String] = []
        try AtomicFileWriter().write(to: out, refusingToOverwrite: paths) { sink in
            var output = writer.begin()
            for path in paths {
                let records: [JSONLRecord]
                do {
                    records = try JSONLRecord.read(path) { error in
                        printError("learning-themes: \(error)")
                        badLines += 1
                    }
                } catch let error as LearningThemesError {
                    printError("learning-themes: \(error)")
                    failedFiles.append(path)
                    continue
                }
                for record in records {
                    let classification = matcher.classify(record.text, scratch: &scratch)
                    if writer.format == "text" {
                        let paragraph = Paragraph(index: record.line - 1, text: record.text, lines: record.line...record.line)
                        let document = ClassifiedDocument(
                            metadata: DocumentMetadata(id: record.id, path: path), format: .text, warnings: [],
                            paragraphs: [ClassifiedParagraph(paragraph: paragraph, classification: classification)])
                        try sink.write(TextView(terminal: writer.terminal, showAll: true).render(document))
                        continue
                    }
                    try writer.write(
                        json: ClassificationRecords.json(id: record.id, text: record.text, classification: classification),
                        row: ClassificationRecords.row(id: record.id, document: path, lines: "\(record.line)", section: nil,
                                                       text: record.text, classification: classification),
                        into: &output, sink: &sink)
                }
            }
            try writer.finish(&output, sink: &sink)
        }
        if badLines > 0 { printError("learning-themes: \(badLines) malformed line(s) skipped") }
        if !failedFiles.isEmpty { return DocumentInputs.summarise(failures: failedFiles, total: paths.count) }
        return badLines > 0 ? .partialFailure : .success
    }
}

/// One `{"id": ..., "text": ...}` line of a JSON Lines file.
struct JSONLRecord {
    var id: String
    var text: String
    var line: Int
    /// The whole object, for callers that read more fields (gold files).
    var object: [String: Any]

    /// Reads every record of `path` (or standard input for `-`); calls `malformed` for each
    /// bad line with a `file:line` error and goes on.
    static func read(_ path: String, malformed: (LearningThemesError) -> Void) throws -> [JSONLRecord] {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw LearningThemesError(.input, "no such file", at: SourceLocation(file: path))
            }
            guard !isDirectory.boolValue else { throw LearningThemesError(.input, "is a folder, not a JSON Lines file", at: SourceLocation(file: path)) }
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw LearningThemesError(.input, "cannot read file (permission denied?)", at: SourceLocation(file: path))
            }
            data = contents
        }
        let name = path == "-" ? "<stdin>" : path
        var records: [JSONLRecord] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let location = SourceLocation(file: name, line: number + 1)
            let trimmed = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }
            if trimmed.isEmpty || trimmed.allSatisfy({ $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: " ") }) { continue }
            guard let parsed = try? JSONSerialization.jsonObject(with: Data(line), options: []),
                  let object = parsed as? [String: Any] else {
                malformed(LearningThemesError(.input, "not a JSON object", at: location))
                continue
            }
            let id: String
            if let text = object["id"] as? String { id = text } else if let number = object["id"] as? NSNumber, !(object["id"] is Bool) { id = number.stringValue } else {
                malformed(LearningThemesError(.input, "missing \"id\" (a string or number)", at: location))
                continue
            }
            guard let text = object["text"] as? String else {
                malformed(LearningThemesError(.input, "missing \"text\" (a string)", at: location))
                continue
            }
            records.append(JSONLRecord(id: id, text: text, line: number + 1, object: object))
        }
        return records
    }
}
