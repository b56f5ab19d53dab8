import Foundation

extension MetadataDetector {
    /// A "LABEL: value" field of the cover sheet councils put on committee and board
    /// reports ("REPORT TITLE:", "FOR SUBMISSION TO:", "Meeting Date:"). Extracted from a
    /// PDF table, a field may keep its value in the same cell, in the next tab-separated
    /// cell, or on the next non-blank line.
    struct HeaderField {
        enum Role: Sendable {
            case title
            /// The date of the meeting or decision the report went to.
            case meetingDate
            /// Any other date ("Date:" under a signature, or a meeting date on its own).
            case date
            /// Marks the document as a report to a council committee or board.
            case committeeHeader
        }

        let label: String
        let roles: Set<Role>
        let value: String
        /// Where the label is; the value may be on a later line.
        let line: Int
        /// The label's line, and the value's line when that is another.
        let evidence: String
        let valueLine: Int
        /// The next non-blank line after the value, for a title wrapped across lines.
        let lineAfterValue: (line: Int, text: String)?

        /// Label spellings and what each tells. A spelling comes before any shorter one it
        /// starts with, so that "DATE OF DECISION" is not read as "DATE".
        private static let labels: [(spelling: String, roles: Set<Role>)] = [
            ("date of decision", [.meetingDate, .committeeHeader]),
            ("for submission to", [.committeeHeader]),
            ("date of meeting", [.meetingDate, .committeeHeader]),
            ("committee agenda", [.committeeHeader]),
            ("wards affected", [.committeeHeader]),
            ("wards involved", [.committeeHeader]),
            ("meeting date", [.meetingDate, .committeeHeader]),
            ("report title", [.title, .committeeHeader]),
            ("report of", [.committeeHeader]),
            ("title", [.title]),
            ("wards", [.committeeHeader]),
            ("date", [.date]),
        ]

        private static let labelPattern = TextPattern(
            #"^\s*(?:#+\s*)?(?:\*\*)?(?<label>"# + labels.map { PatternPiece.phrase($0.spelling) }.joined(separator: "|")
            + #")(?:\*\*)?(?<colon>\s*:)?(?:\*\*)?(?:\s+|$)(?<value>.*)$"#)

        /// Any "Something:" cell, to know where a value stops even for labels we ignore.
        private static let anyLabel = TextPattern(
            #"^\s*(?:\*\*)?[A-Za-z][A-Za-z /&?'’()-]{0,50}(?:\*\*)?\s*:(?:\*\*)?\s*$"#
            + #"|^\s*[A-Za-z][A-Za-z /&?'’()-]{0,50}:\s"#)

        /// The header fields among `numbers` lines of `document`.
        static func fields(in document: DocumentText, lines numbers: ClosedRange<Int>) -> [HeaderField] {
            numbers.filter { $0 <= document.lines.count }.flatMap { number in
                let cells = document.line(number).components(separatedBy: "\t")
                return cells.indices.compactMap { index in
                    field(in: cells[index], cellsAfter: cells[(index + 1)...], line: number, of: document)
                }
            }
        }

        private static func field(in cell: String, cellsAfter: ArraySlice<String>, line: Int,
                                  of document: DocumentText) -> HeaderField? {
            guard let match = labelPattern.firstMatch(in: cell), let labelText = match.group("label") else { return nil }
            let key = TextCleaning.lookupKey(labelText)
            guard let entry = labels.first(where: { TextCleaning.lookupKey($0.spelling) == key }) else { return nil }
            var value = TextCleaning.plain(match.group("value") ?? "")
            let hasColon = match.group("colon") != nil
            // A label in mixed case without a colon is usually the first word of a sentence
            // ("Date of birth ...", "Report of the Independent Scrutineer ..."); templates
            // write their labels in capitals, or end them with a colon, or make them headings.
            let isHeading = cell.trimmingCharacters(in: .whitespaces).hasPrefix("#")
            guard hasColon || value.isEmpty || isHeading || labelText == labelText.uppercased() else { return nil }

            var valueLine = line
            if value.isEmpty, let nextCell = cellsAfter.first(where: { !TextCleaning.plain($0).isEmpty }) {
                value = TextCleaning.plain(nextCell)
            } else if value.isEmpty, let next = nextNonBlank(after: line, in: document), !isLabel(next.text) {
                value = TextCleaning.plain(next.text)
                valueLine = next.line
            }
            var evidence = TextCleaning.collapsingWhitespace(document.line(line))
            if valueLine != line { evidence += " / " + value }
            return HeaderField(label: labelText, roles: entry.roles, value: value, line: line,
                               evidence: evidence, valueLine: valueLine,
                               lineAfterValue: nextNonBlank(after: valueLine, in: document))
        }

        /// Whether a line is itself a label, so it cannot be the previous label's value.
        static func isLabel(_ text: String) -> Bool {
            let firstCell = text.components(separatedBy: "\t")[0]
            return labelPattern.isFound(in: firstCell) || anyLabel.isFound(in: firstCell)
        }

        /// Template pages leave a few blank lines between a label and its value, but not many.
        private static func nextNonBlank(after line: Int, in document: DocumentText) -> (line: Int, text: String)? {
            let last = min(line + 3, document.lines.count)
            guard line < last else { return nil }
            for number in (line + 1)...last where !TextCleaning.plain(document.line(number)).isEmpty {
                return (number, document.line(number))
            }
            return nil
        }
    }
}
