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
        private var flags: UInt8

        /// Holds a `<`, so it may hold HTML.
        var hasAngle: Bool { flags & 1 != 0 }

        /// Counted by the search for running titles, which looks at it again at the end.
        var isTitleCandidate: Bool {
            get { flags & 2 != 0 }
            set { flags = newValue ? flags | 2 : flags & ~2 }
        }

        /// 1-based; lines split at a form feed share the number of the line holding it.
        var number: Int { Int(storedNumber) }
        var characters: Int { Int(storedCharacters) }

        init(start: Int, end: Int, number: Int, characters: Int, kind: LineKind, hasAngle: Bool) {
            self.start = start
            self.end = end
            storedNumber = UInt32(truncatingIfNeeded: number)
            storedCharacters = UInt16(clamping: characters)
            self.kind = kind
            flags = hasAngle ? 1 : 0
        }
    }

    enum SourceLines {
        /// Splits at newlines, and at form feeds, which become furniture lines of their own
        /// so that a page break always ends the paragraph in front of it. The same pass
        /// notes tabs, angle brackets and multi-byte characters, sorts each line and counts
        /// it for running titles while its bytes are still in cache.
        static func split(_ bytes: UnsafeBufferPointer<UInt8>, census: inout RunningTitles.Census) -> [SourceLine] {
            var lines: [SourceLine] = []
            lines.reserveCapacity(bytes.count / 48 + 1)
            var number = 1
            var start = 0
            var continuations = 0
            var sawTab = false
            var sawAngle = false
            let count = bytes.count

            func finishLine(at end: Int) {
                var line = trimmed(bytes, start, end, number, continuations, sawTab, sawAngle)
                // A run of blank lines separates no more than one does: keep one record of it.
                if line.kind == .blank && lines.last?.kind == .blank { return }
                LineKinds.refine(&line, in: bytes)
                census.observe(&line, index: lines.count, in: bytes)
                lines.append(line)
            }

            var (index, counted) = NotableBytes.next(in: bytes, from: 0)
            continuations += counted
            while index < count {
                switch bytes[index] {
                case Bytes.tab:
                    sawTab = true
                case UInt8(ascii: "<"):
                    sawAngle = true
                case Bytes.newline, Bytes.formFeed:
                    finishLine(at: index)
                    if bytes[index] == Bytes.formFeed {
                        var pageBreak = SourceLine(start: index, end: index, number: number, characters: 0, kind: .furniture, hasAngle: false)
                        census.observe(&pageBreak, index: lines.count, in: bytes)
                        lines.append(pageBreak)
                    } else {
                        number += 1
                    }
                    start = index + 1
                    continuations = 0
                    sawTab = false
                    sawAngle = false
                default:
                    break  // other controls
                }
                (index, counted) = NotableBytes.next(in: bytes, from: index + 1)
                continuations += counted
            }
            if start < count { finishLine(at: count) }
            return lines
        }

        private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ number: Int,
                                    _ continuations: Int, _ sawTab: Bool, _ sawAngle: Bool) -> SourceLine {
            var first = start
            var last = end
            while first < last {
                if Bytes.isBlank(bytes[first]) {
                    first += 1
                } else if isNoBreakSpace(bytes, first, last) {
                    first += 2
                } else {
                    break
                }
            }
            while last > first {
                if Bytes.isBlank(bytes[last - 1]) {
                    last -= 1
                } else if last - first >= 2 && isNoBreakSpace(bytes, last - 2, last) {
                    last -= 2
                } else {
                    break
                }
            }
            // A tab anywhere, even one trimmed off an end, marks a line exported from a table
            // ("TITLE:<tab>"); the trimmed bytes hold no continuation bytes but those of a
            // no-break space, so the character count is exact enough for judging widths.
            let kind: LineKind = first == last ? .blank : (sawTab ? .tabbed : .text)
            return SourceLine(start: first, end: last, number: number, characters: max(0, last - first - continuations),
                              kind: kind, hasAngle: sawAngle)
        }

        @inline(__always)
        static func isNoBreakSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
            index + 1 < end && bytes[index] == 0xC2 && bytes[index + 1] == 0xA0
        }
    }
}
