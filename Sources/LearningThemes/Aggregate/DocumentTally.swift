/// The counts of one document while it is classified: its paragraphs, and for every pair
/// of tags (themes and sources alike) how many paragraphs carry both. The diagonal is the
/// count of paragraphs with each tag.
public struct DocumentTally: Sendable {
    public var metadata: DocumentMetadata
    public var paragraphCount = 0
    /// Number of tags (themes + sources), in `RuleSet.rules` order.
    public let tagCount: Int
    /// Row-major tagCount × tagCount: paragraphs carrying tag i and tag j.
    public private(set) var pairCounts: [Int32]

    public init(metadata: DocumentMetadata, tagCount: Int) {
        self.metadata = metadata
        self.tagCount = tagCount
        self.pairCounts = [Int32](repeating: 0, count: tagCount * tagCount)
    }

    /// Counts one paragraph with the given tag indices.
    public mutating func add<Tags: Collection>(paragraphTags tags: Tags) where Tags.Element: BinaryInteger {
        paragraphCount += 1
        let tagCount = self.tagCount
        for tag in tags { precondition(tag >= 0 && Int(tag) < tagCount, "tag index out of range") }
        // Checked once above, so the pairs are counted through a buffer: this runs for
        // every paragraph of the corpus.
        pairCounts.withUnsafeMutableBufferPointer { pairs in
            for first in tags {
                let row = Int(first) * tagCount
                for second in tags { pairs[row + Int(second)] += 1 }
            }
        }
    }

    public func count(_ tag: Int) -> Int { Int(pairCounts[tag * tagCount + tag]) }
    public func count(_ first: Int, with second: Int) -> Int { Int(pairCounts[first * tagCount + second]) }
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

/// What a corpus keeps of each document once it is classified: per tag, paragraphs
/// tagged, and per tag and learning source, paragraphs carrying both. That is all that
/// grouping and `--source` need, in a few hundred bytes per document (`CompactCounts`),
/// so a national corpus of tens of thousands of documents fits in a few megabytes.
/// Theme × theme pairs are only ever needed for the whole corpus and are summed there.
public struct DocumentCounts: Sendable {
    public var metadata: DocumentMetadata
    public var paragraphCount: Int
    /// Per tag its count, then per tag and source (tag * sources.count + position of
    /// the source in `sources`) paragraphs carrying both.
    private let counts: CompactCounts
    /// The rule indices of the learning sources: every document is given the same array,
    /// so they all share one copy.
    private let sources: [Int]
    private let tagCount: Int

    init(_ tally: DocumentTally, sources: [Int], metadata: DocumentMetadata) {
        self.metadata = metadata
        paragraphCount = tally.paragraphCount
        tagCount = tally.tagCount
        self.sources = sources
        let tagCount = tally.tagCount
        let total = tagCount * (1 + sources.count)
        let counts = [Int32](unsafeUninitializedCapacity: total) { counts, written in
            tally.pairCounts.withUnsafeBufferPointer { pairs in
                for tag in 0..<tagCount { counts[tag] = pairs[tag * tagCount + tag] }
                var next = tagCount
                for tag in 0..<tagCount {
                    for source in sources {
                        counts[next] = pairs[tag * tagCount + source]
                        next += 1
                    }
                }
            }
            written = total
        }
        self.counts = CompactCounts(counts)
    }

    public func count(_ tag: Int) -> Int { counts[tag] }

    /// Paragraphs carrying `tag` and the learning source `source` (both rule indices).
    public func count(_ tag: Int, withSource source: Int) -> Int {
        guard let position = sources.firstIndex(of: source) else { return 0 }
        return counts[tagCount + tag * sources.count + position]
    }
}
