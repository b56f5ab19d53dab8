extension MetadataDetector {
    /// The ways documents write a span of years, each read by hand at one position.
    /// Dashes may be hyphens or the en and em dashes word processors put in.
    enum YearSpanForm: CaseIterable {
        /// "April 2022 to March 2023", "Apr 2022 - Mar. 2023"
        case aprilToMarch
        /// "2022/2023", "2022-2023", "2022 – 2023"
        case fullYears
        /// "2023-24", "2023/24"; not "2023-11-14" or "2023/24/25"
        case shortEnd

        /// The whole span and its start and end years (the end as two or four digits).
        struct Match {
            let range: Range<Int>
            let start: Range<Int>
            let end: Range<Int>
        }

        func match(at offset: Int, in text: ScanText) -> Match? {
            switch self {
            case .aprilToMarch: Self.aprilToMarch(at: offset, in: text)
            case .fullYears, .shortEnd: numeric(at: offset, in: text)
            }
        }

        private static func aprilToMarch(at offset: Int, in text: ScanText) -> Match? {
            guard text.folded(offset) == UInt8(ascii: "a"), text.isWordStart(offset),
                  let startYear = monthEnd(apr, il, at: offset, in: text).flatMap({ year(at: $0, in: text) }) else { return nil }
            let separator = text.spacesEnd(from: startYear.upperBound)
            guard let afterSeparator = untilEnd(at: separator, in: text),
                  let march = monthEnd(mar, ch, at: text.spacesEnd(from: afterSeparator), in: text),
                  let endYear = year(at: march, in: text), !text.isDigit(at: endYear.upperBound) else { return nil }
            return Match(range: offset..<endYear.upperBound, start: startYear, end: endYear)
        }

        /// "2022-2023" or "2022-23", starting a number and ending one (not "12022-23",
        /// "2022-230"), and not part of a path or a date ("1/2022-23", "2023-24/25", "2023-11-14").
        private func numeric(at offset: Int, in text: ScanText) -> Match? {
            guard let first = text.byte(offset), first == UInt8(ascii: "1") || first == UInt8(ascii: "2") else { return nil }
            if let previous = text.scalar(before: offset),
               ScalarClass.isDigit(previous.value) || previous.value == UInt32(Self.slash) { return nil }
            guard let startYear = Self.year(at: offset, in: text),
                  let dash = Self.dashEnd(at: text.spacesEnd(from: startYear.upperBound), in: text) else { return nil }
            let endStart = text.spacesEnd(from: dash)
            let endYear: Range<Int>
            if self == .fullYears {
                guard let year = Self.year(at: endStart, in: text) else { return nil }
                endYear = year
            } else {
                guard let tens = text.digitEnd(at: endStart), let units = text.digitEnd(at: tens) else { return nil }
                endYear = endStart..<units
                let next = endYear.upperBound
                if text.byte(next) == UInt8(ascii: "-"), text.isDigit(at: next + 1) { return nil }
            }
            let next = endYear.upperBound
            guard !text.isDigit(at: next), text.byte(next) != Self.slash else { return nil }
            return Match(range: offset..<next, start: startYear, end: endYear)
        }

        private static let apr = Array("apr".utf8), il = Array("il".utf8)
        private static let mar = Array("mar".utf8), ch = Array("ch".utf8)
        private static let to = Array("to".utf8), until = Array("until".utf8)
        private static let slash = UInt8(ascii: "/")

        /// After a month written short or in full, an optional full stop and the space
        /// before its year: "Apr 2022", "April. 2022".
        private static func monthEnd(_ short: [UInt8], _ rest: [UInt8], at offset: Int, in text: ScanText) -> Int? {
            guard var position = text.wordEnd(short, at: offset) else { return nil }
            if let full = text.wordEnd(rest, at: position) { position = full }
            if text.byte(position) == UInt8(ascii: ".") { position += 1 }
            return text.isSpace(at: position) ? text.spacesEnd(from: position) : nil
        }

        /// A year of 1900-2099 as four digits.
        private static func year(at offset: Int, in text: ScanText) -> Range<Int>? {
            guard let century = text.byte(offset), let next = text.byte(offset + 1),
                  (century == UInt8(ascii: "1") && next == UInt8(ascii: "9"))
                  || (century == UInt8(ascii: "2") && next == UInt8(ascii: "0")),
                  let tens = text.digitEnd(at: offset + 2), let units = text.digitEnd(at: tens) else { return nil }
            return offset..<units
        }

        /// "to", "until" or a dash, then any space.
        private static func untilEnd(at offset: Int, in text: ScanText) -> Int? {
            let end = text.wordEnd(to, at: offset) ?? text.wordEnd(until, at: offset) ?? dashEnd(at: offset, in: text, slash: false)
            return end.map { text.spacesEnd(from: $0) }
        }

        /// After a hyphen, en dash, em dash or (when `slash`) a slash.
        private static func dashEnd(at offset: Int, in text: ScanText, slash: Bool = true) -> Int? {
            switch text.byte(offset) {
            case UInt8(ascii: "-"): return offset + 1
            case self.slash: return slash ? offset + 1 : nil
            // – and — are E2 80 93 and E2 80 94 in UTF-8.
            case 0xE2 where text.byte(offset + 1) == 0x80 && (text.byte(offset + 2) == 0x93 || text.byte(offset + 2) == 0x94):
                return offset + 3
            default: return nil
            }
        }
    }
}
