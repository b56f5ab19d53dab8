/// The ids, groups and labels of `rules/taxonomy.txt`, the machine-readable copy of the
/// taxonomy contract. Rule files may only define ids listed here, so a typo in a rule
/// file cannot invent a theme that exports and gold files would not know.
public struct Taxonomy: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var group: ThemeGroup
        public var label: String
    }

    public private(set) var entries: [Entry]
    private var index: [String: Int]

    public init(entries: [Entry]) {
        self.entries = entries
        self.index = Dictionary(entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func entry(_ id: String) -> Entry? { index[id].map { entries[$0] } }

    public var themeIDs: [String] { entries.filter { $0.group != .source }.map(\.id) }
    public var sourceIDs: [String] { entries.filter { $0.group == .source }.map(\.id) }

    /// Lines `id  group  label`; `#` starts a comment.
    public static func parse(_ bytes: [UInt8], file: String) throws -> Taxonomy {
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        for (number, line) in Lines(bytes).enumerated() {
            let location = SourceLocation(file: file, line: number + 1, column: 1)
            var reader = LineReader(line: line, location: location)
            guard reader.peekWord() != nil else { continue }
            let id = try reader.identifier(what: "theme id")
            guard let groupName = reader.word(), let group = ThemeGroup(rawValue: groupName) else {
                throw reader.fail("expected a group (practice, harm or source) after '\(id)'")
            }
            let label = reader.rest()
            if label.isEmpty { throw reader.fail("expected a label after the group") }
            if let first = seen[id] {
                throw LearningThemesError(.rules, "duplicate taxonomy id '\(id)' (first at line \(first))", at: location)
            }
            seen[id] = number + 1
            entries.append(Entry(id: id, group: group, label: label))
        }
        return Taxonomy(entries: entries)
    }
}
