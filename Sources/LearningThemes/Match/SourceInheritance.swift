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
/// is not a standalone exercise."), which are about something else. A list with such a
/// lead-in follows it; a list without one (or whose lead-in names no source) takes the
/// sources its heading names.
///
/// Fed one paragraph at a time in document order, so it works the same for a whole
/// classified document and for the streaming tally, with `Label` a source id or a tag index.
struct SourceInheritance<Label: Equatable> {
    /// A source a list item inherits, where from, and for a lead-in, the byte offset of its
    /// introducing sentence (evidence found in the sentence is shifted by it).
    struct Inherited {
        var label: Label
        var origin: EvidenceContext
        var offset: Int
    }

    private var leadIn: (paragraph: Int, offset: Int, sources: [Label])?
    private var sectionNumber = 0
    /// The sources the current section's heading names, once a list item asked for them.
    private var headingSources: [Label]?

    /// Takes the next paragraph (`section` numbers its heading and changes exactly when the
    /// heading does), with the sources it has by itself, and returns those it inherits
    /// beyond them. `sources` classifies a lead-in's introducing sentence, or the current
    /// heading when given nil; it is called once per lead-in and at most once per section.
    mutating func next(index: Int, role: Paragraph.Role, section: Int, text: UnsafeBufferPointer<UInt8>,
                       ownSources: [Label], sources: (UnsafeBufferPointer<UInt8>?) -> [Label]) -> [Inherited] {
        if section != sectionNumber {
            sectionNumber = section
            headingSources = nil
            leadIn = nil
        }
        switch role {
        case .body:
            // Only a paragraph ending in a colon announces a list; any other ends the list.
            leadIn = nil
            if let start = Self.introducingSentenceStart(text) {
                leadIn = (index, start, sources(UnsafeBufferPointer(rebasing: text[start...])))
            }
            return []
        case .tableRow:
            leadIn = nil
            return []
        case .listItem:
            if let leadIn, !leadIn.sources.isEmpty {
                return leadIn.sources.filter { !ownSources.contains($0) }.map {
                    Inherited(label: $0, origin: .leadIn(paragraph: leadIn.paragraph), offset: leadIn.offset)
                }
            }
            guard section > 0 else { return [] }
            if headingSources == nil { headingSources = sources(nil) }
            return (headingSources ?? []).filter { !ownSources.contains($0) }.map {
                Inherited(label: $0, origin: .heading, offset: 0)
            }
        }
    }

    /// Where the last sentence of a paragraph that ends in a colon starts.
    static func introducingSentenceStart(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard text.last == UInt8(ascii: ":") else { return nil }
        var start = 0
        // ". The", "? Our", "! 2": a full stop, then a space, then a capital or digit.
        for index in text.indices.dropFirst(2) where text[index - 2].isSentenceEnd && text[index - 1] == UInt8(ascii: " ")
            && (text[index].isASCIIUpper || text[index].isASCIIDigit) {
            start = index
        }
        return start
    }
}

private extension UInt8 {
    var isSentenceEnd: Bool { self == UInt8(ascii: ".") || self == UInt8(ascii: "?") || self == UInt8(ascii: "!") }
    var isASCIIUpper: Bool { self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") }
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
