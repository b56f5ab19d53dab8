import Foundation

/// A hand-labelled paragraph: the themes and sources an analyst gave it by reading it
/// against the taxonomy.
public struct GoldParagraph: Sendable {
    public var id: String
    public var text: String
    public var themes: Set<String>
    public var sources: Set<String>
    /// Line of the record in the gold file.
    public var line: Int
    /// The corpus document id and source lines the paragraph came from, when the record
    /// gives them (`"doc"`, `"lines": [first, last]`): evaluation then sees the paragraph
    /// in its document, as classify does.
    public var document: String?
    public var lines: ClosedRange<Int>?
}

/// A JSON Lines file of `{"id", "text", "themes": [...], "sources": [...]}` records.
/// Any malformed line rejects the whole file: scores over a partly read gold set would
/// look trustworthy and not be.
public enum GoldSet {
    public static func load(_ path: String, taxonomy: Taxonomy) throws -> [GoldParagraph] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw LearningThemesError(.gold, isDirectory.boolValue ? "is a folder, not a gold file" : "no such file", at: SourceLocation(file: path))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LearningThemesError(.gold, "cannot read file", at: SourceLocation(file: path))
        }
        return try parse([UInt8](data), file: path, taxonomy: taxonomy)
    }

    public static func parse(_ bytes: [UInt8], file: String, taxonomy: Taxonomy) throws -> [GoldParagraph] {
        var paragraphs: [GoldParagraph] = []
        var seen: [String: Int] = [:]
        let themeIDs = Set(taxonomy.themeIDs)
        let sourceIDs = Set(taxonomy.sourceIDs)
        for (number, line) in Lines(bytes).enumerated() {
            let location = SourceLocation(file: file, line: number + 1)
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
                throw LearningThemesError(.gold, "not a JSON object", at: location)
            }
            guard let id = object["id"] as? String, !id.isEmpty else {
                throw LearningThemesError(.gold, "missing \"id\" (a non-empty string)", at: location)
            }
            guard let text = object["text"] as? String else {
                throw LearningThemesError(.gold, "missing \"text\" (a string)", at: location)
            }
            if let first = seen[id] {
                throw LearningThemesError(.gold, "duplicate id '\(id)' (first at line \(first))", at: location)
            }
            seen[id] = number + 1
            let themes = try labels(object, "themes", allowed: themeIDs, location: location)
            let sources = try labels(object, "sources", allowed: sourceIDs, location: location)
            let (document, lines) = try origin(object, location: location)
            paragraphs.append(GoldParagraph(id: id, text: text, themes: themes, sources: sources, line: number + 1,
                                            document: document, lines: lines))
        }
        if paragraphs.isEmpty { throw LearningThemesError(.gold, "no records in gold file", at: SourceLocation(file: file)) }
        return paragraphs
    }

    private static func origin(_ object: [String: Any], location: SourceLocation) throws -> (String?, ClosedRange<Int>?) {
        let document = object["doc"]
        let lines = object["lines"]
        if document == nil && lines == nil { return (nil, nil) }
        guard let document = document as? String, !document.isEmpty else {
            throw LearningThemesError(.gold, "\"doc\" must be a non-empty document id", at: location)
        }
        guard let pair = lines as? [Any], pair.count == 2, let first = pair[0] as? Int, let last = pair[1] as? Int,
              first >= 1, last >= first else {
            throw LearningThemesError(.gold, "\"lines\" must be [first, last] line numbers with first ≤ last", at: location)
        }
        return (document, first...last)
    }

    private static func labels(_ object: [String: Any], _ field: String, allowed: Set<String>,
                               location: SourceLocation) throws -> Set<String> {
        guard let values = object[field] as? [Any] else {
            throw LearningThemesError(.gold, "missing \"\(field)\" (an array of ids, possibly empty)", at: location)
        }
        var result: Set<String> = []
        for value in values {
            guard let id = value as? String else {
                throw LearningThemesError(.gold, "\"\(field)\" must hold strings", at: location)
            }
            guard allowed.contains(id) else {
                let hint = NearestName.suggestion(for: id, among: Array(allowed))
                throw LearningThemesError(.gold, "unknown \(field == "themes" ? "theme" : "source") id '\(id)'\(hint)", at: location)
            }
            result.insert(id)
        }
        return result
    }
}
