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
        let bytes: [UInt8]
        /// Byte offset at which each line starts; line 1 starts at 0.
        let lineStarts: [Int]

        private var rawLines: [Int: String] = [:]
        private var plainLines: [Int: String] = [:]
        private var collapsedLines: [Int: String] = [:]
        private var labelLines: [Int: Bool] = [:]

        init(_ text: String) {
            var text = text
            (bytes, lineStarts) = text.withUTF8 { utf8 in
                var count = min(utf8.count, Self.readLimit)
                // Never cut a character in two.
                while count < utf8.count, count > 0, utf8[count] & 0xC0 == 0x80 { count -= 1 }
                let read = UnsafeBufferPointer(rebasing: utf8[0..<count])
                let bytes = Self.offset(of: 0x0D, in: read, from: 0) == nil ? Array(read) : Self.withoutCarriageReturns(read)
                var starts = [0]
                bytes.withUnsafeBufferPointer { buffer in
                    while let lineBreak = Self.offset(of: 0x0A, in: buffer, from: starts.last!) { starts.append(lineBreak + 1) }
                }
                return (bytes, starts)
            }
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

        var lineCount: Int { lineStarts.count }

        /// Bytes of line `number` (1-based), without its line break.
        func lineRange(_ number: Int) -> Range<Int> {
            let start = lineStarts[number - 1]
            return start..<(number < lineStarts.count ? lineStarts[number] - 1 : bytes.count)
        }

        func line(_ number: Int) -> String {
            if let known = rawLines[number] { return known }
            let text = ScanText(bytes: bytes, range: lineRange(number)).string(lineRange(number))
            rawLines[number] = text
            return text
        }

        func plainLine(_ number: Int) -> String {
            if let known = plainLines[number] { return known }
            let text = TextCleaning.plain(line(number))
            plainLines[number] = text
            return text
        }

        func collapsedLine(_ number: Int) -> String {
            if let known = collapsedLines[number] { return known }
            let text = TextCleaning.collapsingWhitespace(line(number))
            collapsedLines[number] = text
            return text
        }

        /// Whether line `number` is a "LABEL: value" line (see `HeaderField.isLabel`).
        func isLabelLine(_ number: Int) -> Bool {
            if let known = labelLines[number] { return known }
            let range = lineRange(number)
            let firstCell = range.lowerBound..<(firstTab(in: range) ?? range.upperBound)
            let isLabel = HeaderField.isLabel(ScanText(bytes: bytes, range: firstCell))
            labelLines[number] = isLabel
            return isLabel
        }

        /// Byte ranges of the tab-separated cells of line `number`.
        func cells(ofLine number: Int) -> [Range<Int>] {
            let range = lineRange(number)
            var cells: [Range<Int>] = []
            var start = range.lowerBound
            while let tab = firstTab(in: start..<range.upperBound) {
                cells.append(start..<tab)
                start = tab + 1
            }
            cells.append(start..<range.upperBound)
            return cells
        }

        private func firstTab(in range: Range<Int>) -> Int? {
            bytes.withUnsafeBufferPointer { buffer in
                Self.offset(of: 0x09, in: UnsafeBufferPointer(rebasing: buffer[..<range.upperBound]), from: range.lowerBound)
            }
        }

        /// The first `byte` in `buffer` at or after `start` (by `memchr`, which scans many
        /// bytes at a time: line breaks and tabs are looked for in every byte read).
        private static func offset(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            guard let base = buffer.baseAddress, start < buffer.count,
                  let found = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }

        func window(_ numbers: ClosedRange<Int>) -> TextWindow {
            let last = min(numbers.upperBound, lineCount)
            let range = lineRange(numbers.lowerBound).lowerBound..<lineRange(last).upperBound
            return TextWindow(text: ScanText(bytes: bytes, range: range),
                              lineStarts: Array(lineStarts[(numbers.lowerBound - 1)..<last]), firstLine: numbers.lowerBound)
        }

        var opening: TextWindow { window(1...Self.openingLineCount) }
    }
}
