/// The learning sources a paragraph takes from what introduces it or what it refers back to.
///
/// Reports set out the findings of an audit, an inspection or a review as bullets under a
/// lead-in ("The multi-agency audit found:") or a heading ("Learning from the Child Death
/// Overview Panel"); each bullet reports on that activity without naming it. A reader
/// counts the bullets as learning from that source, and so does the classifier. Themes are
/// never inherited: a bullet is about its own subject, not its lead-in's.
///
/// The sentence that introduces the list counts, not earlier sentences of the lead-in
/// ("This audit is not a standalone exercise. It is one method of seeking assurance ...
/// including:"), unless it names nothing and points back to them ("The CSCP embedded the
/// recommendations of the multi-agency audit. This has included:"). A list with such a
/// lead-in follows it; a list without one (or whose lead-in names no source) takes the
/// sources its heading names. A lead-in that names nothing but refers back ("The review
/// identified the following learning:") passes on the source it refers to.
///
/// Any paragraph that names no source itself but refers back to an activity ("The review
/// found…", `SourceAnaphor`) takes the one source of what it refers to: the paragraph just
/// before it if that named or carried a source, else the section heading. Only one fitting
/// source is taken; when the referent is ambiguous nothing is.
///
/// Fed one paragraph at a time in document order, so it works the same for a whole
/// classified document and for the streaming tally, with `Label` a source id or a tag index.
struct SourceInheritance<Label: Equatable> {
    /// A source a paragraph inherits, where from, and the byte offset of the words' context
    /// within that paragraph (a lead-in's introducing sentence), and for a reference back,
    /// the referring words in the paragraph itself.
    struct Inherited {
        var label: Label
        var origin: EvidenceContext
        var offset: Int
        var anaphor: Range<Int>? = nil

        /// The source as a later paragraph takes it: from where it is named, without the
        /// referring words of this one.
        var passedOn: Inherited { Inherited(label: label, origin: origin, offset: offset) }
    }

    /// The source id of a label, to tell which sources an anaphor can refer to.
    private let sourceID: (Label) -> String
    /// The sources the current list's lead-in passes on, with where each is named.
    private var leadIn: [Inherited]?
    private var sectionNumber = 0
    /// The sources the current section's heading names, once a paragraph asked for them.
    private var headingSources: [Label]?
    /// The last paragraph of the section that named or inherited sources, with where each
    /// of them is named: what a reference back in the next paragraph can point to.
    private var carried: (paragraph: Int, sources: [Inherited])?

    init(sourceID: @escaping (Label) -> String) {
        self.sourceID = sourceID
    }

    /// Takes the next paragraph (`section` numbers its heading and changes exactly when the
    /// heading does), with the sources it has by itself, and returns those it inherits
    /// beyond them. `sources` classifies part of the paragraph (a lead-in's introducing
    /// sentence or all of it), or the current heading when given nil; it is called at most
    /// twice per lead-in and once per section.
    mutating func next(index: Int, role: Paragraph.Role, section: Int, text: UnsafeBufferPointer<UInt8>,
                       ownSources: [Label], sources: (UnsafeBufferPointer<UInt8>?) -> [Label]) -> [Inherited] {
        if section != sectionNumber {
            sectionNumber = section
            headingSources = nil
            leadIn = nil
            carried = nil
        }
        var inherited: [Inherited] = []
        switch role {
        case .body:
            // Only a paragraph ending in a colon announces a list; any other ends the list.
            leadIn = nil
            if let start = Self.introducingSentenceStart(text) {
                var named = sources(UnsafeBufferPointer(rebasing: text[start...]))
                var offset = start
                if named.isEmpty, start > 0, !ownSources.isEmpty,
                   SourceAnaphor.continuesEarlierSentences(UnsafeBufferPointer(rebasing: text[start...])) {
                    named = sources(text)
                    offset = 0
                }
                leadIn = named.map { Inherited(label: $0, origin: .leadIn(paragraph: index), offset: offset) }
            }
        case .tableRow:
            leadIn = nil
        case .listItem:
            inherited = fromLeadInOrHeading(section: section, ownSources: ownSources, sources: sources)
        }
        if inherited.isEmpty, ownSources.isEmpty {
            inherited = byReferenceBack(index: index, section: section, text: text, sources: sources)
            // "The review identified the following learning:" passes on what it refers to.
            if leadIn?.isEmpty == true, role == .body { leadIn = inherited.map(\.passedOn) }
        }
        if !ownSources.isEmpty {
            carried = (index, ownSources.map { Inherited(label: $0, origin: .antecedent(paragraph: index), offset: 0) })
        } else if !inherited.isEmpty {
            carried = (index, inherited.map(\.passedOn))
        }
        return inherited
    }

    private mutating func fromLeadInOrHeading(section: Int, ownSources: [Label],
                                              sources: (UnsafeBufferPointer<UInt8>?) -> [Label]) -> [Inherited] {
        if let leadIn, !leadIn.isEmpty {
            return leadIn.filter { !ownSources.contains($0.label) }
        }
        return self.headingSources(section: section, sources: sources).filter { !ownSources.contains($0) }.map {
            Inherited(label: $0, origin: .heading, offset: 0)
        }
    }

    /// The one source a paragraph with no source of its own refers back to, if it does.
    private mutating func byReferenceBack(index: Int, section: Int, text: UnsafeBufferPointer<UInt8>,
                                          sources: (UnsafeBufferPointer<UInt8>?) -> [Label]) -> [Inherited] {
        // A reference back reaches the paragraph just before; past an unrelated paragraph
        // only the heading is still in view.
        let candidates: [Inherited]
        if let carried, carried.paragraph == index - 1 {
            candidates = carried.sources
        } else {
            candidates = headingSources(section: section, sources: sources).map { Inherited(label: $0, origin: .heading, offset: 0) }
        }
        // Most paragraphs have nothing in view to refer back to: then their words need not
        // be read at all, which is most of this step's cost.
        guard !candidates.isEmpty, let anaphor = SourceAnaphor.first(in: text) else { return [] }
        let fitting = candidates.filter { anaphor.referent.admits(sourceID($0.label)) }
        guard fitting.count == 1, var source = fitting.first else { return [] }
        source.anaphor = anaphor.bytes
        return [source]
    }

    private mutating func headingSources(section: Int, sources: (UnsafeBufferPointer<UInt8>?) -> [Label]) -> [Label] {
        guard section > 0 else { return [] }
        if headingSources == nil { headingSources = sources(nil) }
        return headingSources ?? []
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
