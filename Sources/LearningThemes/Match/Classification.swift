/// Why a paragraph got a tag: which rule fired and the exact words it matched.
public struct Evidence: Sendable, Hashable {
    /// Theme or source id.
    public var label: String
    /// The id of the `match` clause that fired.
    public var rule: String
    /// The matched words, quoted exactly from the paragraph text.
    public var text: String
    /// UTF-8 byte offsets of `text` in the paragraph text.
    public var bytes: Range<Int>

    public init(label: String, rule: String, text: String, bytes: Range<Int>) {
        self.label = label
        self.rule = rule
        self.text = text
        self.bytes = bytes
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
