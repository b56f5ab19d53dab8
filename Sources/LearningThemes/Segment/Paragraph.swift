/// One unit of classification: a paragraph, list item or table row of a document,
/// with wrapped lines joined, markup stripped and page furniture removed.
public struct Paragraph: Sendable, Hashable {
    /// 0-based position of the paragraph in its document.
    public var index: Int
    /// The cleaned text. Evidence byte offsets refer to its UTF-8 form.
    public var text: String
    /// First and last line (1-based) of the source text the paragraph came from.
    public var lines: ClosedRange<Int>
    /// The heading the paragraph sits under, if any (the nearest heading above it).
    public var section: String?
    /// What shape the paragraph had in the source.
    public var role: Role

    public enum Role: String, Sendable, Hashable {
        case body, listItem = "list-item", tableRow = "table-row"
    }

    public init(index: Int, text: String, lines: ClosedRange<Int>, section: String? = nil, role: Role = .body) {
        self.index = index
        self.text = text
        self.lines = lines
        self.section = section
        self.role = role
    }
}
