import Foundation

extension MetadataDetector {
    /// Reading a reporting year (April to March, the year partnerships report on) in any
    /// of the ways documents write one, normalised to "2023-24".
    enum ReportingPeriod {
        /// Each way of writing a period, with groups `start` and `end` (end as two or four
        /// digits). Dashes may be hyphens or the en and em dashes word processors put in.
        private static let forms: [TextPattern] = [
            // "April 2022 to March 2023", "April 2022 - March 2023"
            TextPattern(#"\bApr(?:il)?\.?\s+(?<start>(?:19|20)\d\d)\s*(?:to|until|-|–|—)\s*Mar(?:ch)?\.?\s+(?<end>(?:19|20)\d\d)(?!\d)"#),
            // "2022/2023", "2022-2023", "2022 – 2023"
            TextPattern(#"(?<![\d/])(?<start>(?:19|20)\d\d)\s*[-/–—]\s*(?<end>(?:19|20)\d\d)(?![\d/])"#),
            // "2023-24", "2023/24", "financial year 2022/23"; not "2023-11-14" or "2023/24/25"
            TextPattern(#"(?<![\d/])(?<start>(?:19|20)\d\d)\s*[-/–—]\s*(?<end>\d\d)(?![\d/]|-\d)"#),
        ]

        struct Mention {
            let period: String
            let line: Int
            let evidence: String
        }

        /// The normalised period of the first period written in `text`, e.g.
        /// "financial year 2022/23" -> "2022-23".
        static func normalise(_ text: String) -> String? {
            mentions(in: TextWindow(lines: [text], firstLine: 1)).first?.period
        }

        static func mentions(in window: TextWindow) -> [Mention] {
            forms.flatMap { form in
                form.matches(in: window.text).compactMap { match -> (NSRange, Mention)? in
                    guard let start = match.group("start").flatMap({ Int($0) }),
                          let end = match.group("end").flatMap({ Int($0) }),
                          let period = yearSpan(start: start, end: end) else { return nil }
                    let mention = Mention(period: period, line: window.lineNumber(at: match.range.location),
                                          evidence: window.evidence(for: match.range))
                    return (match.range, mention)
                }
            }
            .sorted { $0.0.location < $1.0.location }
            .map(\.1)
        }

        /// A reporting period is one year; "2022-2025" (a three-year plan) or "2024-26"
        /// (biennial priorities) are not one.
        private static func yearSpan(start: Int, end: Int) -> String? {
            let endYear = end < 100 ? start / 100 * 100 + end + (end < start % 100 ? 100 : 0) : end
            guard endYear == start + 1 else { return nil }
            return String(format: "%04d-%02d", start, endYear % 100)
        }

        /// The period in the title if it has one; otherwise the one the opening mentions
        /// most (earliest on a tie), since a report also names next year's plans.
        static func best(title: [Mention], opening: [Mention]) -> Mention? {
            if let inTitle = title.first { return inTitle }
            let counts = Dictionary(opening.map { ($0.period, 1) }, uniquingKeysWith: +)
            return opening.min { a, b in (-counts[a.period]!, a.line) < (-counts[b.period]!, b.line) }
        }
    }
}
