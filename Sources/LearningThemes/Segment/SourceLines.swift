extension ParagraphSegmenter {
    enum LineKind: UInt8 {
        case blank
        /// Page furniture, running titles and page breaks: dropped, but they end a block the
        /// way a blank line does.
        case furniture
        case text
        /// Contains a tab: a table row, or a one-cell line exported from a table.
        case tabbed
        case html
        case markdownHeading
    }

    /// One line of the input, trimmed, as byte offsets into the document.
    /// Kept small (24 bytes): a document of tiny lines holds tens of millions of them.
    struct SourceLine {
        var start: Int
        var end: Int
        private var storedNumber: UInt32
        /// Characters (not bytes) between `start` and `end`, for judging line widths; capped,
        /// as no column is that wide.
        private var storedCharacters: UInt16
        var kind: LineKind
        private let flags: UInt8

        /// Holds a `<`, so it may hold HTML.
        var hasAngle: Bool { @inline(__always) get { flags & 1 != 0 } }

        /// 1-based; lines split at a form feed share the number of the line holding it.
        var number: Int { Int(storedNumber) }
        var characters: Int { Int(storedCharacters) }

        /// Holds nothing the cleaner changes: its text is its bytes (for a tabbed line,
        /// each cell's text is the cell's bytes without the blanks at its ends).
        var isPlain: Bool { @inline(__always) get { flags & 4 != 0 } }

        init(start: Int, end: Int, number: Int, characters: Int, kind: LineKind, hasAngle: Bool, isPlain: Bool) {
            self.start = start
            self.end = end
            storedNumber = UInt32(truncatingIfNeeded: number)
            storedCharacters = UInt16(clamping: characters)
            self.kind = kind
            flags = (hasAngle ? 1 : 0) | (isPlain ? 4 : 0)
        }
    }

    enum SourceLines {
        /// Splits at newlines, and at form feeds, which become furniture lines of their own
        /// so that a page break always ends the paragraph in front of it. Each line is
        /// sorted and counted for running titles as soon as it is read, while its bytes are
        /// still in cache.
        /// The caller owns the lines and deallocates them: kept out of an array, whose
        /// uniqueness check on every append, and copy when done, cost more than the rest of
        /// storing a line.
        static func scan(_ bytes: UnsafeBufferPointer<UInt8>, census: inout RunningTitles.Census) -> ScratchBuffer<SourceLine> {
            var splitter = Splitter(bytes: bytes)
            LineScanner(bytes).forEachLine { splitter.add($0, census: &census) }
            return splitter.lines
        }

        /// The lines read so far, and the number of the next.
        private struct Splitter {
            let bytes: UnsafeBufferPointer<UInt8>
            var lines: ScratchBuffer<SourceLine>
            var number = 1
            /// The kind of the last line kept; any kind but blank to begin with.
            var lastKind = LineKind.furniture

            init(bytes: UnsafeBufferPointer<UInt8>) {
                self.bytes = bytes
                // Documents average 40 bytes a line or more (blank runs count once).
                lines = ScratchBuffer(capacity: bytes.count / 40 + 1)
            }

            /// Inlined into the scan loop: as a call, passing the scanned line through memory and
            /// saving the registers around it cost more than the scan gained from keeping them.
            @inline(__always)
            mutating func add(_ scanned: LineScanner.Line, census: inout RunningTitles.Census) {
                var line = trimmed(bytes, scanned, number)
                // A run of blank lines separates no more than one does: keep one record of it.
                if !(line.kind == .blank && lastKind == .blank) {
                    LineKinds.refine(&line, in: bytes)
                    census.observe(&line, index: lines.count, in: bytes)
                    lines.append(line)
                    lastKind = line.kind
                }
                guard scanned.end < bytes.count else { return }
                if bytes[scanned.end] == Bytes.formFeed {
                    var pageBreak = SourceLine(start: scanned.end, end: scanned.end, number: number, characters: 0, kind: .furniture,
                                               hasAngle: false, isPlain: true)
                    census.observe(&pageBreak, index: lines.count, in: bytes)
                    lines.append(pageBreak)
                    lastKind = .furniture
                } else {
                    // Wraps only past the end of memory; `SourceLine` keeps 32 bits of it anyway.
                    number &+= 1
                }
            }
        }

        @inline(__always)
        private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ scanned: LineScanner.Line, _ number: Int) -> SourceLine {
            var first = scanned.start
            var last = scanned.end
            // Only a line with multi-byte characters can hold a no-break space.
            let mayHoldNoBreakSpace = scanned.continuations > 0
            while first < last {
                if Bytes.isBlank(bytes[first]) {
                    first += 1
                } else if mayHoldNoBreakSpace && isNoBreakSpace(bytes, first, last) {
                    first += 2
                } else {
                    break
                }
            }
            while last > first {
                if Bytes.isBlank(bytes[last - 1]) {
                    last -= 1
                } else if mayHoldNoBreakSpace && last - first >= 2 && isNoBreakSpace(bytes, last - 2, last) {
                    last -= 2
                } else {
                    break
                }
            }
            // A tab anywhere, even one trimmed off an end, marks a line exported from a table
            // ("TITLE:<tab>"); the trimmed bytes hold no continuation bytes but those of a
            // no-break space, so the character count is exact enough for judging widths (and
            // clamped at 0 by `SourceLine` where those make it negative).
            let kind: LineKind = first == last ? .blank : (scanned.sawTab ? .tabbed : .text)
            // Offsets within the text cannot overflow: the wrapping operators spare the checks.
            return SourceLine(start: first, end: last, number: number, characters: last &- first &- scanned.continuations,
                              kind: kind, hasAngle: scanned.sawAngle, isPlain: scanned.isPlain(bytes, first, last))
        }

        @inline(__always)
        static func isNoBreakSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
            index + 1 < end && bytes[index] == 0xC2 && bytes[index + 1] == 0xA0
        }
    }
}
