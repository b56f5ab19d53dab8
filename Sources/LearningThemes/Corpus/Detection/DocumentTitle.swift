import Foundation

extension MetadataDetector {
    /// A document's title, with the line(s) it was read from so that the period and the
    /// partnership can be looked for in the title before the body.
    struct DocumentTitle {
        let text: String
        let parts: [(line: Int, text: String)]
        /// Where the title is quoted from: made into `evidence` only when asked for, as a
        /// corpus run never quotes it.
        private let source: Source
        /// The kind of document the title names (`DocumentKindWords.kind(ofTitle:)`), read
        /// once: choosing the title and the document's kind both ask for it.
        let kind: DocumentKind?

        var line: Int { parts[0].line }

        private enum Source {
            /// A cover-sheet field; the line a wrapped value goes on to is in `parts`.
            case field(HeaderField)
            case line(Int, of: DocumentText)
            /// A line past the numbered ones, by its bytes.
            case bytes(Range<Int>, of: DocumentText)
        }

        /// The line(s) the title was read from.
        var evidence: String {
            switch source {
            case .field(let field): ([field.evidence] + parts.dropFirst().map(\.text)).joined(separator: " / ")
            case .line(let number, let document): document.collapsedLine(number)
            case .bytes(let range, let document): document.collapsedText(ofLine: range)
            }
        }

        /// Where a title is looked for, best first:
        /// 1. a labelled title on a report's cover sheet that names a kind of document
        ///    (so the "Title: Health & Wellbeing Board" of an agenda loses to the
        ///    "Title: Local Safeguarding Children Partnership Annual Report 2022/2023" of
        ///    the report inside it);
        /// 2. a heading near the top that names a kind of document;
        /// 3. a running title anywhere (the page header a PDF repeats, e.g. "Camden
        ///    Safeguarding Children Partnership – Annual Report 2019/20"), for reports whose
        ///    text starts straight in with a foreword;
        /// 4. a labelled title that names no kind.
        static func find(in document: DocumentText, fields: [HeaderField]) -> DocumentTitle? {
            var wrapped: [Int: String?] = [:]
            var labelled: [DocumentTitle] = []
            for field in fields where field.roles.contains(.title) && !field.value.isEmpty {
                labelled.append(fromField(field, in: document, wrapped: &wrapped))
            }
            return labelled.first { $0.kind != nil }
                ?? heading(in: document, lines: 1...headingLineCount)
                ?? runningTitle(in: document)
                ?? labelled.first
        }

        /// Title pages and cover sheets fit in the first page or so of extracted text.
        private static let headingLineCount = 60
        /// A heading or running title is a line, not a wrapped paragraph.
        private static let longestTitle = 140

        /// A title wrapped onto a second line is joined when that line goes on to name a
        /// kind or a period ("Title: Local Safeguarding Children Partnership" /
        /// "Annual Report 2022/2023"). `wrapped` remembers, per line, whether it is such a
        /// second line: many fields of one cover sheet may share it.
        private static func fromField(_ field: HeaderField, in document: DocumentText,
                                      wrapped: inout [Int: String?]) -> DocumentTitle {
            var parts = [(line: field.valueLine, text: field.value)]
            let valueKind = DocumentKindWords.kind(ofTitle: field.value)
            if valueKind == nil, let next = field.lineAfterValue {
                if wrapped[next] == nil { wrapped[next] = continuation(line: next, in: document) }
                if let text = wrapped[next]! { parts.append((next, text)) }
            }
            let text = parts.map(\.text).joined(separator: " ")
            return DocumentTitle(text: text, parts: parts, source: .field(field),
                                 kind: parts.count == 1 ? valueKind : DocumentKindWords.kind(ofTitle: text))
        }

        private static func continuation(line: Int, in document: DocumentText) -> String? {
            guard !document.isLabelLine(line) else { return nil }
            let text = document.plainLine(line)
            guard !hasMoreCharacters(text, than: longestTitle),
                  DocumentKindWords.kind(ofTitle: text) != nil || ReportingPeriod.normalise(text) != nil else { return nil }
            return text
        }

        private static func heading(in document: DocumentText, lines numbers: ClosedRange<Int>) -> DocumentTitle? {
            // Cheap tests first: most lines are wrapped prose, between other lines.
            for number in numbers where number <= document.lineCount && standsAlone(number, in: document)
                && !document.isLonger(number, than: longestTitle) {
                let text = document.plainLine(number)
                guard isTitleShaped(text), let kind = DocumentKindWords.kind(ofTitle: text) else { continue }
                return DocumentTitle(text: text, parts: [(number, text)], source: .line(number, of: document), kind: kind)
            }
            return nil
        }

        /// A running title names the partnership, the kind and the period together: a
        /// line that does is the document naming itself, not a sentence about something.
        private static func runningTitle(in document: DocumentText) -> DocumentTitle? {
            // The search reads the whole text, not only the numbered lines.
            let document = document.withWholeTextNormalised()
            var found: DocumentTitle?
            document.forEachLineWithCenturyDigits { line in
                guard PartnershipName.mayBeNamed(in: ScanText(bytes: document.bytes, range: line)),
                      !document.isLonger(line: line, than: longestTitle) else { return false }
                let text = document.plainText(ofLine: line)
                guard isTitleShaped(text), let kind = DocumentKindWords.kind(ofTitle: text),
                      ReportingPeriod.normalise(text) != nil else { return false }
                // Counting the lines before it is left until a line is likely the title.
                let number = document.lineNumber(startingAt: line.lowerBound)
                guard !PartnershipName.mentions(in: TextWindow(line: text, number: number)).isEmpty else { return false }
                found = DocumentTitle(text: text, parts: [(number, text)], source: .bytes(line, of: document), kind: kind)
                return true
            }
            return found
        }

        /// A heading is marked as one, or set apart by blank lines; a line of hard-wrapped
        /// prose has text on both sides.
        private static func standsAlone(_ number: Int, in document: DocumentText) -> Bool {
            let isBlank = { (number: Int) in
                !(1...document.lineCount).contains(number) || document.isBlankLine(number)
            }
            return document.isHeadingLine(number) || (isBlank(number - 1) && isBlank(number + 1))
        }

        /// Short, starting with a capital or a number, and not ending like a sentence.
        private static func isTitleShaped(_ text: String) -> Bool {
            guard let first = text.first, let last = text.last, !hasMoreCharacters(text, than: longestTitle) else { return false }
            return (first.isUppercase || first.isNumber) && !".,;:".contains(last)
        }
    }
}
