/// A paragraph with its tags.
public struct ClassifiedParagraph: Sendable {
    public var paragraph: Paragraph
    public var classification: Classification

    public init(paragraph: Paragraph, classification: Classification) {
        self.paragraph = paragraph
        self.classification = classification
    }
}

/// A document after the whole pipeline: read, segmented, every paragraph classified.
public struct ClassifiedDocument: Sendable {
    public var metadata: DocumentMetadata
    public var format: DocumentFormat
    public var warnings: [Warning]
    public var paragraphs: [ClassifiedParagraph]

    public init(metadata: DocumentMetadata, format: DocumentFormat, warnings: [Warning], paragraphs: [ClassifiedParagraph]) {
        self.metadata = metadata
        self.format = format
        self.warnings = warnings
        self.paragraphs = paragraphs
    }

    /// `document-id:N`, N counting paragraphs from 1: the id classify and exports use.
    public func paragraphID(_ paragraph: Paragraph) -> String { "\(metadata.id):\(paragraph.index + 1)" }
}
