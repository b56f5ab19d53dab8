extension Matcher {
    /// Classifies the paragraphs of one document, in order: each by its own words, then
    /// paragraphs take the learning sources of their lead-in or heading, or of what they
    /// refer back to (`SourceInheritance`), with evidence that quotes those words and says
    /// where they are. A document whose manifest declares it a review, audit or inspection
    /// report (`documentKind`) gives every paragraph that learning source as well.
    public func classify(_ paragraphs: [Paragraph], documentKind: DocumentKind? = nil,
                         scratch: inout MatchScratch) -> [Classification] {
        let order = Dictionary(targetIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let documentSource = documentSourceTag(documentKind).map { targetIDs[Int($0)] }
        var results: [Classification] = []
        results.reserveCapacity(paragraphs.count)
        var inheritance = SourceInheritance<String>(sourceID: { $0 })
        var inherited: [SourceInheritance<String>.Inherited] = []
        var sectionNumber = 0
        var section: String?
        var leadInEvidence: [Int: [Evidence]] = [:]
        var headingEvidence: [Evidence] = []
        /// The source evidence of paragraphs that name a source, by paragraph index.
        var namedEvidence: [Int: [Evidence]] = [:]
        var inGlossary = false
        for paragraph in paragraphs {
            if paragraph.section != section {
                section = paragraph.section
                sectionNumber += 1
                inGlossary = GlossarySection.matches(section)
            }
            if inGlossary {
                results.append(Classification())
                continue
            }
            var result = classify(paragraph.text, scratch: &scratch)
            if !result.sources.isEmpty {
                namedEvidence[paragraph.index] = result.evidence.filter { result.sources.contains($0.label) }
            }
            // Read before the matcher runs again, on a lead-in or heading.
            let mayReferBack = mayHoldAnaphor(scratch)
            var text = paragraph.text
            text.withUTF8 { bytes in
                inheritance.next(index: paragraph.index, role: paragraph.role, section: section == nil ? 0 : sectionNumber,
                                 text: bytes, ownSources: result.sources, mayReferBack: mayReferBack,
                                 inherited: &inherited) { context in
                    let found = classify(context.map { String(decoding: $0, as: UTF8.self) } ?? section ?? "", scratch: &scratch)
                    if context == nil { headingEvidence = found.evidence } else { leadInEvidence[paragraph.index] = found.evidence }
                    return found.sources
                }
            }
            for source in inherited {
                result.sources.append(source.label)
                if let anaphor = source.anaphor {
                    result.evidence.append(Evidence(label: source.label, rule: SourceAnaphor.ruleID,
                                                    text: paragraph.text.utf8Slice(anaphor), bytes: anaphor))
                }
                let context: [Evidence]
                switch source.origin {
                case .leadIn(let index):
                    // Offset 0: the lead-in named it as a whole, with the paragraph's own evidence.
                    context = source.offset == 0 ? namedEvidence[index, default: []] : leadInEvidence[index, default: []]
                case .heading: context = headingEvidence
                case .antecedent(let index): context = namedEvidence[index, default: []]
                case .document: context = []  // added below, not by `SourceInheritance`
                }
                for var evidence in context where evidence.label == source.label {
                    evidence.inheritedFrom = source.origin
                    evidence.bytes = evidence.bytes.lowerBound + source.offset ..< evidence.bytes.upperBound + source.offset
                    result.evidence.append(evidence)
                }
            }
            var addsDocumentSource = false
            if let documentSource, let documentKind, !result.sources.contains(documentSource) {
                addsDocumentSource = true
                result.sources.append(documentSource)
                result.evidence.append(Evidence(label: documentSource, rule: Self.documentKindRuleID,
                                                text: "kind: \(documentKind.rawValue)", bytes: 0..<0, inheritedFrom: .document))
            }
            if !inherited.isEmpty || addsDocumentSource {
                result.sources.sort { order[$0, default: 0] < order[$1, default: 0] }
                // Evidence stays grouped by tag in taxonomy order; the sort is stable, so
                // a tag's own words come before inherited ones.
                result.evidence = result.evidence.enumerated().sorted {
                    (order[$0.element.label, default: 0], $0.offset) < (order[$1.element.label, default: 0], $1.offset)
                }.map(\.element)
            }
            results.append(result)
        }
        return results
    }
}

extension Matcher {
    /// The rule id of evidence that a paragraph's source comes from its document's kind.
    public static let documentKindRuleID = "document-kind"

    /// The tag index of the learning source every paragraph of a document of `kind` reports,
    /// when the rules have that source.
    func documentSourceTag(_ kind: DocumentKind?) -> Int32? {
        guard let id = kind?.learningSource, let index = targetIDs.firstIndex(of: id), targets[index].isSource else { return nil }
        return Int32(index)
    }
}

private extension String {
    /// The text of a UTF-8 byte range (the range comes from the tokenizer, so it falls on
    /// character boundaries).
    func utf8Slice(_ bytes: Range<Int>) -> String {
        let view = Array(utf8)
        return String(decoding: view[bytes], as: UTF8.self)
    }
}

/// Counts a document paragraph by paragraph as the segmenter streams it, inherited
/// sources included, without building evidence or strings: what a whole corpus needs.
struct ParagraphTagCounter {
    let matcher: Matcher
    private var inheritance: SourceInheritance<Int32>
    /// Storage for a paragraph's tags when they cannot be read from the matcher's buffer.
    private var kept: [Int32] = []
    private var ownSources: [Int32] = []
    /// Storage for the sources a paragraph inherits, kept from paragraph to paragraph.
    private var inherited: [SourceInheritance<Int32>.Inherited] = []
    private var glossaryCheckedSection = 0
    private var inGlossary = false
    /// The source every paragraph takes from the document's declared kind.
    private let documentSource: Int32?

    init(matcher: Matcher, documentKind: DocumentKind? = nil) {
        self.matcher = matcher
        let ids = matcher.targetIDs
        inheritance = SourceInheritance(sourceID: { ids[Int($0)] })
        documentSource = matcher.documentSourceTag(documentKind)
    }

    /// Calls `body` with the tag indices of `paragraph`: those the matcher finds, then the
    /// learning sources it inherits.
    mutating func tags(of paragraph: ParagraphBytes, scratch: inout MatchScratch, _ body: (UnsafeBufferPointer<Int32>) -> Void) {
        if paragraph.sectionNumber != glossaryCheckedSection {
            glossaryCheckedSection = paragraph.sectionNumber
            inGlossary = paragraph.heading.map(GlossarySection.matches) ?? false
        }
        if inGlossary { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        // `self` holds the matcher throughout: called through `self.matcher` and captured
        // unretained, it costs no retain or release per paragraph (a call through the
        // unowned local would make a strong copy first).
        unowned(unsafe) let matcher = self.matcher
        let found = self.matcher.tags(paragraph.text, scratch: &scratch)
        let mayReferBack = self.matcher.mayHoldAnaphor(scratch)
        if !ownSources.isEmpty { ownSources.removeAll(keepingCapacity: true) }
        for tag in found where matcher.targets[Int(tag)].isSource { ownSources.append(tag) }
        // `found` lasts only until the matcher runs again, as it may for a lead-in or a
        // heading: then the tags are kept first. Most paragraphs need neither copy nor array.
        var kept: [Int32] = [], inherited: [SourceInheritance<Int32>.Inherited] = []
        swap(&kept, &self.kept)
        swap(&inherited, &self.inherited)
        var isKept = false
        inheritance.next(index: paragraph.index, role: paragraph.role, section: paragraph.sectionNumber,
                         text: paragraph.text, ownSources: ownSources, mayReferBack: mayReferBack,
                         inherited: &inherited) { context in
            guard let text = context ?? paragraph.heading else { return [] }
            if !isKept { Self.copy(found, into: &kept) }
            isKept = true
            return matcher.tags(text, scratch: &scratch).filter { matcher.targets[Int($0)].isSource }
        }
        // `ownSources`, not `found`: the matcher may have run again for a heading or lead-in.
        let addsDocumentSource = documentSource.map { source in
            !ownSources.contains(source) && !inherited.contains { $0.label == source }
        } ?? false
        if inherited.isEmpty && !isKept && !addsDocumentSource {
            body(found)
        } else {
            if !isKept { Self.copy(found, into: &kept) }
            for source in inherited { kept.append(source.label) }
            if addsDocumentSource, let documentSource { kept.append(documentSource) }
            kept.withUnsafeBufferPointer(body)
        }
        swap(&kept, &self.kept)
        swap(&inherited, &self.inherited)
    }

    private static func copy(_ tags: UnsafeBufferPointer<Int32>, into array: inout [Int32]) {
        array.removeAll(keepingCapacity: true)
        array.append(contentsOf: tags)
    }
}
