import Foundation

extension MetadataDetector {
    /// A document's text as UTF-8 bytes split into lines, read once. Lines become `String`s
    /// (raw, plain, collapsed) only when a step of detection asks for them, and each is
    /// made once: a cover sheet's many fields all look at the same few lines after them,
    /// and re-reading those lines per field would make detection quadratic.
    final class DocumentText {
        /// How far into a document its title page, committee header and foreword reach:
        /// metadata stated later is usually about something else (a previous year, a
        /// national review it cites).
        static let openingLineCount = 200

        /// Callers hand over the first 256 KiB of a document (DocumentPipeline's
        /// `detectionWindow`); this bound only keeps a direct caller that passes a whole
        /// 50 MB file to tens of milliseconds.
        static let readLimit = 1 << 20

        /// The text with "\r\n" read as "\n" (Windows line ends) and a final "\r" dropped.
        /// Often the caller's own array, shared rather than copied: only `..<end` is the text.
        let bytes: [UInt8]
        /// Where the text ends in `bytes`.
        let end: Int
        /// Byte offset at which each line starts; line 1 starts at 0. Only the lines
        /// detection reads by number are indexed (and the start of the line after them,
        /// where they end): splitting all of a long document cost more than reading its
        /// opening. A running title is looked for further on by other means.
        let lineStarts: [Int]

        /// The opening, and the few lines after it that a cover-sheet field may take its
        /// value from or wrap onto.
        static let indexedLineCount = openingLineCount + 16

        /// Where the text past the numbered lines starts when it has not been looked through
        /// for "\r" yet; nil when all of `..<end` is final. Only the search for a running
        /// title reads past the numbered lines, and only some documents need it, so the
        /// rest of a long document is not searched for a "\r" until then
        /// (`withWholeTextNormalised`).
        private let uncheckedFrom: Int?

        private var rawLines = LineMemo<String>()
        private var plainLines = LineMemo<String>()
        private var collapsedLines = LineMemo<String>()
        private var labelLines = LineMemo<Bool>()

        convenience init(_ text: String) {
            self.init(utf8: Array(text.utf8), count: text.utf8.count)
        }

        /// The first `count` bytes of valid UTF-8 `utf8`. A cut through a character reads
        /// as U+FFFD, as `String(decoding:)` of the same bytes would; `utf8` itself is kept
        /// (no copy) unless a cut or a "\r" makes other bytes necessary.
        init(utf8: [UInt8], count: Int) {
            var count = min(count, utf8.count)
            var repairsCut = false
            if count < utf8.count, count > 0, utf8[count] & 0xC0 == 0x80 {
                // Never cut a character in two: drop its start and say U+FFFD instead.
                while count > 0, utf8[count - 1] & 0xC0 == 0x80 { count -= 1 }
                count -= 1
                repairsCut = true
            }
            var limit = min(count, Self.readLimit)
            while limit < count, limit > 0, utf8[limit] & 0xC0 == 0x80 { limit -= 1 }
            if limit < count { repairsCut = false }
            if !repairsCut {
                // The lines are indexed first and only they are searched for a "\r": when they
                // hold none, they read the same whatever the rest holds.
                let starts = Self.lineStarts(in: utf8, end: limit)
                let checkedEnd = starts.count > Self.indexedLineCount ? starts[starts.count - 1] : limit
                if !Self.hasCarriageReturn(in: utf8, 0..<checkedEnd) {
                    bytes = utf8
                    end = limit
                    lineStarts = starts
                    uncheckedFrom = checkedEnd < limit ? checkedEnd : nil
                    return
                }
            }
            var window = Array(utf8[..<limit])
            if repairsCut { window += [0xEF, 0xBF, 0xBD] }
            if Self.hasCarriageReturn(in: utf8, 0..<limit) { window = window.withUnsafeBufferPointer(Self.withoutCarriageReturns) }
            bytes = window
            end = window.count
            lineStarts = Self.lineStarts(in: window, end: window.count)
            uncheckedFrom = nil
        }

        private init(bytes: [UInt8], lineStarts: [Int]) {
            self.bytes = bytes
            end = bytes.count
            self.lineStarts = lineStarts
            uncheckedFrom = nil
        }

        /// This document, or when a "\r" lies past its numbered lines (which hold none), a
        /// copy whose whole text has them dropped too, as `init` would have dropped them:
        /// for the steps that read on past the numbered lines. Offsets in the numbered
        /// lines are the same in both.
        func withWholeTextNormalised() -> DocumentText {
            guard let from = uncheckedFrom, Self.hasCarriageReturn(in: bytes, from..<end) else { return self }
            // The numbered lines end in a line break, so no "\r\n" is cut in two.
            let tail = bytes.withUnsafeBufferPointer { Self.withoutCarriageReturns(UnsafeBufferPointer(rebasing: $0[from..<end])) }
            return DocumentText(bytes: Array(bytes[..<from]) + tail, lineStarts: lineStarts)
        }

        private static func hasCarriageReturn(in bytes: [UInt8], _ range: Range<Int>) -> Bool {
            bytes.withUnsafeBufferPointer { ByteSearch.offset(of: 0x0D, in: $0, from: range.lowerBound, to: range.upperBound) != nil }
        }

        /// Where the lines of `bytes[..<end]` start, up to the one after the numbered lines.
        private static func lineStarts(in bytes: [UInt8], end: Int) -> [Int] {
            var starts = [0]
            starts.reserveCapacity(indexedLineCount + 2)
            bytes.withUnsafeBufferPointer { whole in
                let buffer = UnsafeBufferPointer(rebasing: whole[..<end])
                while starts.count <= indexedLineCount,
                      let lineBreak = ByteSearch.offset(of: 0x0A, in: buffer, from: starts.last!) { starts.append(lineBreak + 1) }
            }
            return starts
        }

        /// "\r\n" as "\n", and a "\r" ending the text dropped; other "\r"s are kept.
        private static func withoutCarriageReturns(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.count)
            for (offset, byte) in text.enumerated() {
                if byte == 0x0D, offset + 1 == text.count || text[offset + 1] == 0x0A { continue }
                bytes.append(byte)
            }
            return bytes
        }

        /// The lines that can be read by number: all of them, or the first
        /// `indexedLineCount` of a longer text.
        var lineCount: Int { min(lineStarts.count, Self.indexedLineCount) }

        /// Bytes of line `number` (1-based), without its line break.
        func lineRange(_ number: Int) -> Range<Int> {
            let start = lineStarts[number - 1]
            return start..<(number < lineStarts.count ? lineStarts[number] - 1 : end)
        }

        func line(_ number: Int) -> String {
            if let known = rawLines[number] { return known }
            let text = ScanText(bytes: bytes, range: lineRange(number)).string(lineRange(number))
            rawLines.remember(text, for: number)
            return text
        }

        func plainLine(_ number: Int) -> String {
            if let known = plainLines[number] { return known }
            let text = TextCleaning.plain(line(number))
            plainLines.remember(text, for: number)
            return text
        }

        /// `plainLine` and `collapsedLine` of the line at `range`, which may lie past the
        /// numbered lines; not kept, as no other step reads such a line.
        func plainText(ofLine range: Range<Int>) -> String {
            TextCleaning.plain(ScanText(bytes: bytes, range: range).string(range))
        }

        func collapsedText(ofLine range: Range<Int>) -> String {
            TextCleaning.collapsingWhitespace(ScanText(bytes: bytes, range: range).string(range))
        }

        func collapsedLine(_ number: Int) -> String {
            if let known = collapsedLines[number] { return known }
            let text = TextCleaning.collapsingWhitespace(line(number))
            collapsedLines.remember(text, for: number)
            return text
        }

        /// Whether line `number` is a "LABEL: value" line (see `HeaderField.isLabel`).
        func isLabelLine(_ number: Int) -> Bool {
            if let known = labelLines[number] { return known }
            let range = lineRange(number)
            let firstCell = range.lowerBound..<(firstTab(in: range) ?? range.upperBound)
            let isLabel = HeaderField.isLabel(ScanText(bytes: bytes, range: firstCell))
            labelLines.remember(isLabel, for: number)
            return isLabel
        }

        /// Byte ranges of the tab-separated cells of line `number`, in place of what `cells`
        /// held: one array serves every line, as most lines are a single cell of prose.
        func cells(ofLine number: Int, into cells: inout [Range<Int>]) {
            let range = lineRange(number)
            cells.removeAll(keepingCapacity: true)
            var start = range.lowerBound
            while let tab = firstTab(in: start..<range.upperBound) {
                cells.append(start..<tab)
                start = tab + 1
            }
            cells.append(start..<range.upperBound)
        }

        func hasTab(in range: Range<Int>) -> Bool { firstTab(in: range) != nil }

        private func firstTab(in range: Range<Int>) -> Int? {
            bytes.withUnsafeBufferPointer { buffer in
                ByteSearch.offset(of: 0x09, in: UnsafeBufferPointer(rebasing: buffer[..<range.upperBound]), from: range.lowerBound)
            }
        }

        func window(_ numbers: ClosedRange<Int>) -> TextWindow {
            let last = min(numbers.upperBound, lineCount)
            let range = lineRange(numbers.lowerBound).lowerBound..<lineRange(last).upperBound
            return TextWindow(text: ScanText(bytes: bytes, range: range),
                              lineStarts: Array(lineStarts[(numbers.lowerBound - 1)..<last]), firstLine: numbers.lowerBound)
        }

        /// How many lines start before byte `limit`, but no more than `count` (at least one).
        func linesStarting(before limit: Int, atMost count: Int) -> Int {
            var low = 1, high = min(count, lineCount)
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle - 1] < limit { low = middle } else { high = middle - 1 }
            }
            return low
        }
    }
}

extension MetadataDetector.DocumentText {
    /// A value worked out per line and kept, so that each is worked out once. Held by line
    /// number in an array rather than a dictionary: the steps of detection ask for the same
    /// few dozen lines of every document, and hashing the numbers cost more than the rest
    /// of looking them up.
    struct LineMemo<Value> {
        /// Per line number, where its value is in `values` plus one; zero for none yet.
        private var slots: [Int32] = []
        private var values: [Value] = []

        subscript(number: Int) -> Value? {
            guard number < slots.count, case let slot = Int(slots[number]), slot > 0 else { return nil }
            return values[slot - 1]
        }

        mutating func remember(_ value: Value, for number: Int) {
            if number >= slots.count {
                // Numbered lines run to `indexedLineCount` (plus the one after): one allocation holds them all.
                slots += Array(repeating: 0, count: max(number, MetadataDetector.DocumentText.indexedLineCount + 1) + 1 - slots.count)
            }
            values.append(value)
            slots[number] = Int32(values.count)
        }
    }
}
