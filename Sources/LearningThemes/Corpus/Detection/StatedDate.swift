import Foundation

extension MetadataDetector {
    /// Reading a date as council templates write one ("10 December 2024",
    /// "Thursday 25th January, 2024", "17 th December 2025", "14/11/2023") as ISO `YYYY-MM-DD`.
    enum StatedDate {
        private static let months = ["january", "february", "march", "april", "may", "june", "july",
                                     "august", "september", "october", "november", "december"]

        /// Full names and the usual abbreviations ("Dec", "Sept").
        private static let monthPattern = "sept|" + months.map { month in
            month.count > 3 ? "\(month.prefix(3))(?:\(month.dropFirst(3)))?" : month
        }.joined(separator: "|")

        private static let forms: [TextPattern] = [
            TextPattern(#"(?<!\d)(?<day>\d{1,2})\s*(?:st|nd|rd|th)?\s+(?<month>\#(monthPattern))\.?,?\s+(?<year>(?:19|20)\d\d)(?!\d)"#),
            TextPattern(#"\b(?<month>\#(monthPattern))\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>(?:19|20)\d\d)(?!\d)"#),
            // British order: day first.
            TextPattern(#"(?<!\d)(?<day>\d{1,2})[/.](?<month>\d{1,2})[/.](?<year>(?:19|20)\d\d)(?!\d)"#),
        ]

        /// The first date written in `text`, or nil when it holds none (or an impossible
        /// one such as 31 November).
        static func iso(in text: String) -> String? {
            for form in forms {
                for match in form.matches(in: text) {
                    guard let day = match.group("day").flatMap({ Int($0) }),
                          let year = match.group("year").flatMap({ Int($0) }),
                          let monthText = match.group("month"),
                          let month = Int(monthText) ?? monthNumber(monthText),
                          isValid(day: day, month: month, year: year) else { continue }
                    return String(format: "%04d-%02d-%02d", year, month, day)
                }
            }
            return nil
        }

        private static func monthNumber(_ text: String) -> Int? {
            let prefix = text.lowercased().prefix(3)
            return months.firstIndex { $0.hasPrefix(prefix) }.map { $0 + 1 }
        }

        private static func isValid(day: Int, month: Int, year: Int) -> Bool {
            guard (1...12).contains(month) else { return false }
            let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return (1...lengths[month - 1]).contains(day)
        }
    }
}
