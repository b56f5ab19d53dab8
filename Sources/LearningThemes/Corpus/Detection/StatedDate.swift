import Foundation

extension MetadataDetector {
    /// Reading a date as council templates write one ("10 December 2024",
    /// "Thursday 25th January, 2024", "17 th December 2025", "Sept 5, 2023", "14/11/2023")
    /// as ISO `YYYY-MM-DD`.
    enum StatedDate {
        private enum Form: CaseIterable {
            /// "10 December 2024", "25th January, 2024"
            case dayMonthYear
            /// "Sept 5, 2023", "December 10th 2024"
            case monthDayYear
            /// "14/11/2023", "14.11.2023": British order, day first.
            case numeric
        }

        private struct Match {
            let end: Int
            let day: Range<Int>
            let month: Range<Int>
            let year: Range<Int>
        }

        private static let months = ["january", "february", "march", "april", "may", "june", "july",
                                     "august", "september", "october", "november", "december"]

        /// Month spellings in the order they are tried, each a first part and an optional
        /// rest: "sept" before "sep(tember)" so that "Sept" is read whole.
        private static let monthSpellings: [(short: [UInt8], rest: [UInt8])] =
            [(Array("sept".utf8), [])] + months.map { month in
                month.count > 3 ? (Array(month.utf8.prefix(3)), Array(month.utf8.dropFirst(3))) : (Array(month.utf8), [])
            }

        /// The first date written in `text`, or nil when it holds none (or an impossible
        /// one such as 31 November). Day-month-year is looked for first, anywhere.
        static func iso(in text: String) -> String? {
            let scan = ScanText(text)
            for form in Form.allCases {
                var offset = scan.start
                while offset < scan.end {
                    guard let match = match(form, at: offset, in: scan) else { offset = scan.next(after: offset); continue }
                    if let day = Int(scan.string(match.day)), let year = Int(scan.string(match.year)),
                       let month = Int(scan.string(match.month)) ?? monthNumber(at: match.month, in: scan),
                       isValid(day: day, month: month, year: year) {
                        return zeroPadded([(year, 4), (month, 2), (day, 2)])
                    }
                    offset = match.end
                }
            }
            return nil
        }

        private static func match(_ form: Form, at offset: Int, in text: ScanText) -> Match? {
            switch form {
            case .dayMonthYear: dayMonthYear(at: offset, in: text)
            case .monthDayYear: monthDayYear(at: offset, in: text)
            case .numeric: numeric(at: offset, in: text)
            }
        }

        /// "10 December 2024", "25th January, 2024", "17 th December 2025".
        private static func dayMonthYear(at offset: Int, in text: ScanText) -> Match? {
            guard !text.isDigit(before: offset), let day = day(at: offset, in: text) else { return nil }
            let spaceEnd = text.spacesEnd(from: day.upperBound)
            let monthStart: Int
            // An ordinal needs a space after it ("14thNovember" is no date); without one, the
            // space comes between the day and the month.
            if let ordinal = ordinalEnd(at: spaceEnd, in: text), text.isSpace(at: ordinal) {
                monthStart = text.spacesEnd(from: ordinal)
            } else if spaceEnd > day.upperBound {
                monthStart = spaceEnd
            } else {
                return nil
            }
            guard let (month, year) = monthThenYear(at: monthStart, in: text) else { return nil }
            return Match(end: year.upperBound, day: day, month: month, year: year)
        }

        /// "Sept 5, 2023", "December 10th 2024": the first month spelling, in table order,
        /// that the rest follows.
        private static func monthDayYear(at offset: Int, in text: ScanText) -> Match? {
            guard text.isWordStart(offset) else { return nil }
            for month in monthNames(at: offset, in: text) {
                var position = month.upperBound
                if text.byte(position) == UInt8(ascii: ".") { position += 1 }
                guard text.isSpace(at: position), let day = day(at: text.spacesEnd(from: position), in: text) else { continue }
                position = ordinalEnd(at: day.upperBound, in: text) ?? day.upperBound
                if text.byte(position) == UInt8(ascii: ",") { position += 1 }
                guard text.isSpace(at: position), let year = year(at: text.spacesEnd(from: position), in: text) else { continue }
                return Match(end: year.upperBound, day: day, month: month, year: year)
            }
            return nil
        }

        /// "14/11/2023", "14.11.2023".
        private static func numeric(at offset: Int, in text: ScanText) -> Match? {
            guard !text.isDigit(before: offset), let day = day(at: offset, in: text),
                  let dayStop = dateStopEnd(at: day.upperBound, in: text),
                  let month = self.day(at: dayStop, in: text),
                  let monthStop = dateStopEnd(at: month.upperBound, in: text),
                  let year = year(at: monthStop, in: text) else { return nil }
            return Match(end: year.upperBound, day: day, month: month, year: year)
        }

        /// A month name at `offset` followed by an optional full stop and comma, space and
        /// a year: the first spelling, in table order, for which all of that follows.
        private static func monthThenYear(at offset: Int, in text: ScanText) -> (month: Range<Int>, year: Range<Int>)? {
            for month in monthNames(at: offset, in: text) {
                var position = month.upperBound
                if text.byte(position) == UInt8(ascii: ".") { position += 1 }
                if text.byte(position) == UInt8(ascii: ",") { position += 1 }
                guard text.isSpace(at: position), let year = year(at: text.spacesEnd(from: position), in: text) else { continue }
                return (month, year)
            }
            return nil
        }

        /// Each month name written at `offset`, in the order the spellings are tried, the
        /// full form of a spelling before its short form.
        private static func monthNames(at offset: Int, in text: ScanText) -> [Range<Int>] {
            var names: [Range<Int>] = []
            for spelling in monthSpellings {
                guard let short = text.wordEnd(spelling.short, at: offset) else { continue }
                if !spelling.rest.isEmpty, let full = text.wordEnd(spelling.rest, at: short) { names.append(offset..<full) }
                names.append(offset..<short)
            }
            return names
        }

        /// One or two digits that are a whole number: "123" holds no day.
        private static func day(at offset: Int, in text: ScanText) -> Range<Int>? {
            guard let first = text.digitEnd(at: offset) else { return nil }
            let end = text.digitEnd(at: first) ?? first
            return text.isDigit(at: end) ? nil : offset..<end
        }

        /// A year of 1900-2099 that is a whole number.
        private static func year(at offset: Int, in text: ScanText) -> Range<Int>? {
            guard let century = text.byte(offset), let next = text.byte(offset + 1),
                  (century == UInt8(ascii: "1") && next == UInt8(ascii: "9"))
                  || (century == UInt8(ascii: "2") && next == UInt8(ascii: "0")),
                  let tens = text.digitEnd(at: offset + 2), let units = text.digitEnd(at: tens),
                  !text.isDigit(at: units) else { return nil }
            return offset..<units
        }

        private static let ordinals = ["st", "nd", "rd", "th"].map { Array($0.utf8) }

        /// After "st", "nd", "rd" or "th" at `offset`.
        private static func ordinalEnd(at offset: Int, in text: ScanText) -> Int? {
            ordinals.lazy.compactMap { text.wordEnd($0, at: offset) }.first
        }

        /// After the "/" or "." between the parts of a numeric date.
        private static func dateStopEnd(at offset: Int, in text: ScanText) -> Int? {
            text.byte(offset) == UInt8(ascii: "/") || text.byte(offset) == UInt8(ascii: ".") ? offset + 1 : nil
        }

        /// `number` zero-padded to `width` digits, as "%0*d" would write it (Foundation's
        /// `String(format:)` cost more than finding the date).
        /// The month whose name starts with the first three letters at `range`, in any
        /// case. Month names are matched as ASCII letters, so their bytes are compared.
        private static func monthNumber(at range: Range<Int>, in text: ScanText) -> Int? {
            let length = min(range.count, 3)
            return monthBytes.firstIndex { name in
                name.count >= length && (0..<length).allSatisfy { name[$0] == text.folded(range.lowerBound + $0) }
            }.map { $0 + 1 }
        }

        private static let monthBytes = months.map { Array($0.utf8) }

        private static func isValid(day: Int, month: Int, year: Int) -> Bool {
            guard (1...12).contains(month) else { return false }
            let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return (1...lengths[month - 1]).contains(day)
        }
    }
}
