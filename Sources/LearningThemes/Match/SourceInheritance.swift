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
/// identified the following learning:") passes on the source it refers to. Short
/// paragraphs straight after a lead-in are its items too when their bullets were lost.
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
    /// Whether no marked list item has followed the lead-in yet.
    private var listIsUnmarked = false
    private var sectionNumber = 0
    /// The sources the current section's heading names, once a paragraph asked for them.
    private var headingSources: [Label]?
    /// The last paragraph of the section that named or inherited sources, and those
    /// sources with where each is named: what a reference back in the next paragraph can
    /// point to. The array keeps its storage from paragraph to paragraph.
    private var carriedParagraph: Int?
    private var carried: [Inherited] = []

    init(sourceID: @escaping (Label) -> String) {
        self.sourceID = sourceID
    }

    /// Takes the next paragraph (`section` numbers its heading and changes exactly when the
    /// heading does), with the sources it has by itself, and sets `inherited` to those it
    /// inherits beyond them (the caller keeps the array from paragraph to paragraph: most
    /// paragraphs inherit nothing, and then cost no array at all). `sources` classifies a
    /// lead-in's introducing sentence when it is not the whole paragraph (the whole
    /// paragraph has `ownSources`), or the current heading when given nil; it is called at
    /// most once per lead-in and once per section. A source passed on by a lead-in with
    /// offset 0 was named by the lead-in as a whole.
    /// `mayReferBack` is false when the matcher found that the paragraph holds no referring
    /// phrase (`Matcher.mayHoldAnaphor`): then its words are not read for one.
    mutating func next(index: Int, role: Paragraph.Role, section: Int, text: UnsafeBufferPointer<UInt8>,
                       ownSources: [Label], mayReferBack: Bool, inherited: inout [Inherited],
                       sources: (UnsafeBufferPointer<UInt8>?) -> [Label]) {
        if !inherited.isEmpty { inherited.removeAll(keepingCapacity: true) }
        if section != sectionNumber {
            sectionNumber = section
            headingSources = nil
            leadIn = nil
            carriedParagraph = nil
        }
        switch role {
        case .body where listIsUnmarked && leadIn?.isEmpty == false && Self.readsAsUnmarkedItem(text):
            // Text copied from a web page loses its bullets: short paragraphs straight after
            // a lead-in are its list all the same, until a longer one or another lead-in.
            for source in leadIn ?? [] where !ownSources.contains(source.label) { inherited.append(source) }
        case .body:
            // Only a paragraph ending in a colon announces a list; any other ends the list.
            leadIn = nil
            if let start = Self.introducingSentenceStart(text) {
                leadIn = leadInSources(index: index, text: text, from: start, ownSources: ownSources, sources: sources)
                listIsUnmarked = true
            }
        case .tableRow:
            leadIn = nil
        case .listItem:
            // After a marked item, a paragraph without a marker is text after the list.
            listIsUnmarked = false
            fromLeadInOrHeading(section: section, text: text, ownSources: ownSources, into: &inherited, sources: sources)
        }
        if inherited.isEmpty, ownSources.isEmpty,
           let source = byReferenceBack(index: index, section: section, text: text, mayReferBack: mayReferBack, sources: sources) {
            inherited.append(source)
            // "The review identified the following learning:" passes on what it refers to.
            if leadIn?.isEmpty == true, role == .body { leadIn = [source.passedOn] }
        }
        if !ownSources.isEmpty || !inherited.isEmpty {
            carriedParagraph = index
            carried.removeAll(keepingCapacity: true)
            if ownSources.isEmpty {
                for source in inherited { carried.append(source.passedOn) }
            } else {
                for label in ownSources { carried.append(Inherited(label: label, origin: .antecedent(paragraph: index), offset: 0)) }
            }
        }
    }

    /// What a lead-in passes on: the sources its introducing sentence (from `start`) names,
    /// or the whole paragraph's when that sentence names none but continues the ones before.
    /// The whole paragraph's sources are `ownSources`: only a later sentence is classified
    /// again.
    private func leadInSources(index: Int, text: UnsafeBufferPointer<UInt8>, from start: Int, ownSources: [Label],
                               sources: (UnsafeBufferPointer<UInt8>?) -> [Label]) -> [Inherited] {
        guard start > 0 else { return passedOn(ownSources, byLeadIn: index, offset: 0) }
        let named = sources(UnsafeBufferPointer(rebasing: text[start...]))
        if named.isEmpty, !ownSources.isEmpty,
           SourceAnaphor.continuesEarlierSentences(UnsafeBufferPointer(rebasing: text[start...])) {
            return passedOn(ownSources, byLeadIn: index, offset: 0)
        }
        return passedOn(named, byLeadIn: index, offset: start)
    }

    private func passedOn(_ named: [Label], byLeadIn index: Int, offset: Int) -> [Inherited] {
        named.map { Inherited(label: $0, origin: .leadIn(paragraph: index), offset: offset) }
    }

    private mutating func fromLeadInOrHeading(section: Int, text: UnsafeBufferPointer<UInt8>, ownSources: [Label],
                                              into inherited: inout [Inherited],
                                              sources: (UnsafeBufferPointer<UInt8>?) -> [Label]) {
        if let leadIn, !leadIn.isEmpty {
            for source in leadIn where !ownSources.contains(source.label) { inherited.append(source) }
            return
        }
        // Under "Child Death Overview Panel", a list of its members' roles and agencies
        // reports nothing the panel learnt.
        let named = headingSources(section: section, sources: sources)
        guard !named.isEmpty, !NameOnlyItem.matches(text) else { return }
        for label in named where !ownSources.contains(label) {
            inherited.append(Inherited(label: label, origin: .heading, offset: 0))
        }
    }

    /// The one source a paragraph with no source of its own refers back to, if it does.
    private mutating func byReferenceBack(index: Int, section: Int, text: UnsafeBufferPointer<UInt8>, mayReferBack: Bool,
                                          sources: (UnsafeBufferPointer<UInt8>?) -> [Label]) -> Inherited? {
        // Most paragraphs cannot refer back: told first, that spares classifying the
        // heading for them.
        guard SourceAnaphor.mayBeIn(text, mayHoldPhrase: mayReferBack) else { return nil }
        // A reference back reaches the paragraph just before, and "the review" a review a
        // few paragraphs back when those between name nothing (`Referent.furthestReach`).
        // Past that only the heading is still in view.
        typealias Referent = SourceAnaphor.Referent
        let distance = carriedParagraph.map { index - $0 } ?? .max
        let reviewInReach = distance == 1
            || (distance <= Referent.furthestReach && carried.contains { Referent.reachesFurtherBack(sourceID($0.label)) })
        if !reviewInReach && headingSources(section: section, sources: sources).isEmpty { return nil }
        // Most paragraphs have nothing in view to refer back to: then their words need not
        // be read at all, which is most of this step's cost.
        guard let anaphor = SourceAnaphor.first(in: text, mayHoldPhrase: mayReferBack) else { return nil }
        let reachesFurther = distance > 1 && distance <= Referent.furthestReach && anaphor.referent == .review
        let fromParagraphBefore = distance == 1 || reachesFurther
        var fitting: Inherited?
        func consider(_ candidate: Inherited) -> Bool {
            let id = sourceID(candidate.label)
            guard anaphor.referent.admits(id), !reachesFurther || Referent.reachesFurtherBack(id) else { return true }
            if fitting != nil {
                fitting = nil
                return false
            }
            fitting = candidate
            return true
        }
        if fromParagraphBefore {
            for candidate in carried where !consider(candidate) { return nil }
        } else {
            for label in headingSources(section: section, sources: sources) where !consider(Inherited(label: label, origin: .heading, offset: 0)) { return nil }
        }
        fitting?.anaphor = anaphor.bytes
        return fitting
    }

    private mutating func headingSources(section: Int, sources: (UnsafeBufferPointer<UInt8>?) -> [Label]) -> [Label] {
        guard section > 0 else { return [] }
        if headingSources == nil { headingSources = sources(nil) }
        return headingSources ?? []
    }

    /// Whether a paragraph without a list marker can be an item of the list just announced:
    /// short, and a sentence or the end of the lead-in's sentence. A short line in title
    /// case with no full stop is more often a heading or a name (a priority's title) than
    /// an item that reports what the lead-in's activity found.
    static func readsAsUnmarkedItem(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first, let last = text.last, last != UInt8(ascii: ":"), text.count <= unmarkedItemLimit else { return false }
        return last.isSentenceEnd || first.isASCIILower
    }

    /// The longest unmarked item in bytes: a bullet's sentence or three, not a paragraph of
    /// narrative.
    static var unmarkedItemLimit: Int { 400 }

    /// Where the last sentence of a paragraph that ends in a colon starts. Told inline
    /// for the others, most paragraphs.
    @inline(__always)
    static func introducingSentenceStart(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard text.last == UInt8(ascii: ":") else { return nil }
        return lastSentenceStart(text)
    }

    private static func lastSentenceStart(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        // ". The", "? Our", "! 2": a full stop, then a space, then a capital or digit. The
        // last one is wanted, so the search runs backwards and stops there.
        var index = text.count - 1
        while index >= 2 {
            if text[index - 1] == UInt8(ascii: " ") && text[index - 2].isSentenceEnd
                && (text[index].isASCIIUpper || text[index].isASCIIDigit) {
                return index
            }
            index -= 1
        }
        return 0
    }
}

private extension UInt8 {
    var isSentenceEnd: Bool { self == UInt8(ascii: ".") || self == UInt8(ascii: "?") || self == UInt8(ascii: "!") }
    var isASCIIUpper: Bool { self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") }
    var isASCIILower: Bool { self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z") }
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
