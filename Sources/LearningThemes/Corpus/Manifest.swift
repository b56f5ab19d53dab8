/// The hand-written list of a corpus's documents and their facts (`corpus/manifest.txt`).
///
/// One stanza per document, so adding a document is adding a few lines:
///
///     [camden-2023-24]
///     file: documents/000_e02728fd870d2b9b.txt
///     partnership: Camden Safeguarding Children Partnership
///     areas: London Borough of Camden          (several separated by ';')
///     period: 2023-24
///     kind: committee-report
///     title: Camden Safeguarding Children Partnership – Annual Report 2023-24
///     date: 2024-12-10
///     note: any free text (ignored by the tool)
public struct Manifest: Sendable {
    public var entries: [DocumentMetadata]

    public static let fields = ["file", "partnership", "areas", "period", "kind", "title", "date", "body", "note"]

    public static func parse(_ bytes: [UInt8], file: String) throws -> Manifest {
        var entries: [DocumentMetadata] = []
        var current: DocumentMetadata?
        var currentLine = 0
        var ids: [String: Int] = [:]

        func finish() throws {
            guard let entry = current else { return }
            if entry.path.isEmpty {
                throw LearningThemesError(.manifest, "document '\(entry.id)' has no 'file:' line", at: SourceLocation(file: file, line: currentLine))
            }
            entries.append(entry)
        }

        for (number, raw) in Lines(bytes).enumerated() {
            let line = String(decoding: raw, as: UTF8.self).trimmingWhitespace
            let location = SourceLocation(file: file, line: number + 1)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else {
                    throw LearningThemesError(.manifest, "expected a document id in brackets, like [camden-2023-24]", at: location)
                }
                try finish()
                let id = String(line.dropFirst().dropLast()).trimmingWhitespace
                guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
                    throw LearningThemesError(.manifest, "document id '\(id)' may only use letters, digits, '-', '_' and '.'", at: location)
                }
                if let first = ids[id] {
                    throw LearningThemesError(.manifest, "duplicate document id '\(id)' (first at line \(first))", at: location)
                }
                ids[id] = number + 1
                current = DocumentMetadata(id: id, path: "")
                currentLine = number + 1
                continue
            }
            guard var entry = current else {
                throw LearningThemesError(.manifest, "expected a [document-id] line before fields", at: location)
            }
            guard let colon = line.firstIndex(of: ":") else {
                throw LearningThemesError(.manifest, "expected 'field: value'", at: location)
            }
            let field = line[..<colon].trimmingWhitespace.lowercased()
            let value = line[line.index(after: colon)...].trimmingWhitespace
            switch field {
            case "file": entry.path = value
            case "partnership": entry.partnership = value
            case "areas": entry.areas = value.split(separator: ";").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
            case "period": entry.period = value
            case "kind":
                guard let kind = DocumentKind(rawValue: value) else {
                    let names = DocumentKind.allCases.map(\.rawValue)
                    throw LearningThemesError(.manifest, "unknown kind '\(value)'\(NearestName.suggestion(for: value, among: names)); expected one of \(names.joined(separator: ", "))", at: location)
                }
                entry.kind = kind
            case "title": entry.title = value
            case "date": entry.date = value
            case "body", "note": break
            default:
                throw LearningThemesError(.manifest, "unknown field '\(field)'\(NearestName.suggestion(for: field, among: fields)); expected one of \(fields.joined(separator: ", "))", at: location)
            }
            current = entry
        }
        try finish()
        return Manifest(entries: entries)
    }
}

extension StringProtocol {
    /// Trimmed of spaces, tabs and line ends, without needing Foundation.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
