extension MetadataDetector {
    /// Consecutive lines searched as one text, so that phrases wrapped across lines are
    /// still found, remembering where each line starts so that a match can be traced back
    /// to its line number and quoted as evidence.
    struct TextWindow {
        let text: ScanText
        /// Byte offset in `text.bytes` at which each line of the window starts.
        let lineStarts: [Int]
        let firstLine: Int

        init(text: ScanText, lineStarts: [Int], firstLine: Int) {
            self.text = text
            self.lineStarts = lineStarts
            self.firstLine = firstLine
        }

        /// A window of one line given as text (a title read from a cover sheet).
        init(line: String, number: Int) {
            self.init(text: ScanText(line), lineStarts: [0], firstLine: number)
        }

        func lineNumber(at offset: Int) -> Int { firstLine + lineIndex(at: offset) }

        private func lineIndex(at offset: Int) -> Int {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            return low
        }

        /// The line(s) a match spans, trimmed; cut down to the words around the match when
        /// the line is a whole extracted paragraph, so evidence stays readable. Lengths are
        /// counted in UTF-16 code units, as the quotes people have already checked were; a
        /// cut through a character outside the Basic Multilingual Plane leaves U+FFFD.
        func evidence(for range: Range<Int>, context: Int = 70) -> String {
            let first = lineIndex(at: range.lowerBound)
            let last = lineIndex(at: max(range.lowerBound, range.upperBound - 1))
            let start = lineStarts[first]
            let end = last + 1 < lineStarts.count ? lineStarts[last + 1] - 1 : text.end
            let longest = utf16Count(range) + 2 * context
            // No character takes more than three bytes per UTF-16 unit, so only a span of
            // up to three times the limit in bytes needs counting.
            let isShort = end - start <= longest || (end - start <= 3 * longest && utf16Count(start..<end) <= longest)
            guard !isShort else { return TextCleaning.collapsingWhitespace(text.string(start..<end)) }

            var from = range.lowerBound, to = range.upperBound
            var before = "", after = ""
            var units = 0
            while from > start, units < context, let previous = text.scalar(before: from) {
                units += previous.value > 0xFFFF ? 2 : 1
                if units > context { before = "\u{FFFD}"; break }
                from = previous.start
            }
            units = 0
            while to < end, units < context {
                let (value, length) = text.scalar(at: to)
                units += value > 0xFFFF ? 2 : 1
                if units > context { after = "\u{FFFD}"; break }
                to += length
            }
            return TextCleaning.collapsingWhitespace(before + text.string(from..<to) + after)
        }

        /// UTF-16 length of the UTF-8 bytes in `range`: one unit per scalar, two for the
        /// scalars (four-byte sequences) beyond the Basic Multilingual Plane.
        private func utf16Count(_ range: Range<Int>) -> Int {
            var count = 0
            for offset in range {
                let byte = text.bytes[offset]
                if byte & 0xC0 != 0x80 { count += byte >= 0xF0 ? 2 : 1 }
            }
            return count
        }
    }
}
