/// Why a paragraph got a tag: which rule fired and the exact words it matched.
public struct Evidence: Sendable, Hashable {
    /// Theme or source id.
    public var label: String
    /// The id of the `match` clause that fired.
    public var rule: String
    /// The matched words, quoted exactly from the paragraph text.
    public var text: String
    /// UTF-8 byte offsets of `text` in the paragraph text, or in the context it was
    /// inherited from.
    public var bytes: Range<Int>
    /// Where the words are when they are not in the tagged paragraph: a list item takes the
    /// learning sources of the lead-in or heading that introduces it, and a paragraph that
    /// refers back to an activity ("the review found") those of what it refers to.
    public var inheritedFrom: EvidenceContext?

    public init(label: String, rule: String, text: String, bytes: Range<Int>, inheritedFrom: EvidenceContext? = nil) {
        self.label = label
        self.rule = rule
        self.text = text
        self.bytes = bytes
        self.inheritedFrom = inheritedFrom
    }
}

/// The context a learning source was inherited from.
public enum EvidenceContext: Sendable, Hashable {
    /// The paragraph (0-based index) that introduces the list, ending in a colon.
    case leadIn(paragraph: Int)
    /// The heading of the section the paragraph is in.
    case heading
    /// An earlier paragraph (0-based index) of the same section, which names the activity
    /// the paragraph refers back to.
    case antecedent(paragraph: Int)
    /// The document as a whole: its manifest says it is a review, audit or inspection
    /// report, so every paragraph reports that learning (`DocumentKind.learningSource`).
    case document

    /// For people: "lead-in ¶12" (1-based, as paragraph ids are), "heading", "antecedent ¶11"
    /// or "document".
    public var description: String {
        switch self {
        case .leadIn(let paragraph): "lead-in ¶\(paragraph + 1)"
        case .heading: "heading"
        case .antecedent(let paragraph): "antecedent ¶\(paragraph + 1)"
        case .document: "document"
        }
    }
}

/// The themes and learning sources of one paragraph, with the evidence behind each.
public struct Classification: Sendable, Hashable {
    /// Theme ids in taxonomy order.
    public var themes: [String]
    /// Learning source ids in taxonomy order.
    public var sources: [String]
    /// Evidence for every tag, grouped by tag in taxonomy order, then by position.
    public var evidence: [Evidence]

    public init(themes: [String] = [], sources: [String] = [], evidence: [Evidence] = []) {
        self.themes = themes
        self.sources = sources
        self.evidence = evidence
    }

    public var isEmpty: Bool { themes.isEmpty && sources.isEmpty }
}
