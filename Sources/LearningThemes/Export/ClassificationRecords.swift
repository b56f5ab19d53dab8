/// The shape of classify's output records, shared by every format so JSON, CSV and
/// Markdown always carry the same fields.
public enum ClassificationRecords {
    public static let columns: [DataTable.Column] = [
        .init(id: "id", label: "Paragraph"),
        .init(id: "document", label: "Document"),
        .init(id: "lines", label: "Lines"),
        .init(id: "section", label: "Section"),
        .init(id: "themes", label: "Themes"),
        .init(id: "sources", label: "Learning sources"),
        .init(id: "evidence", label: "Evidence"),
        .init(id: "text", label: "Text"),
    ]

    /// One JSON object per paragraph: `id`, `document`, `paragraph`, `lines`, `section`,
    /// `text`, `themes`, `sources`, `evidence` (`label`, `rule`, `text`, `start`, `end`:
    /// byte offsets in `text`).
    public static func json(_ item: ClassifiedParagraph, in document: ClassifiedDocument) -> JSONValue {
        let paragraph = item.paragraph
        return .object([
            ("id", .string(document.paragraphID(paragraph))),
            ("document", .string(document.metadata.id)),
            ("paragraph", .int(paragraph.index + 1)),
            ("lines", .array([.int(paragraph.lines.lowerBound), .int(paragraph.lines.upperBound)])),
            ("section", paragraph.section.map(JSONValue.string) ?? .null),
            ("text", .string(paragraph.text)),
        ] + tagFields(item.classification))
    }

    /// The record for `--input jsonl`: the caller's id, then the tags.
    public static func json(id: String, text: String, classification: Classification) -> JSONValue {
        .object([("id", .string(id)), ("text", .string(text))] + tagFields(classification))
    }

    static func tagFields(_ classification: Classification) -> [(String, JSONValue)] {
        [
            ("themes", .array(classification.themes.map(JSONValue.string))),
            ("sources", .array(classification.sources.map(JSONValue.string))),
            ("evidence", .array(classification.evidence.map { evidence in
                .object([
                    ("label", .string(evidence.label)),
                    ("rule", .string(evidence.rule)),
                    ("text", .string(evidence.text)),
                    ("start", .int(evidence.bytes.lowerBound)),
                    ("end", .int(evidence.bytes.upperBound)),
                    // Where start/end point when the words are not in this paragraph.
                    ("inherited_from", inheritance(evidence.inheritedFrom)),
                ])
            })),
        ]
    }

    static func inheritance(_ context: EvidenceContext?) -> JSONValue {
        switch context {
        case nil: .null
        case .heading: .object([("kind", .string("heading"))])
        case .leadIn(let paragraph): .object([("kind", .string("lead-in")), ("paragraph", .int(paragraph + 1))])
        case .antecedent(let paragraph): .object([("kind", .string("antecedent")), ("paragraph", .int(paragraph + 1))])
        case .document: .object([("kind", .string("document"))])
        }
    }

    /// One table row per paragraph; lists are joined with "; " so each stays one cell.
    public static func row(id: String, document: String, lines: String, section: String?, text: String,
                           classification: Classification) -> [DataTable.Cell] {
        [
            .text(id), .text(document), .text(lines), section.map(DataTable.Cell.text) ?? .empty,
            .text(classification.themes.joined(separator: "; ")),
            .text(classification.sources.joined(separator: "; ")),
            .text(classification.evidence.map { evidence in
                "\(evidence.label)/\(evidence.rule)" + (evidence.inheritedFrom.map { " (\($0.description))" } ?? "") + ": \"\(evidence.text)\""
            }.joined(separator: "; ")),
            .text(text),
        ]
    }
}
