extension ParagraphSegmenter {
    /// Walks the classified lines in order and feeds every unit they make to the assembler:
    /// text blocks split at their paragraph ends, table rows, HTML blocks, headings.
    struct UnitProducer {
        let bytes: UnsafeBufferPointer<UInt8>
        let lines: UnsafeBufferPointer<SourceLine>
        /// The raw lines of a unit, joined before they are cleaned.
        private let joined = TextBuffer()
        /// One cell of a table row, cleaned.
        private let cellText = TextBuffer()
        /// Longer than any column of a PDF page: a line that holds a whole paragraph.
        static let longLine = 120

        init(bytes: UnsafeBufferPointer<UInt8>, lines: UnsafeBufferPointer<SourceLine>) {
            self.bytes = bytes
            self.lines = lines
        }

        mutating func run<Sink: ParagraphSink>(into assembler: inout ParagraphAssembler<Sink>) {
            var afterBreak = true
            var index = 0
            while index < lines.count {
                if lines[index].kind == .text {
                    // Most lines are text: a tight loop finds where their block ends.
                    let blockStart = index
                    index += 1
                    while index < lines.count && lines[index].kind == .text { index += 1 }
                    addBlock(blockStart..<index, followsBreak: afterBreak, &assembler)
                    afterBreak = false
                    continue
                }
                let line = lines[index]
                index += 1
                switch line.kind {
                case .blank, .furniture:
                    afterBreak = true
                case .tabbed:
                    // A dropped row (a contents entry) separates like furniture.
                    afterBreak = !addTabbed(line, followsBreak: afterBreak, &assembler)
                case .html:
                    addHTML(line.start, line.end, line.number, followsBreak: afterBreak, &assembler)
                    afterBreak = false
                case .markdownHeading:
                    let unit = UnitClassifier.classify(bytes, line.start, line.end, origin: .markdownHeading, lines: line.number...line.number,
                                                       followsBreak: afterBreak, isPlain: line.isPlain, into: assembler.incomingText)
                    assembler.add(unit)
                    afterBreak = false
                case .text:
                    break
                }
            }
        }

        private mutating func addBlock<Sink: ParagraphSink>(_ block: Range<Int>, followsBreak: Bool, _ assembler: inout ParagraphAssembler<Sink>) {
            if block.count == 1 {
                // A line on its own is its own unit (half the blocks): no need to set up the splitter.
                let line = lines[block.lowerBound]
                addUnit(block, firstLineMarker: ListMarkers.parse(bytes, line.start, line.end), followsBreak: followsBreak, &assembler)
                return
            }
            var isFirst = true
            WrappedLines.split(lines, block, bytes) { unit, firstLineMarker in
                addUnit(unit, firstLineMarker: firstLineMarker, followsBreak: isFirst && followsBreak, &assembler)
                isFirst = false
            }
        }

        /// Classifies the lines of one unit of a text block, joined, and hands it on.
        private mutating func addUnit<Sink: ParagraphSink>(_ unit: Range<Int>, firstLineMarker: LineMarker, followsBreak: Bool,
                                                           _ assembler: inout ParagraphAssembler<Sink>) {
            // Numbers only wrap past four billion lines; even then a range must not trap.
            let firstNumber = lines[unit.lowerBound].number
            let range = firstNumber...max(firstNumber, lines[unit.upperBound - 1].number)
            let origin = UnitOrigin.textBlock(lineCount: unit.count)
            let lastLine = lines[unit.upperBound - 1]
            // Set as the unit is made, not after: changing it afterwards copied every unit.
            let endsOnLongLine = lastLine.end &- lastLine.start >= Self.longLine
            if unit.count == 1 {
                let line = lines[unit.lowerBound]
                // The line is the unit's whole text, so its markers are the unit's.
                assembler.add(UnitClassifier.classify(bytes, line.start, line.end, origin: origin, lines: range,
                                                      followsBreak: followsBreak, isPlain: line.isPlain, endsOnLongLine: endsOnLongLine,
                                                      marker: firstLineMarker, into: assembler.incomingText))
                return
            }
            let first = lines[unit.lowerBound]
            if ListMarkers.opensWithWord(bytes, first.start, first.end) && unit.allSatisfy({ lines[$0].isPlain }) {
                // Joined, plain lines are the unit's text, with no marker to leave out: they are
                // joined straight into place.
                let text = assembler.incomingText
                text.removeAll()
                for index in unit { LineJoiner.append(bytes, lines[index].start, lines[index].end, to: text) }
                assembler.add(UnitClassifier.classify(joinedPlainText: text, lineCount: unit.count, lines: range, followsBreak: followsBreak,
                                                      endsOnLongLine: endsOnLongLine))
                return
            }
            joined.removeAll()
            // Joining plain lines makes plain text: trimmed lines meet at one space or none.
            var isPlain = true
            for index in unit {
                LineJoiner.append(bytes, lines[index].start, lines[index].end, to: joined)
                isPlain = isPlain && lines[index].isPlain
            }
            // Read out of the assembler before the closure, which would read it through the
            // captured assembler at every use.
            let text = assembler.incomingText
            let classified = joined.withBytes { buffer in
                UnitClassifier.classify(buffer, 0, buffer.count, origin: origin, lines: range, followsBreak: followsBreak,
                                        isPlain: isPlain, endsOnLongLine: endsOnLongLine, into: text)
            }
            assembler.add(classified)
        }

        /// Returns false when the line held nothing worth keeping.
        private mutating func addTabbed<Sink: ParagraphSink>(_ line: SourceLine, followsBreak: Bool, _ assembler: inout ParagraphAssembler<Sink>) -> Bool {
            switch TableRows.shape(bytes, line.start, line.end, isPlain: line.isPlain, into: assembler.incomingText, cellText: cellText) {
            case .row:
                assembler.add(SegmentUnit(firstLine: line.number, lastLine: line.number, role: .tableRow, kind: .body, number: nil,
                                          followsBreak: followsBreak, isPlainText: false))
                return true
            case .single(let cellStart, let cellEnd):
                var start = cellStart
                var end = cellEnd
                while start < end && Bytes.isBlank(bytes[start]) { start += 1 }
                while end > start && Bytes.isBlank(bytes[end - 1]) { end -= 1 }
                let range = line.number...line.number
                if HTMLTag.containsBlockTag(bytes, start, end) {
                    addHTML(start, end, line.number, followsBreak: followsBreak, &assembler)
                } else {
                    let origin: UnitOrigin = LineKinds.isMarkdownHeading(bytes, start, end) ? .markdownHeading : .textBlock(lineCount: 1)
                    let unit = UnitClassifier.classify(bytes, start, end, origin: origin, lines: range, followsBreak: followsBreak,
                                                       isPlain: line.isPlain, into: assembler.incomingText)
                    assembler.add(unit)
                }
                return true
            case .dropped:
                return false
            }
        }

        private mutating func addHTML<Sink: ParagraphSink>(_ start: Int, _ end: Int, _ number: Int, followsBreak: Bool, _ assembler: inout ParagraphAssembler<Sink>) {
            var isFirst = true
            let bytes = self.bytes
            HTMLFragments.split(bytes, start, end) { pieceStart, pieceEnd, origin in
                let unit = UnitClassifier.classify(bytes, pieceStart, pieceEnd, origin: origin, lines: number...number,
                                                   followsBreak: isFirst && followsBreak, into: assembler.incomingText)
                assembler.add(unit)
                isFirst = false
            }
        }
    }
}
