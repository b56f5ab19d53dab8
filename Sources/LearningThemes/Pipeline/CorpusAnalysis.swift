/// A whole corpus run through the pipeline: the tallies every comparison needs, the
/// classified documents when a report wants to show paragraphs, and what failed.
public struct CorpusAnalysis: Sendable {
    public var tally: CorpusTally
    /// Kept only when asked for (the HTML report); comparisons need only the tally.
    public var documents: [ClassifiedDocument]
    public var failures: [LearningThemesError]
    public var warnings: [Warning]

    public init(documents metadata: [DocumentMetadata], pipeline: DocumentPipeline, keepDocuments: Bool = false,
                progress: ((Int, Int, DocumentMetadata) -> Void)? = nil) {
        var tally = CorpusTally(ruleSet: pipeline.matcher.ruleSet)
        var kept: [ClassifiedDocument] = []
        var failures: [LearningThemesError] = []
        var warnings: [Warning] = []
        var done = 0
        let ruleSet = pipeline.matcher.ruleSet
        pipeline.run(metadata, produce: { metadata, loaded, scratch -> (DocumentTally, ClassifiedDocument?, [Warning]) in
            guard keepDocuments else {
                return (pipeline.tally(loaded, metadata: metadata, scratch: &scratch), nil, loaded.warnings)
            }
            let document = pipeline.classify(loaded, metadata: metadata, scratch: &scratch)
            return (DocumentTally(document, ruleSet: ruleSet), document, loaded.warnings)
        }, deliver: { item, result in
            done += 1
            progress?(done, metadata.count, item)
            switch result {
            case .success(let (documentTally, document, documentWarnings)):
                tally.add(documentTally)
                warnings += documentWarnings
                if let document { kept.append(document) }
            case .failure(let error):
                failures.append(error)
            }
        })
        self.tally = tally
        self.documents = kept
        self.failures = failures
        self.warnings = warnings
    }
}
