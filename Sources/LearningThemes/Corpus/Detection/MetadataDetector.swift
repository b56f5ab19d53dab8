/// Reads a document's metadata from its own title and opening, so that a new document
/// can join a corpus without a hand-written manifest entry (`learning-themes inspect`).
/// Its helpers (in this folder) are nested in it to keep their names out of the
/// module's namespace, which other parts of the engine share.
///
/// How it reads, and why it stays fast at national scale:
/// - The text is read once into UTF-8 bytes split into lines (`DocumentText`), at most
///   `DocumentText.readLimit` of it. A line becomes a `String` only when a step needs
///   one, and only once.
/// - Every pattern is a small hand-written matcher over those bytes, driven by tables:
///   `Phrase` spellings of places, bodies, labels and kinds, month names, the forms of a
///   year span. None backtracks: at each position a matcher tries a short, fixed list of
///   readings, and a phrase table is looked up by the word at hand (`PhraseIndex`).
///   Cheap byte tests (a line without "partnership" names no partnership) spare most
///   lines the full search. So detection is linear in the length of the text, and a
///   50 MB single-line file cannot make it hang.
/// - The matchers keep the meanings of the ICU regular expressions the detector was first
///   written with (`ScalarClass`: what counts as a word character, digit, space or word
///   boundary; which reading wins when several could), so its answers did not change.
///   Three differences are deliberate: "\r\n" ends a line (a Windows text file used to be
///   read as one line); "7-minute briefing" takes a hyphen or spaces like every other
///   phrase (the old pattern took one character of " -()?=*", by a slip); and case is
///   ignored for ASCII letters only (ICU also read "ſ" as "s", the Kelvin sign as "k").
public enum MetadataDetector {
    /// A committee cover sheet is recognised by at least this many of its labels, so
    /// one stray "Wards:" or "Report of:" in a report's body does not make it one.
    static let committeeLabelsNeeded = 2

    public static func detect(text: String) -> DetectedMetadata {
        detect(DocumentText(text), quotesEvidence: true)
    }

    /// The same for the first `window` bytes of `utf8`, which must be valid UTF-8 (as
    /// `LoadedText.bytes` is): no `String` of the window is made, and the array is
    /// shared rather than copied. A window cutting a character in two reads as if the
    /// cut character were U+FFFD, as `String(decoding:)` of those bytes would.
    /// Without `quotesEvidence` every `evidence` is left empty: a corpus run only fills
    /// the manifest's blanks with the values, and quoting the lines they were read from
    /// cost about a tenth of detection.
    public static func detect(utf8: [UInt8], window: Int, quotesEvidence: Bool = true) -> DetectedMetadata {
        detect(DocumentText(utf8: utf8, count: window), quotesEvidence: quotesEvidence)
    }

    /// How much of the opening a first look reads, in bytes (whole lines, at most
    /// `DocumentText.openingLineCount` of them). Title pages and cover sheets fit well
    /// inside it, and reading all 200 lines of a report whose lines are whole paragraphs
    /// cost more than everything else done to the document.
    /// 4 KiB left every result on the seed documents and their variants unchanged (2 KiB
    /// did not); `DocumentPipeline.read` runs this for every document of a corpus.
    static let firstLookBytes = 4 * 1024

    private static func detect(_ document: DocumentText, quotesEvidence: Bool) -> DetectedMetadata {
        let firstLines = document.linesStarting(before: firstLookBytes, atMost: DocumentText.openingLineCount)
        let firstLook = detect(document, openingLines: firstLines, quotesEvidence: quotesEvidence)
        // Only a document whose opening leaves what comparisons group by unsaid is read
        // on to the whole opening.
        guard firstLines < DocumentText.openingLineCount, firstLines < document.lineCount,
              firstLook.partnership == nil || firstLook.period == nil || firstLook.kind == nil else { return firstLook }
        return detect(document, openingLines: DocumentText.openingLineCount, quotesEvidence: quotesEvidence)
    }

    private static func detect(_ document: DocumentText, openingLines: Int, quotesEvidence: Bool) -> DetectedMetadata {
        let quote = { (evidence: () -> String) in quotesEvidence ? evidence() : "" }
        let opening = document.window(1...openingLines)
        let fields = HeaderField.fields(in: document, lines: 1...openingLines)
        let title = DocumentTitle.find(in: document, fields: fields)
        let titleWindows = title?.parts.map { TextWindow(line: $0.text, number: $0.line) } ?? []

        let partnership = PartnershipName.best(
            title: titleWindows.flatMap(PartnershipName.mentions), opening: PartnershipName.mentions(in: opening))
        let period = ReportingPeriod.best(
            title: titleWindows.flatMap(ReportingPeriod.mentions), opening: ReportingPeriod.mentions(in: opening))

        // The partnership's evidence is quoted for its areas too, and the title's for its
        // kind and areas: each is made once.
        let namedPartnership = partnership.map { mention in
            DetectedValue(value: mention.fullName, line: mention.line, evidence: quote { mention.evidence })
        }
        let quotedTitle = title.map { title in DetectedValue(value: title.text, line: title.line, evidence: quote { title.evidence }) }
        return DetectedMetadata(
            partnership: namedPartnership,
            areas: areas(partnership: partnership, named: namedPartnership, title: title, quoted: quotedTitle),
            period: period.map { mention in
                DetectedValue(value: mention.period, line: mention.line, evidence: quote { mention.evidence })
            },
            kind: kind(title: title, quoted: quotedTitle, fields: fields, opening: opening, quote: quote),
            title: quotedTitle,
            date: meetingDate(fields: fields, quote: quote))
    }

    /// The partnership's own places when it was named, else places the title names.
    private static func areas(partnership: PartnershipName.Mention?, named: DetectedValue<String>?,
                              title: DocumentTitle?, quoted: DetectedValue<String>?) -> DetectedValue<[String]>? {
        if let partnership, let named {
            return DetectedValue(value: partnership.places.map(\.authority.officialName),
                                 line: named.line, evidence: named.evidence)
        }
        guard let title, let quoted else { return nil }
        let places = PlaceNames.mentions(in: title.text)
        guard !places.isEmpty else { return nil }
        return DetectedValue(value: places.map(\.authority.officialName), line: quoted.line, evidence: quoted.evidence)
    }

    /// A committee cover sheet makes a report presenting an annual report (or naming no
    /// kind) a committee report; a more specific kind in the title (a practice review
    /// taken to committee) stays what the title says.
    private static func kind(title: DocumentTitle?, quoted: DetectedValue<String>?, fields: [HeaderField],
                             opening: TextWindow, quote: (() -> String) -> String) -> DetectedValue<DocumentKind>? {
        let titleKind = title?.kind
        let committeeLabels = fields.filter { $0.roles.contains(.committeeHeader) }
        let distinctLabels = Set(committeeLabels.map(\.labelNumber))
        let isCommitteeReport = distinctLabels.count >= committeeLabelsNeeded
        if isCommitteeReport, titleKind == nil || titleKind == .annualReport, let first = committeeLabels.first {
            // The cover sheet's "REPORT TITLE" line shows both the committee form and
            // what it presents, so it is the best line to cite.
            let cited = committeeLabels.first { $0.roles.contains(.title) } ?? first
            return DetectedValue(value: .committeeReport, line: cited.line, evidence: quote { cited.evidence })
        }
        if let titleKind, let quoted {
            return DetectedValue(value: titleKind, line: quoted.line, evidence: quoted.evidence)
        }
        return DocumentKindWords.selfDescribedKind(in: opening, quote: quote)
    }

    /// The date of the meeting or decision when the cover sheet gives one, else the
    /// first other labelled date.
    private static func meetingDate(fields: [HeaderField], quote: (() -> String) -> String) -> DetectedValue<String>? {
        // Dates are read only from fields that could be chosen, in the order of choice.
        func firstDated(_ role: HeaderField.Roles) -> (HeaderField, String)? {
            fields.lazy.filter { $0.roles.contains(role) }.compactMap { field in StatedDate.iso(in: field.value).map { (field, $0) } }.first
        }
        let chosen = firstDated(.meetingDate) ?? firstDated(.date)
        return chosen.map { field, date in DetectedValue(value: date, line: field.valueLine, evidence: quote { field.evidence }) }
    }
}
