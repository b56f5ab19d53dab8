extension MetadataDetector {
    /// Reading a reporting year (April to March, the year partnerships report on) in any
    /// of the ways documents write one, normalised to "2023-24".
    enum ReportingPeriod {
        struct Mention {
            let period: String
            let line: Int
            let window: TextWindow
            let range: Range<Int>

            var evidence: String { window.evidence(for: range) }
        }

        /// The normalised period of the first period written in `text`, e.g.
        /// "financial year 2022/23" -> "2022-23".
        static func normalise(_ text: String) -> String? {
            mentions(in: TextWindow(line: text, number: 1)).first?.period
        }

        /// Every period written in `window`, in order. Each way of writing one is searched
        /// for on its own, so that one form's match never hides another's.
        static func mentions(in window: TextWindow) -> [Mention] {
            let text = window.text
            var found: [(range: Range<Int>, period: String)] = []
            // One pass for all forms; each form resumes only after its own last match.
            var resumeAt = (april: text.start, full: text.start, short: text.start)
            func record(_ match: YearSpanForm.Match) {
                if let start = Int(text.string(match.start)), let end = Int(text.string(match.end)),
                   let period = yearSpan(start: start, end: end) {
                    found.append((match.range, period))
                }
            }
            let startBytes = spanStartBytes
            _ = text.bytes.withUnsafeBytes { raw in
                WordScan.forEachCandidate(in: text.start..<text.end, reach: 9, marks: { offset in
                    spanStarts(WordScan.word(at: offset, in: raw), before: WordScan.word(at: offset + 1, in: raw))
                }) { position in
                    guard startBytes[Int(text.bytes[position])] else { return false }
                    // Spans start a word or a number: a letter or digit after another starts none.
                    let previous = position > text.start ? text.bytes[position - 1] : 0x20
                    switch text.bytes[position] {
                    case UInt8(ascii: "a"), UInt8(ascii: "A"):
                        // Both months start "apr": the bytes after the A tell most words apart.
                        if position >= resumeAt.april, !ScalarClass.isASCIIWord(previous),
                           text.folded(position + 1) == UInt8(ascii: "p"), text.folded(position + 2) == UInt8(ascii: "r"),
                           let match = YearSpanForm.aprilToMarch.match(at: position, in: text) {
                            record(match)
                            resumeAt.april = match.range.upperBound
                        }
                    case UInt8(ascii: "1"), UInt8(ascii: "2"):
                        // A year cannot start in the middle of a longer number (for both digits).
                        guard !(previous >= 0x30 && previous <= 0x39) else { break }
                        // Both numeric forms start with a year of 1900-2099.
                        let second = text.byte(position + 1)
                        guard second == (text.bytes[position] == UInt8(ascii: "1") ? UInt8(ascii: "9") : UInt8(ascii: "0")) else { break }
                        if position >= resumeAt.full, let match = YearSpanForm.fullYears.match(at: position, in: text) {
                            record(match)
                            resumeAt.full = match.range.upperBound
                        }
                        if position >= resumeAt.short, let match = YearSpanForm.shortEnd.match(at: position, in: text) {
                            record(match)
                            resumeAt.short = match.range.upperBound
                        }
                    default: break
                    }
                    return false
                }
            }
            return found.enumerated()
                .sorted { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }
                .map { Mention(period: $0.element.period, line: window.lineNumber(at: $0.element.range.lowerBound),
                               window: window, range: $0.element.range) }
        }

        /// The bytes a span can start with: the A of April, the 1 or 2 of a year. Looked up
        /// in a table, as this test is made for every byte of a document's opening.
        private static let spanStartBytes: [Bool] = (0..<256).map { byte in
            [UInt8(ascii: "a"), UInt8(ascii: "A"), UInt8(ascii: "1"), UInt8(ascii: "2")].contains(UInt8(byte))
        }

        /// One bit (the lowest of its byte) for each byte of `word` that may start a span,
        /// given `next`, the eight bytes one on: an A before a P, a 1 or 2 before a 9 or 0.
        /// A few other pairs ("10", "38") pass too; the byte-by-byte test settles them.
        @inline(__always)
        private static func spanStarts(_ word: UInt64, before next: UInt64) -> UInt64 {
            let april = ByteWords.zeroBytes(WordScan.folded(word) ^ 0x6161_6161_6161_6161)
                & ByteWords.zeroBytes(WordScan.folded(next) ^ 0x7070_7070_7070_7070)
            // 0-3 then 0, 1, 8 or 9: the bits those digits differ in are masked out.
            let year = ByteWords.zeroBytes(word & 0xFCFC_FCFC_FCFC_FCFC ^ 0x3030_3030_3030_3030)
                & ByteWords.zeroBytes(next & 0xF6F6_F6F6_F6F6_F6F6 ^ 0x3030_3030_3030_3030)
            return april | year
        }

        /// Only a line with "19" or "20" in it can hold a period (every form has a year of
        /// 1900-2099): a cheap test that spares most lines of a long document the full search.
        static func mayBeWritten(in text: ScanText) -> Bool {
            guard text.end - text.start >= 2 else { return false }
            for offset in text.start..<(text.end - 1) {
                switch (text.bytes[offset], text.bytes[offset + 1]) {
                case (UInt8(ascii: "1"), UInt8(ascii: "9")), (UInt8(ascii: "2"), UInt8(ascii: "0")): return true
                default: continue
                }
            }
            return false
        }

        /// A reporting period is one year; "2022-2025" (a three-year plan) or "2024-26"
        /// (biennial priorities) are not one.
        private static func yearSpan(start: Int, end: Int) -> String? {
            let endYear = end < 100 ? start / 100 * 100 + end + (end < start % 100 ? 100 : 0) : end
            guard endYear == start + 1 else { return nil }
            return zeroPadded([(start, 4), (endYear % 100, 2)])
        }

        /// The period in the title if it has one; otherwise the one the opening mentions
        /// most (earliest on a tie), since a report also names next year's plans. The
        /// opening is searched only when the title names no period.
        static func best(title: [Mention], opening: @autoclosure () -> [Mention]) -> Mention? {
            if let inTitle = title.first { return inTitle }
            let opening = opening()
            let counts = Dictionary(opening.map { ($0.period, 1) }, uniquingKeysWith: +)
            return opening.min { a, b in (-counts[a.period]!, a.line) < (-counts[b.period]!, b.line) }
        }
    }
}
