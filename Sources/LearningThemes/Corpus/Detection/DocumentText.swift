import Foundation

extension MetadataDetector {
    /// A document's lines, and the stretches of them the detector searches as one text so
    /// that phrases wrapped across lines are still found.
    struct DocumentText {
        /// How far into a document its title page, committee header and foreword reach:
        /// metadata stated later is usually about something else (a previous year, a
        /// national review it cites).
        static let openingLineCount = 200

        /// `lines[0]` is line 1.
        let lines: [String]

        init(_ text: String) {
            lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.last == "\r" ? String(line.dropLast()) : String(line)
            }
        }

        func line(_ number: Int) -> String { lines[number - 1] }

        var opening: TextWindow { window(1...min(Self.openingLineCount, max(lines.count, 1))) }

        func window(_ numbers: ClosedRange<Int>) -> TextWindow {
            let upper = min(numbers.upperBound, lines.count)
            let chosen = numbers.lowerBound <= upper ? Array(lines[(numbers.lowerBound - 1)..<upper]) : []
            return TextWindow(lines: chosen, firstLine: numbers.lowerBound)
        }
    }

    /// Consecutive lines joined with "\n", remembering where each line starts so that a
    /// match can be traced back to its line number and quoted as evidence.
    struct TextWindow {
        let text: String
        let firstLine: Int
        /// UTF-16 offset (NSRange units) at which each line starts.
        private let lineStarts: [Int]

        init(lines: [String], firstLine: Int) {
            var starts: [Int] = []
            var offset = 0
            for line in lines {
                starts.append(offset)
                offset += (line as NSString).length + 1
            }
            self.text = lines.joined(separator: "\n")
            self.firstLine = firstLine
            self.lineStarts = starts
        }

        func lineNumber(at offset: Int) -> Int {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            return firstLine + max(low, 0)
        }

        /// The line(s) a match spans, trimmed; cut down to the words around the match when
        /// the line is a whole extracted paragraph, so evidence stays readable.
        func evidence(for range: NSRange, context: Int = 70) -> String {
            let nsText = text as NSString
            let firstIndex = lineNumber(at: range.location) - firstLine
            let lastIndex = lineNumber(at: max(range.location, NSMaxRange(range) - 1)) - firstLine
            let start = lineStarts[firstIndex]
            let end = lastIndex + 1 < lineStarts.count ? lineStarts[lastIndex + 1] - 1 : nsText.length
            var from = start, to = end
            if to - from > range.length + 2 * context {
                from = max(start, range.location - context)
                to = min(end, NSMaxRange(range) + context)
            }
            let quoted = nsText.substring(with: NSRange(location: from, length: to - from))
            return TextCleaning.collapsingWhitespace(quoted)
        }
    }

    /// Turning extracted text (Markdown emphasis, HTML fragments, tabs) into plain values.
    enum TextCleaning {
        private static let markup = TextPattern(#"<[^>]{1,80}>|\*\*?|^#+\s*"#)

        static func collapsingWhitespace(_ text: String) -> String {
            text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }

        /// Lower-cased, "&" read as "and", hyphens, full stops and line breaks as spaces:
        /// the spelling-independent form under which table entries (places, labels) and
        /// the text found are compared.
        static func lookupKey(_ text: String) -> String {
            let spaced = text.lowercased()
                .replacingOccurrences(of: "&", with: " and ")
                .replacingOccurrences(of: "-", with: " ")
                .replacingOccurrences(of: ".", with: " ")
                .replacingOccurrences(of: ",", with: " ")
            return collapsingWhitespace(spaced)
        }

        static func plain(_ text: String) -> String {
            let stripped = markup.regex.stringByReplacingMatches(
                in: text, range: NSRange(location: 0, length: (text as NSString).length), withTemplate: " ")
            return collapsingWhitespace(stripped)
        }
    }
}
