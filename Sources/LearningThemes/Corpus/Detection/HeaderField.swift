import Foundation

extension MetadataDetector {
    /// A "LABEL: value" field of the cover sheet councils put on committee and board
    /// reports ("REPORT TITLE:", "FOR SUBMISSION TO:", "Meeting Date:"). Extracted from a
    /// PDF table, a field may keep its value in the same cell, in the next tab-separated
    /// cell, or on the next non-blank line.
    struct HeaderField {
        /// What a label tells, as bits: every field of a cover sheet is asked about its
        /// roles, and a set of bits answers without hashing.
        struct Roles: OptionSet, Sendable {
            let rawValue: UInt8

            static let title = Roles(rawValue: 1 << 0)
            /// The date of the meeting or decision the report went to.
            static let meetingDate = Roles(rawValue: 1 << 1)
            /// Any other date ("Date:" under a signature, or a meeting date on its own).
            static let date = Roles(rawValue: 1 << 2)
            /// Marks the document as a report to a council committee or board.
            static let committeeHeader = Roles(rawValue: 1 << 3)
        }

        let label: String
        /// Which of `HeaderLabel.labels` it is, whatever its case and spacing.
        let labelNumber: Int
        let roles: Roles
        let value: String
        /// Where the label is; the value may be on a later line.
        let line: Int
        let valueLine: Int
        /// The next non-blank line after the value, for a title wrapped across lines.
        let lineAfterValue: Int?
        /// Where `evidence` is quoted from: most fields are never cited, so their
        /// evidence is made only when asked for.
        private let document: DocumentText

        /// The label's line, and the value's line when that is another.
        var evidence: String {
            let labelLine = document.collapsedLine(line)
            return valueLine == line ? labelLine : labelLine + " / " + value
        }

        /// The header fields among `numbers` lines of `document`.
        static func fields(in document: DocumentText, lines numbers: ClosedRange<Int>) -> [HeaderField] {
            var found: [HeaderField] = []
            var cells: [Range<Int>] = []
            document.bytes.withUnsafeBufferPointer { bytes in
                for number in numbers where number <= document.lineCount {
                    // Most lines are a single cell of prose: they are ruled out before being split.
                    let line = document.lineRange(number)
                    guard document.hasTab(in: line) || HeaderLabel.mayOpen(line, in: bytes) else { continue }
                    document.cells(ofLine: number, into: &cells)
                    for index in cells.indices where HeaderLabel.mayOpen(cells[index], in: bytes) {
                        if let field = field(inCell: index, of: cells, line: number, of: document) { found.append(field) }
                    }
                }
            }
            return found
        }

        private static func field(inCell index: Int, of cells: [Range<Int>], line: Int,
                                  of document: DocumentText) -> HeaderField? {
            let cell = ScanText(bytes: document.bytes, range: cells[index])
            guard let match = HeaderLabel.match(in: cell) else { return nil }
            let labelText = cell.string(match.labelRange)
            var value = TextCleaning.plain(cell.string(match.value))
            // A label in mixed case without a colon is usually the first word of a sentence
            // ("Date of birth ...", "Report of the Independent Scrutineer ..."); templates
            // write their labels in capitals, or end them with a colon, or make them headings.
            let isHeading = cell.startsAsHeading() ?? cell.string(cells[index]).trimmingCharacters(in: .whitespaces).hasPrefix("#")
            guard match.hasColon || value.isEmpty || isHeading || labelText == labelText.uppercased() else { return nil }

            var valueLine = line
            let cellsAfter = cells[(index + 1)...].lazy.map { TextCleaning.plain(cell.string($0)) }
            if value.isEmpty, let nextCell = cellsAfter.first(where: { !$0.isEmpty }) {
                value = nextCell
            } else if value.isEmpty, let next = nextNonBlank(after: line, in: document), !document.isLabelLine(next) {
                value = document.plainLine(next)
                valueLine = next
            }
            return HeaderField(label: labelText, labelNumber: match.label, roles: HeaderLabel.labels[match.label].roles,
                               value: value, line: line, valueLine: valueLine,
                               lineAfterValue: nextNonBlank(after: valueLine, in: document), document: document)
        }

        /// Whether a cell is itself a label, so it cannot be the previous label's value.
        static func isLabel(_ cell: ScanText) -> Bool {
            HeaderLabel.match(in: cell) != nil || AnyLabel.isFound(in: cell)
        }

        /// Template pages leave a few blank lines between a label and its value, but not many.
        private static func nextNonBlank(after line: Int, in document: DocumentText) -> Int? {
            let last = min(line + 3, document.lineCount)
            guard line < last else { return nil }
            return ((line + 1)...last).first { !document.isBlankLine($0) }
        }
    }
}
