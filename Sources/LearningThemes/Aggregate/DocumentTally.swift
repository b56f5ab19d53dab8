/// The counts of one document that every comparison and matrix is built from: how many
/// paragraphs it has, and for every pair of tags (themes and sources alike) how many
/// paragraphs carry both. The diagonal is the count of paragraphs with each tag.
///
/// Keeping counts rather than paragraphs lets a national corpus stream through in
/// constant memory; the report, which shows paragraphs, keeps them separately.
public struct DocumentTally: Sendable {
    public var metadata: DocumentMetadata
    public var paragraphCount = 0
    /// Number of tags (themes + sources), in `RuleSet.rules` order.
    public let tagCount: Int
    /// Row-major tagCount × tagCount: paragraphs carrying tag i and tag j.
    public private(set) var pairCounts: [Int]

    public init(metadata: DocumentMetadata, tagCount: Int) {
        self.metadata = metadata
        self.tagCount = tagCount
        self.pairCounts = [Int](repeating: 0, count: tagCount * tagCount)
    }

    /// Counts one paragraph with the given tag indices.
    public mutating func add(paragraphTags tags: [Int]) {
        paragraphCount += 1
        for first in tags {
            for second in tags { pairCounts[first * tagCount + second] += 1 }
        }
    }

    public func count(_ tag: Int) -> Int { pairCounts[tag * tagCount + tag] }
    public func count(_ first: Int, with second: Int) -> Int { pairCounts[first * tagCount + second] }

    /// Adds another tally's counts (used to sum documents into groups).
    mutating func merge(_ other: DocumentTally) {
        paragraphCount += other.paragraphCount
        for index in pairCounts.indices { pairCounts[index] += other.pairCounts[index] }
    }
}

extension DocumentTally {
    /// The tally of a classified document against the rule set's tag order.
    public init(_ document: ClassifiedDocument, ruleSet: RuleSet) {
        let index = Dictionary(ruleSet.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.init(metadata: document.metadata, tagCount: ruleSet.rules.count)
        for paragraph in document.paragraphs {
            let tags = (paragraph.classification.themes + paragraph.classification.sources).compactMap { index[$0] }
            add(paragraphTags: tags)
        }
    }
}
