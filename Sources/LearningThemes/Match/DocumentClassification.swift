extension Matcher {
    /// Classifies the paragraphs of one document, in order: each by its own words, then
    /// list items take the learning sources of their lead-in or heading (`SourceInheritance`),
    /// with evidence that quotes those words and says where they are.
    public func classify(_ paragraphs: [Paragraph], scratch: inout MatchScratch) -> [Classification] {
        let order = Dictionary(targetIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var results: [Classification] = []
        results.reserveCapacity(paragraphs.count)
        var inheritance = SourceInheritance<String>()
        var contexts: [String: [Evidence]] = [:]
        for paragraph in paragraphs {
            var result = classify(paragraph.text, scratch: &scratch)
            let inherited = inheritance.next(paragraph, ownSources: result.sources) { text in
                let context = classify(text, scratch: &scratch)
                contexts[text] = context.evidence
                return context.sources
            }
            for source in inherited {
                result.sources.append(source.label)
                for var evidence in contexts[source.context, default: []] where evidence.label == source.label {
                    evidence.inheritedFrom = source.origin
                    evidence.bytes = evidence.bytes.lowerBound + source.offset ..< evidence.bytes.upperBound + source.offset
                    result.evidence.append(evidence)
                }
            }
            if !inherited.isEmpty {
                result.sources.sort { order[$0, default: 0] < order[$1, default: 0] }
                // Evidence stays grouped by tag in taxonomy order; the sort is stable, so
                // a tag's own words come before inherited ones.
                result.evidence = result.evidence.enumerated().sorted {
                    (order[$0.element.label, default: 0], $0.offset) < (order[$1.element.label, default: 0], $1.offset)
                }.map(\.element)
            }
            results.append(result)
        }
        return results
    }

    /// The tag indices of each paragraph of a document, inherited sources included, without
    /// building evidence: what counting a whole corpus needs. The buffer passed to `body`
    /// is valid only during the call.
    func forEachParagraphTags(_ paragraphs: [Paragraph], scratch: inout MatchScratch,
                              _ body: (UnsafeBufferPointer<Int32>) -> Void) {
        var inheritance = SourceInheritance<Int32>()
        var tags: [Int32] = []
        var ownSources: [Int32] = []
        for paragraph in paragraphs {
            let found = self.tags(paragraph.text, scratch: &scratch)
            tags.removeAll(keepingCapacity: true)
            tags.append(contentsOf: found)
            ownSources.removeAll(keepingCapacity: true)
            for tag in tags where targets[Int(tag)].isSource { ownSources.append(tag) }
            let inherited = inheritance.next(paragraph, ownSources: ownSources) { text in
                self.tags(text, scratch: &scratch).filter { targets[Int($0)].isSource }
            }
            for source in inherited { tags.append(source.label) }
            tags.withUnsafeBufferPointer(body)
        }
    }
}
