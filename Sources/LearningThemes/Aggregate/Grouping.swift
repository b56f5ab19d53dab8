/// What a comparison or matrix groups paragraphs by.
public enum Grouping: String, Sendable, CaseIterable {
    case document, partnership, period, kind, source

    /// The group(s) a document's paragraphs fall in. Grouping by source is per paragraph,
    /// so it is handled by `CorpusTally`, not here.
    func key(of metadata: DocumentMetadata) -> String {
        switch self {
        case .document: metadata.id
        case .partnership: metadata.partnership ?? "(partnership unknown)"
        case .period: metadata.period ?? "(period unknown)"
        case .kind: metadata.kind?.rawValue ?? "(kind unknown)"
        case .source: ""
        }
    }
}

/// One group's counts: the paragraphs in it (for `--source`, only those reporting that
/// source) and how many carry each tag; and how many of its documents mention each tag.
public struct GroupTally: Sendable {
    public var name: String
    public var documentIDs: [String] = []
    public var paragraphs = 0
    /// Per tag (RuleSet.rules order): paragraphs in the group carrying it.
    public var tagged: [Int]
    /// Per tag: documents of the group with at least one such paragraph.
    public var documentsMentioning: [Int]

    init(name: String, tagCount: Int) {
        self.name = name
        self.tagged = [Int](repeating: 0, count: tagCount)
        self.documentsMentioning = [Int](repeating: 0, count: tagCount)
    }
}

extension GroupTally {
    /// Counts `document` in the group: all its paragraphs, or those reporting `source`.
    mutating func add(_ document: DocumentCounts, restrictedTo source: Int?) {
        documentIDs.append(document.metadata.id)
        paragraphs += source.map { document.count($0) } ?? document.paragraphCount
        for tag in tagged.indices {
            let count = source.map { document.count(tag, withSource: $0) } ?? document.count(tag)
            tagged[tag] += count
            if count > 0 { documentsMentioning[tag] += 1 }
        }
    }
}
