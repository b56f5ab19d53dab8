/// The learning sources a list item takes from what introduces it.
///
/// Reports set out the findings of an audit, an inspection or a review as bullets under a
/// lead-in ("The multi-agency audit found:") or a heading ("Learning from the Child Death
/// Overview Panel"); each bullet reports on that activity without naming it. A reader
/// counts the bullets as learning from that source, and so does the classifier. Themes are
/// never inherited: a bullet is about its own subject, not its lead-in's.
///
/// Only the sentence that introduces the list counts ("It is one method of seeking
/// assurance ... including:"), not earlier sentences of the lead-in paragraph ("This audit
/// is not a standalone exercise."), which are about something else.
///
/// Fed one paragraph at a time in document order, so it works the same for a whole
/// classified document and for the streaming tally, with `Label` a source id or a tag index.
struct SourceInheritance<Label: Equatable> {
    /// A source a list item inherits: where from, and the text that was classified to find
    /// it (the lead-in's last sentence, `offset` bytes into its paragraph, or the heading).
    struct Inherited {
        var label: Label
        var origin: EvidenceContext
        var context: String
        var offset: Int
    }

    private struct Context {
        var origin: EvidenceContext
        var text: String
        var offset: Int
        var sources: [Label]
    }

    private var leadIn: Context?
    private var section: String?
    /// The current section's heading, once a list item asked for it.
    private var heading: Context?

    /// Takes the next paragraph, with the sources it has by itself, and returns the sources
    /// it inherits beyond those: from the lead-in when the list has one, else from the
    /// heading. `sources` classifies a lead-in sentence or a heading; it is called once per
    /// lead-in and at most once per section.
    mutating func next(_ paragraph: Paragraph, ownSources: [Label], sources: (String) -> [Label]) -> [Inherited] {
        if paragraph.section != section {
            section = paragraph.section
            heading = nil
            leadIn = nil
        }
        switch paragraph.role {
        case .body:
            // Only a paragraph ending in a colon announces a list; any other ends the list.
            leadIn = nil
            if let (sentence, offset) = Self.introducingSentence(paragraph.text) {
                leadIn = Context(origin: .leadIn(paragraph: paragraph.index), text: sentence, offset: offset,
                                 sources: sources(sentence))
            }
            return []
        case .tableRow:
            leadIn = nil
            return []
        case .listItem:
            // A lead-in says what its list is, even under a heading naming something else
            // ("School Safeguarding Compliance Audit" / "... assurance in other ways, including:").
            if leadIn?.sources.isEmpty ?? true, heading == nil, let section {
                heading = Context(origin: .heading, text: section, offset: 0, sources: sources(section))
            }
            guard let context = leadIn.flatMap({ $0.sources.isEmpty ? nil : $0 }) ?? heading else { return [] }
            return context.sources.filter { !ownSources.contains($0) }.map {
                Inherited(label: $0, origin: context.origin, context: context.text, offset: context.offset)
            }
        }
    }

    /// The last sentence of a paragraph that ends in a colon, and its byte offset.
    static func introducingSentence(_ text: String) -> (String, Int)? {
        var text = text
        return text.withUTF8 { bytes -> (String, Int)? in
            guard bytes.last == UInt8(ascii: ":") else { return nil }
            var start = 0
            // ". The", "? Our", "! 2": a full stop, then a space, then a capital or digit.
            for index in bytes.indices.dropFirst(2) where bytes[index - 2].isSentenceEnd && bytes[index - 1] == UInt8(ascii: " ")
                && (bytes[index].isASCIIUpper || bytes[index].isASCIIDigit) {
                start = index
            }
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self), start)
        }
    }
}

private extension UInt8 {
    var isSentenceEnd: Bool { self == UInt8(ascii: ".") || self == UInt8(ascii: "?") || self == UInt8(ascii: "!") }
    var isASCIIUpper: Bool { self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") }
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
