/// Which paragraphs stand behind each cell of a comparison, for the drill-down: the same
/// membership rules the tallies used, applied to the kept documents.
struct CellParagraphs: Sendable {
    struct Reference: Sendable, Equatable {
        /// Index into the analysis's documents.
        var document: Int
        /// Index into that document's paragraphs.
        var paragraph: Int
    }

    /// Row-major like `ThemeComparison.cells`; each list in document, then paragraph order.
    let references: [[Reference]]

    init(comparison: ThemeComparison, documents: [ClassifiedDocument]) {
        let tagCount = comparison.tags.count
        let tagPosition = Dictionary(comparison.tags.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var groupsOfDocument: [String: [Int]] = [:]
        for (index, group) in comparison.groups.enumerated() {
            for id in group.documentIDs { groupsOfDocument[id, default: []].append(index) }
        }
        let groupOfSource = Dictionary(comparison.groups.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        var references = [[Reference]](repeating: [], count: comparison.groups.count * tagCount)
        for (documentIndex, document) in documents.enumerated() {
            let documentGroups = groupsOfDocument[document.metadata.id] ?? []
            for (paragraphIndex, paragraph) in document.paragraphs.enumerated() {
                let classification = paragraph.classification
                if let source = comparison.source, !classification.sources.contains(source) { continue }
                // Grouped by source, a paragraph belongs to each source it reports, as in CorpusTally.
                let groups = comparison.grouping == .source
                    ? classification.sources.compactMap { groupOfSource[$0] } : documentGroups
                for theme in classification.themes {
                    guard let tag = tagPosition[theme] else { continue }
                    for group in groups {
                        references[group * tagCount + tag].append(Reference(document: documentIndex, paragraph: paragraphIndex))
                    }
                }
            }
        }
        self.references = references
    }
}
