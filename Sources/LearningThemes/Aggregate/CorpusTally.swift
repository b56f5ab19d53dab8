/// The tallies of a whole corpus, and the grouped views of them that `compare` and
/// `matrix` print.
public struct CorpusTally: Sendable {
    public let ruleSet: RuleSet
    public private(set) var documents: [DocumentCounts] = []
    /// Row-major tags × tags over the whole corpus: paragraphs carrying both.
    public private(set) var pairCounts: [Int]
    /// `sourceIndices`, made once so every document's counts share it.
    private let sources: [Int]
    /// Documents of one partnership share its name, areas and period.
    private var sharedValues = SharedMetadataValues()

    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        self.pairCounts = [Int](repeating: 0, count: ruleSet.rules.count * ruleSet.rules.count)
        self.sources = ruleSet.rules.indices.filter { ruleSet.rules[$0].isSource }
    }

    public mutating func add(_ tally: DocumentTally) {
        precondition(tally.pairCounts.count == pairCounts.count, "a document tallied against another rule set")
        // Through buffers, so the sum of every pair is one vectorised loop rather than a
        // bounds-checked step per pair, for every document.
        pairCounts.withUnsafeMutableBufferPointer { sums in
            tally.pairCounts.withUnsafeBufferPointer { counts in
                for index in 0..<counts.count { sums[index] &+= Int(counts[index]) }
            }
        }
        documents.append(DocumentCounts(tally, sources: sources, metadata: sharedValues.sharing(tally.metadata)))
    }

    /// Paragraphs of the whole corpus carrying both tags.
    public func pairCount(_ first: Int, _ second: Int) -> Int { pairCounts[first * ruleSet.rules.count + second] }

    public var tagIDs: [String] { ruleSet.rules.map(\.id) }
    public var themeIndices: [Int] { ruleSet.rules.indices.filter { !ruleSet.rules[$0].isSource } }
    public var sourceIndices: [Int] { sources }

    /// Groups in first-seen order (corpus order), each restricted to paragraphs reporting
    /// `source` when it is given (an index into the rules).
    public func groups(by grouping: Grouping, restrictedTo source: Int? = nil) -> [GroupTally] {
        let tagCount = ruleSet.rules.count
        if grouping == .source {
            // A paragraph can report several sources, so groups overlap; each is compared
            // with the paragraphs that do not report that source.
            precondition(source == nil, "grouping by source cannot also be restricted to a source")
            return sourceIndices.map { sourceIndex in
                var group = GroupTally(name: ruleSet.rules[sourceIndex].id, tagCount: tagCount)
                for document in documents where document.count(sourceIndex) > 0 {
                    group.documentIDs.append(document.metadata.id)
                    group.paragraphs += document.count(sourceIndex)
                    for tag in 0..<tagCount {
                        let count = document.count(tag, withSource: sourceIndex)
                        group.tagged[tag] += count
                        if count > 0 { group.documentsMentioning[tag] += 1 }
                    }
                }
                return group
            }
        }
        var order: [String] = []
        var byName: [String: GroupTally] = [:]
        for document in documents {
            let name = grouping.key(of: document.metadata)
            if byName[name] == nil {
                order.append(name)
                byName[name] = GroupTally(name: name, tagCount: tagCount)
            }
            byName[name]!.add(document, restrictedTo: source)
        }
        return order.map { byName[$0]! }
    }

    /// `groups(by:)` handed to `body` one at a time, with the metadata of the group's first
    /// document when grouping by document. Then each document is a group of its own
    /// (unless ids repeat), so a matrix of a large corpus is made without holding every
    /// row's counts at once.
    public func forEachGroup(by grouping: Grouping, _ body: (GroupTally, DocumentMetadata?) -> Void) {
        let tagCount = ruleSet.rules.count
        if grouping == .document, Set(documents.lazy.map(\.metadata.id)).count == documents.count {
            for document in documents {
                var group = GroupTally(name: document.metadata.id, tagCount: tagCount)
                group.add(document, restrictedTo: nil)
                body(group, document.metadata)
            }
            return
        }
        var firsts: [String: DocumentMetadata] = [:]
        if grouping == .document {
            for document in documents where firsts[document.metadata.id] == nil { firsts[document.metadata.id] = document.metadata }
        }
        for group in groups(by: grouping) { body(group, firsts[group.name]) }
    }
}

extension CorpusTally {
    /// Paragraphs in the whole corpus (or reporting `source`), and per tag how many carry it.
    public func totals(restrictedTo source: Int? = nil) -> (paragraphs: Int, tagged: [Int]) {
        var paragraphs = 0
        var tagged = [Int](repeating: 0, count: ruleSet.rules.count)
        for document in documents {
            paragraphs += source.map { document.count($0) } ?? document.paragraphCount
            for tag in tagged.indices {
                tagged[tag] += source.map { document.count(tag, withSource: $0) } ?? document.count(tag)
            }
        }
        return (paragraphs, tagged)
    }
}
