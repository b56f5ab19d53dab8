import LearningThemes

/// Writes classify's results in the chosen format, one document at a time.
struct ClassificationWriter {
    let format: String
    let terminal: Terminal
    let showAll: Bool

    /// Per-run state: whether anything was written yet (JSON commas), the table stream.
    struct Output {
        var count = 0
        var table: TableWriter.Stream?
    }

    func begin() -> Output {
        var output = Output()
        switch format {
        case "csv": output.table = TableWriter(format: .csv).stream(columns: ClassificationRecords.columns)
        case "markdown": output.table = TableWriter(format: .markdown).stream(columns: ClassificationRecords.columns)
        default: break
        }
        return output
    }

    func write(_ document: ClassifiedDocument, into output: inout Output, sink: inout OutputSink) throws {
        if format == "text" {
            try sink.write(TextView(terminal: terminal, showAll: showAll).render(document))
            return
        }
        for item in document.paragraphs {
            let paragraph = item.paragraph
            if format == "markdown" && !showAll && item.classification.isEmpty { continue }
            try write(json: ClassificationRecords.json(item, in: document),
                      row: ClassificationRecords.row(
                        id: document.paragraphID(paragraph), document: document.metadata.id,
                        lines: "\(paragraph.lines.lowerBound)-\(paragraph.lines.upperBound)",
                        section: paragraph.section, text: paragraph.text, classification: item.classification),
                      into: &output, sink: &sink)
        }
    }

    /// Writes one record in whichever form the format wants.
    func write(json: JSONValue, row: [DataTable.Cell], into output: inout Output, sink: inout OutputSink) throws {
        switch format {
        case "jsonl":
            try sink.write(JSONSerializer().serialize(json) + [UInt8(ascii: "\n")])
        case "json":
            try sink.write((output.count == 0 ? "[\n" : ",\n") + JSONSerializer().string(for: json))
        default:
            if output.count == 0 { try output.table?.begin(&sink) }
            try output.table?.append(row, to: &sink)
        }
        output.count += 1
    }

    func finish(_ output: inout Output, sink: inout OutputSink) throws {
        switch format {
        case "json": try sink.write(output.count == 0 ? "[]\n" : "\n]\n")
        case "csv", "markdown":
            if output.count == 0 { try output.table?.begin(&sink) }
            try output.table?.finish(&sink)
        default: break
        }
    }
}

/// The readable terminal view: each tagged paragraph, its tags and the words behind them.
struct TextView {
    let terminal: Terminal
    let showAll: Bool

    func render(_ document: ClassifiedDocument) -> String {
        let metadata = document.metadata
        let facts = [metadata.partnership, metadata.period, metadata.kind?.label].compactMap { $0 }
        var text = terminal.bold("\(metadata.id)  \(metadata.path)") + "\n"
        if !facts.isEmpty { text += "  " + facts.joined(separator: " · ") + "\n" }
        let tagged = document.paragraphs.filter { !$0.classification.isEmpty }
        text += "  \(document.paragraphs.count) paragraphs, \(tagged.count) tagged\n\n"
        for item in document.paragraphs where showAll || !item.classification.isEmpty {
            let paragraph = item.paragraph
            var heading = "¶\(paragraph.index + 1)  lines \(paragraph.lines.lowerBound)-\(paragraph.lines.upperBound)"
            if let section = paragraph.section { heading += "  § \(section.prefix(60))" }
            text += "  " + terminal.dim(heading) + "\n"
            text += TextView.wrap(TextView.shorten(paragraph.text, to: 400), width: 96, indent: "  ") + "\n"
            let width = (item.classification.evidence.map(\.label.count).max() ?? 0) + 2
            for evidence in item.classification.evidence {
                let isSource = item.classification.sources.contains(evidence.label)
                let label = evidence.label.padding(toLength: width, withPad: " ", startingAt: 0)
                text += "    " + (isSource ? terminal.source(label) : terminal.theme(label))
                    + terminal.dim(evidence.rule + (evidence.inheritedFrom.map { " (\($0.description))" } ?? ""))
                    + "  " + terminal.quote("“\(evidence.text)”") + "\n"
            }
            text += "\n"
        }
        return text
    }

    static func shorten(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }

    static func wrap(_ text: String, width: Int, indent: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + word.count + 1 > width {
                lines.append(indent + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines.joined(separator: "\n")
    }
}
