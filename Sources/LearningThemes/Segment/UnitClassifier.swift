extension ParagraphSegmenter {
    /// Cleans the raw bytes of one unit and decides what it is: a paragraph, a list item,
    /// or one of the kinds of heading.
    enum UnitClassifier {
        /// The unit's text replaces what `text` held: storage lent by the assembler, so that
        /// paragraphs do not each allocate their own. `isPlain` says the bytes hold nothing
        /// for the cleaner to change (as the line scanner found), so they are copied as they are.
        /// `marker`, when known, is `ListMarkers.parse` of the bytes.
        static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, origin: UnitOrigin,
                             lines: ClosedRange<Int>, followsBreak: Bool, isPlain: Bool = false, endsOnLongLine: Bool = false,
                             marker: LineMarker? = nil, into text: TextBuffer) -> SegmentUnit {
            text.removeAll()
            var unit = SegmentUnit(firstLine: lines.lowerBound, lastLine: lines.upperBound, role: .body,
                                   kind: .body, number: nil, followsBreak: followsBreak, isPlainText: false,
                                   endsOnLongLine: endsOnLongLine)
            switch origin {
            case .markdownHeading:
                var contentStart = start
                while contentStart < end && bytes[contentStart] == UInt8(ascii: "#") { contentStart += 1 }
                var contentEnd = closingHashesStart(bytes, contentStart, end)
                // The cleaner would drop the blanks around the title and, on a plain line, change nothing else.
                while contentStart < contentEnd && Bytes.isBlank(bytes[contentStart]) { contentStart += 1 }
                while contentEnd > contentStart && Bytes.isBlank(bytes[contentEnd - 1]) { contentEnd -= 1 }
                clean(bytes, contentStart, contentEnd, isPlain: isPlain, into: text)
                // "## These outcomes are in line with expectations." is a sentence set large.
                if !text.withBytes(HeadingShape.endsLikeSentence) { unit.kind = .heading }
            case .htmlHeading:
                TextCleaner.clean(bytes, start, end, into: text)
                unit.kind = .heading
            case .htmlListItem:
                let marker = ListMarkers.parse(bytes, start, end)
                TextCleaner.clean(bytes, marker.contentStart, end, into: text)
                unit.role = .listItem
            case .htmlBlock:
                _ = classifyBlock(bytes, start, end, ListMarkers.parse(bytes, start, end), lineCount: 1, isPlain: false, text, &unit)
            case .textBlock(let lineCount):
                let marker = marker ?? ListMarkers.parse(bytes, start, end)
                let hasMarker = classifyBlock(bytes, start, end, marker, lineCount: lineCount, isPlain: isPlain, text, &unit)
                unit.isPlainText = unit.kind == .body && unit.role == .body && !hasMarker
            }
            return unit
        }

        /// A unit of several plain lines opening with a word, which `text` already holds
        /// joined: what `classify` makes of the same bytes, which hold no marker and, opening
        /// with a letter, no bold span or bare number, without copying them again.
        static func classify(joinedPlainText text: TextBuffer, lineCount: Int, lines: ClosedRange<Int>, followsBreak: Bool,
                             endsOnLongLine: Bool) -> SegmentUnit {
            var unit = SegmentUnit(firstLine: lines.lowerBound, lastLine: lines.upperBound, role: .body,
                                   kind: shortUnitKind(text, lineCount: lineCount), number: nil, followsBreak: followsBreak,
                                   isPlainText: false, endsOnLongLine: endsOnLongLine)
            unit.isPlainText = unit.kind == .body
            return unit
        }

        /// Returns whether the unit opened with a bullet or a number.
        private static func classifyBlock(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ marker: LineMarker,
                                          lineCount: Int, isPlain: Bool, _ text: TextBuffer, _ unit: inout SegmentUnit) -> Bool {
            clean(bytes, marker.contentStart, end, isPlain: isPlain, into: text)
            if marker.bullet != .none {
                unit.number = marker.number
                unit.role = marker.number?.isClause == true ? .body : .listItem
                return true
            }
            if let number = marker.number {
                unit.number = number
                if number.style == .dotted && !number.starred && lineCount <= 3
                    && !isItalicOnly(bytes, marker.contentStart, end)
                    && text.withBytes({ HeadingShape.isNumberedHeading($0, lineCount: lineCount) }) {
                    unit.kind = text.withBytes(HeadingShape.isCapitals) ? .heading : .numberedHeading
                } else {
                    unit.role = number.isClause ? .body : .listItem
                }
                return true
            }
            if lineCount <= 2 && isBoldOnly(bytes, marker.contentStart, end) && text.withBytes(HeadingShape.isBoldHeading) {
                unit.kind = .heading
                return false
            }
            if lineCount == 1, let (number, contentStart) = ListMarkers.bareNumber(bytes, marker.contentStart, end) {
                let rest = TextBuffer(capacity: end - contentStart)
                clean(bytes, contentStart, end, isPlain: isPlain, into: rest)
                if rest.withBytes(HeadingShape.isCapitals) {
                    text.replace(with: rest)
                    unit.kind = .heading
                    return false
                }
                if rest.withBytes(HeadingShape.isBareNumberHeading) {
                    text.replace(with: rest)
                    unit.number = number
                    unit.kind = .numberedHeading
                    return false
                }
            }
            unit.kind = shortUnitKind(text, lineCount: lineCount)
            return !marker.isEmpty
        }

        /// The kind of a unit with no number: a short one in capitals is a heading, one of a
        /// few words perhaps a plain heading.
        private static func shortUnitKind(_ text: TextBuffer, lineCount: Int) -> SegmentUnit.Kind {
            guard lineCount <= 2 else { return .body }
            if text.withBytes(HeadingShape.isCapitals) { return .heading }
            return text.withBytes(HeadingShape.isPlainHeading) ? .plainHeading : .body
        }

        /// A plain range, which starts and ends on a word (markers and blanks are skipped
        /// before it), is its own cleaned text.
        @inline(__always)
        private static func clean(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, isPlain: Bool,
                                  into text: TextBuffer) {
            if isPlain {
                text.append(bytes, start, end)
            } else {
                TextCleaner.clean(bytes, start, end, into: text)
            }
        }

        /// Start of the optional closing hashes of a Markdown heading ("## Title ##").
        private static func closingHashesStart(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
            var index = end
            while index > start && bytes[index - 1] == UInt8(ascii: "#") { index -= 1 }
            return index < end && index > start && Bytes.isBlank(bytes[index - 1]) ? index : end
        }

        /// "**Health & Wellbeing Board**": the whole line in bold.
        private static func isBoldOnly(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            guard end - start >= 5 else { return false }
            let open = (bytes[start] == UInt8(ascii: "*") && bytes[start + 1] == UInt8(ascii: "*"))
                || (bytes[start] == UInt8(ascii: "_") && bytes[start + 1] == UInt8(ascii: "_"))
            guard open, bytes[end - 1] == bytes[start], bytes[end - 2] == bytes[start] else { return false }
            // "**Note:** Members are reminded ... **x**" holds more than one bold span.
            var index = start + 2
            while index < end - 2 {
                if bytes[index] == bytes[start] && bytes[index + 1] == bytes[start] { return false }
                index += 1
            }
            return true
        }

        /// "*“The CSCP supports ...”*" or "***Is the partnership effective?***": a quotation
        /// or question set in italics, never a heading.
        private static func isItalicOnly(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            guard end - start >= 3, bytes[end - 1] == UInt8(ascii: "*") else { return false }
            var stars = 0
            while start + stars < end && bytes[start + stars] == UInt8(ascii: "*") { stars += 1 }
            return stars == 1 || stars == 3
        }
    }
}
