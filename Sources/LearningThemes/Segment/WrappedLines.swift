extension ParagraphSegmenter {
    /// What the block splitter needs to know about one line of a text block. What every
    /// line is asked is worked out up front; the rest is asked of few lines (those before
    /// a capital or a marker, the last of a block), so it is worked out when asked.
    struct LineShape {
        enum Marker { case none, symbolBullet, dashBullet, number, dottedNumber }

        /// What the markers opening a line make of it. With the line itself, it is all a
        /// shape holds, so the splitter keeps this for the lines above the current one and
        /// builds their shapes again only when it needs them.
        struct Opening {
            var marker: Marker
            /// A dash bullet followed by a capital, which is a bullet even mid-paragraph.
            var markerBeforeCapital: Bool

            /// A line opening in lower case with no marker: most wrapped lines. Computed: a
            /// `static let` is checked for initialisation on every use.
            static var plain: Opening { Opening(marker: .none, markerBeforeCapital: false) }

            /// `parsed` is `ListMarkers.parse` of the line from `start` to `end`.
            @inline(__always)
            init(_ bytes: UnsafeBufferPointer<UInt8>, end: Int, parsed: LineMarker) {
                markerBeforeCapital = false
                switch parsed.bullet {
                case .symbol:
                    marker = .symbolBullet
                case .dash:
                    marker = .dashBullet
                    markerBeforeCapital = parsed.contentStart < end && ListMarkers.opensSentence(bytes[parsed.contentStart])
                case .none:
                    if let number = parsed.number { marker = number.style == .dotted ? .dottedNumber : .number } else { marker = .none }
                }
            }

            private init(marker: Marker, markerBeforeCapital: Bool) {
                self.marker = marker
                self.markerBeforeCapital = markerBeforeCapital
            }
        }

        private let bytes: UnsafeBufferPointer<UInt8>
        private let start: Int
        private let end: Int
        let characters: Int
        let startsSentence: Bool
        let opening: Opening

        var marker: Marker { opening.marker }
        var markerBeforeCapital: Bool { opening.markerBeforeCapital }

        /// Inlined, so the shape is built in place and only the fields read are worked out.
        @inline(__always)
        init(_ bytes: UnsafeBufferPointer<UInt8>, _ line: SourceLine, opening: Opening) {
            self.bytes = bytes
            start = line.start
            end = line.end
            characters = line.characters
            let first = bytes[start]
            // Not "(": "(HRBQ) ahead of circulation" continues the line above it.
            startsSentence = Bytes.isUpper(first) || Bytes.isDigit(first) || first >= 0xC0 || first == UInt8(ascii: "\"")
                || first == UInt8(ascii: "'")
            self.opening = opening
        }

        /// `parsed` is `ListMarkers.parse` of the line.
        @inline(__always)
        init(_ bytes: UnsafeBufferPointer<UInt8>, _ line: SourceLine, parsed: LineMarker) {
            self.init(bytes, line, opening: Opening(bytes, end: line.end, parsed: parsed))
        }

        /// Opens in lower case with no marker ("a) " is one): such a line never starts a
        /// unit, so the splitter passes over it without parsing it or building its shape.
        @inline(__always)
        static func continuesSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ line: SourceLine) -> Bool {
            Bytes.isLower(bytes[line.start]) && !(line.end &- line.start >= 2 && bytes[line.start &+ 1] == UInt8(ascii: ")"))
        }

        var firstWordCharacters: Int {
            let wordEnd = Bytes.firstWordEnd(bytes, start, end)
            // A line without multi-byte characters has as many characters as bytes.
            return characters == end - start ? wordEnd - start : Bytes.characterCount(bytes, start, wordEnd)
        }

        var endsSentence: Bool { Bytes.endsSentence(bytes, start, end) }

        /// Ends on a comma, a dash or a word like "the": the sentence goes on.
        var endsOpen: Bool {
            switch bytes[end - 1] {
            case UInt8(ascii: ","), Bytes.hyphen, UInt8(ascii: "&"), UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: "@"):
                return true
            case 0x93, 0x94:
                return end - start >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80  // – or —
            default:
                return FunctionWords.endsWithOne(bytes, start, end)
            }
        }

        /// "Objective 1:" — a short label that runs into the next line.
        var isLabel: Bool {
            bytes[end - 1] == UInt8(ascii: ":") && characters <= 40 && marker == .none && Bytes.wordCount(bytes, start, end, limit: 4) <= 4
        }

        /// "Comments from CSCP Independent Scrutineer": a few capitalised words with no
        /// punctuation, shaped like a heading.
        var isTitleShaped: Bool {
            marker == .none && Bytes.isUpper(bytes[start]) && characters >= 20 && characters <= 60 && !endsSentence
                && !endsOpen && (3...8).contains(Bytes.wordCount(bytes, start, end, limit: 8))
        }
    }

    /// Splits a block of consecutive text lines into paragraphs and items. PDF extraction
    /// wraps every paragraph at the column width, so a line break means nothing unless the
    /// line stopped early: a line is taken to end its paragraph when the next line's first
    /// word would have fitted on it, and the next line starts a sentence or a list item.
    enum WrappedLines {
        /// Calls `emit` with the range of lines of each unit of `block`, in order, and the
        /// markers opening its first line, which the unit's classification need not read
        /// again. Only a window of three lines is kept, so a block of millions of lines
        /// costs no memory.
        static func split(_ lines: UnsafeBufferPointer<SourceLine>, _ block: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>,
                          emit: (Range<Int>, LineMarker) -> Void) {
            var unitStartParsed = parse(lines[block.lowerBound], bytes)
            var unitStart = block.lowerBound
            // The openings of the line above the current one and of the line above that
            // (valid once there is one): kept instead of their shapes, which are built again
            // only for the few lines that could start a unit.
            var previousOpening = LineShape.Opening(bytes, end: lines[block.lowerBound].end, parsed: unitStartParsed)
            var twoBackOpening = LineShape.Opening.plain
            var unitStartMarker = previousOpening.marker
            for index in (block.lowerBound + 1)..<block.upperBound {
                let line = lines[index]
                if LineShape.continuesSentence(bytes, line) {
                    twoBackOpening = previousOpening
                    previousOpening = .plain
                    continue
                }
                let parsed = parse(line, bytes)
                let current = LineShape(bytes, line, parsed: parsed)
                let previous = LineShape(bytes, lines[index - 1], opening: previousOpening)
                // The line above `previous` counts towards the column width only within its paragraph.
                let above = index - 2 >= unitStart ? LineShape(bytes, lines[index - 2], opening: twoBackOpening) : nil
                if breaksBefore(previous: previous, current: current, above: above, unitHasMarker: unitStartMarker != .none) {
                    emit(unitStart..<index, unitStartParsed)
                    unitStart = index
                    unitStartMarker = current.marker
                    unitStartParsed = parsed
                }
                twoBackOpening = previousOpening
                previousOpening = current.opening
            }
            let last = block.upperBound - 1
            // A title opens with a capital: most blocks end on a line that does not, and need
            // no shapes built.
            if last - block.lowerBound >= 2, unitStart < last, Bytes.isUpper(bytes[lines[last].start]),
               endsWithTitle(last: LineShape(bytes, lines[last], opening: previousOpening),
                             beforeLast: LineShape(bytes, lines[last - 1], opening: twoBackOpening), unitStartMarker: unitStartMarker) {
                emit(unitStart..<last, unitStartParsed)
                unitStart = last
                unitStartParsed = parse(lines[last], bytes)
            }
            emit(unitStart..<block.upperBound, unitStartParsed)
        }

        @inline(__always)
        private static func parse(_ line: SourceLine, _ bytes: UnsafeBufferPointer<UInt8>) -> LineMarker {
            ListMarkers.parse(bytes, line.start, line.end)
        }

        /// A title-shaped last line under lines that do not run into it is the heading of
        /// what follows, printed at the foot of a block of short lines (a signature, say)
        /// when the page broke.
        private static func endsWithTitle(last: LineShape, beforeLast: LineShape, unitStartMarker: LineShape.Marker) -> Bool {
            last.isTitleShaped && !beforeLast.endsOpen && !beforeLast.isLabel && unitStartMarker != .dottedNumber
        }

        private static func breaksBefore(previous: LineShape, current: LineShape, above: LineShape?, unitHasMarker: Bool) -> Bool {
            switch current.marker {
            case .symbolBullet:
                return true
            case .dashBullet:
                if previous.endsSentence || unitHasMarker || current.markerBeforeCapital
                    || isShort(previous, next: current, above: above) { return true }
            case .dottedNumber:
                // "4.5 Safeguarding children with Special" under a chart caption: a capital after
                // a clause number never continues a sentence unless the line before is open.
                if !previous.endsOpen || unitHasMarker { return true }
            case .number:
                if previous.endsSentence || unitHasMarker || isShort(previous, next: current, above: above) { return true }
            case .none:
                break
            }
            // Most wrapped lines start in lower case, which settles it before the line above is read.
            // `isShort` before `endsOpen`, which looks the last word up: a full line settles it first.
            return current.startsSentence && !previous.isLabel && isShort(previous, next: current, above: above) && !previous.endsOpen
        }

        /// True when `line` stopped before the column edge: the first word of the next line
        /// would have fitted on it. The column width is estimated from the line, the next
        /// one and the one above when it belongs to the same paragraph, so narrow boxes and
        /// full-width text are both judged fairly, and a wide line of another layout across
        /// a page break does not count. The 4/5 margin absorbs ragged right edges.
        static func isShort(_ line: LineShape, next: LineShape, above: LineShape?) -> Bool {
            let width = max(line.characters, next.characters, above?.characters ?? 0)
            // The word needs the space before it at least: after a line near the column edge
            // (most lines) that settles it before the word is measured.
            guard 5 * (line.characters + 1) <= 4 * width else { return false }
            let needed = line.characters + 1 + next.firstWordCharacters
            return 5 * needed <= 4 * width
        }
    }
}
