extension ParagraphSegmenter {
    /// Finds running titles: the chapter name or document title a PDF prints on every page,
    /// which extraction leaves as short lines scattered through the text ("Foreword").
    enum RunningTitles {
        static let maximumLength = 120
        /// Bounds the memory spent on documents made of millions of distinct short lines;
        /// real running titles show up long before the table fills.
        static let trackedLimit = 1 << 20

        /// What the line splitter notes for this search as it goes, so that no pass over all
        /// the lines is needed afterwards.
        struct Census {
            fileprivate var tallies = LineTallies()
            /// Sorts out the texts seen once (nearly all candidates) before any is counted in full.
            private var sightings: LineSightings
            /// The texts seen so far, once or more, up to `trackedLimit`.
            private var distinctTexts = 0
            /// The lines counted in full, in `tallies`: a line whose key no other line had
            /// has a text seen once, so these are the only lines that can be titles.
            fileprivate var countedLines: [Int32] = []
            /// The "site | @handle 12" page footers.
            fileprivate var footers: [Int32] = []
            private var previousKind = LineKind.blank

            /// Sized for a text of `textLength` bytes with a candidate every two hundred bytes,
            /// twice as many as usual, so that the table seldom grows.
            init(textLength: Int = 0) {
                sightings = LineSightings(expectedCount: textLength / 200)
            }

            /// Counts `line`, the line at `index`, if it could be a title. The line is passed
            /// `inout` though only read: passed by value, it changed how the compiler laid out
            /// the scan loop around the call, which cost 4M instructions on the bench corpus.
            @inline(__always)
            mutating func observe(_ line: inout SourceLine, index: Int, in bytes: UnsafeBufferPointer<UInt8>) {
                // Not in a `defer`, which the scan loop called as a function for every line.
                let previousKind = self.previousKind
                self.previousKind = line.kind
                if line.kind == .furniture && PageFurniture.isSocialFooter(bytes, line.start, line.end) {
                    footers.append(Int32(truncatingIfNeeded: index))
                }
                guard isCandidate(line, after: previousKind, bytes) else { return }
                tally(&line, index: index, bytes)
            }

            /// Counts a candidate. Out of line: few lines are candidates.
            @inline(never)
            private mutating func tally(_ line: inout SourceLine, index: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
                let length = line.end - line.start
                let key = LineSightings.key(bytes, line.start, length: length)
                let (slot, sighting) = sightings.find(key)
                guard let sighting else {
                    // No line before had the key, so none had the text: a new text, not hashed
                    // unless its key comes again.
                    guard distinctTexts < trackedLimit else { return }
                    distinctTexts += 1
                    sightings.insert(key, start: line.start, length: length, line: index, at: slot)
                    return
                }
                let first = sightings.entries[sighting]
                if !first.isShared {
                    // The first line with the key is counted in full now; its text is among
                    // the distinct texts already.
                    sightings.markShared(sighting)
                    let firstLength = Int(first.length)
                    tallies.insert(LineHash.of(bytes, first.start, length: firstLength), start: first.start, length: firstLength)
                    countedLines.append(first.line)
                }
                let hash = LineHash.of(bytes, line.start, length: length)
                if let found = tallies.find(hash, bytes, line.start, length: length) {
                    tallies.increment(found)
                } else if distinctTexts < trackedLimit {
                    distinctTexts += 1
                    tallies.insert(hash, start: line.start, length: length)
                } else {
                    return
                }
                countedLines.append(Int32(truncatingIfNeeded: index))
            }
        }

        /// Marks as furniture every line that opens a block and repeats verbatim at least
        /// three times, or twice when it is also the first words of a longer line (the
        /// title "Foreword" of the section "Foreword from the statutory partners"). Then
        /// marks the titles printed beside a page footer.
        static func mark(_ lines: UnsafeMutableBufferPointer<SourceLine>, in bytes: UnsafeBufferPointer<UInt8>, census: consuming Census) {
            // Moved out, not copied: the census still holds the footers.
            var tallies = LineTallies()
            swap(&tallies, &census.tallies)
            // The lengths of the lines seen twice: only a prefix of one of these lengths can match.
            var pairLengths = LengthSet()
            // The lengths of the titles: a candidate of another length is none (its tally is
            // of its length), so it need not be hashed again, and without titles no line is.
            var titleLengths = LengthSet()
            for entry in tallies.entries where entry.count >= 2 {
                if entry.count == 2 { pairLengths.insert(Int(entry.length)) } else { titleLengths.insert(Int(entry.length)) }
            }
            if !pairLengths.isEmpty { titleLengths.formUnion(markPrefixes(lines, bytes, pairLengths, &tallies)) }
            if !titleLengths.isEmpty { markTitles(census.countedLines, lines, bytes, titleLengths, tallies) }
            for footer in census.footers { markCompanions(of: Int(footer), lines, bytes) }
        }

        /// Marks as furniture the lines among `counted` whose texts were counted as titles
        /// (`titleLengths` holds their lengths).
        private static func markTitles(_ counted: [Int32], _ lines: UnsafeMutableBufferPointer<SourceLine>, _ bytes: UnsafeBufferPointer<UInt8>,
                                       _ titleLengths: LengthSet, _ tallies: LineTallies) {
            // The hashes are found again rather than kept: a document of tiny lines has millions.
            for index in counted {
                let line = lines[Int(index)]
                let length = line.end - line.start
                guard titleLengths.contains(length),
                      let found = tallies.find(LineHash.of(bytes, line.start, length: length), bytes, line.start, length: length) else { continue }
                let tally = tallies.entries[found]
                if tally.count >= 3 || (tally.count == 2 && tally.isPrefix) { lines[Int(index)].kind = .furniture }
            }
        }

        /// Flags the lines seen twice whose text is also the opening words of another line,
        /// and returns their lengths.
        /// A line is only searched when its first bytes are those of such a line, and then
        /// its prefix hashes come from one pass: a few operations for most lines, however
        /// many lines were seen twice.
        private static func markPrefixes(_ lines: UnsafeMutableBufferPointer<SourceLine>, _ bytes: UnsafeBufferPointer<UInt8>, _ lengths: LengthSet,
                                         _ tallies: inout LineTallies) -> LengthSet {
            var prefixLengths = LengthSet()
            var openings: [UInt64] = []
            var hasLongPairs = false
            var firstPairs = BytePairFilter()
            for entry in tallies.entries where entry.count == 2 {
                openings.append(opening(bytes, entry.start, Int(entry.length)))
                hasLongPairs = hasLongPairs || entry.length >= 8
                firstPairs.insert(bytes, entry.start)
            }
            let openingSet = WordKeySet(keys: openings)
            for line in lines where line.kind == .text || line.kind == .markdownHeading {
                let length = line.end &- line.start
                // Titles are at least two bytes long (one character alone is furniture), so
                // a line can only open with one if its first two bytes open one: most lines
                // are passed over here.
                guard length > 2, firstPairs.mayContain(bytes, line.start) else { continue }
                // The first eight bytes are read once; each shorter opening is a mask of them.
                let head = leadingBytes(bytes, line.start, min(8, length))
                var mayMatch = hasLongPairs && length > 8 && openingSet.contains(opening(packed: head, length: 8))
                if !mayMatch {
                    lengths.forEach(below: min(8, length)) { prefixLength in
                        if !mayMatch && openingSet.contains(opening(packed: head & lowBytesMask(prefixLength), length: prefixLength)) {
                            mayMatch = true
                        }
                    }
                }
                guard mayMatch else { continue }
                var prefixes = LineHash.Prefixes(bytes, line.start)
                lengths.forEach(below: length) { prefixLength in
                    guard Bytes.isBlank(bytes[line.start + prefixLength]),
                          let found = tallies.find(prefixes.hash(length: prefixLength), bytes, line.start, length: prefixLength),
                          tallies.entries[found].count == 2 else { return }
                    tallies.markPrefix(found)
                    prefixLengths.insert(prefixLength)
                }
            }
            return prefixLengths
        }

        /// The first eight bytes of a text, or all of a shorter one together with its length;
        /// never 0.
        private static func opening(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> UInt64 {
            opening(packed: leadingBytes(bytes, start, min(8, length)), length: length)
        }

        /// `opening` from the first `min(8, length)` bytes, packed as `leadingBytes` packs them.
        @inline(__always)
        private static func opening(packed: UInt64, length: Int) -> UInt64 {
            var packed = packed
            if length < 8 { packed = (packed &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(length) }
            return packed == 0 ? 1 : packed
        }

        /// `bytes[start..<start + count]` (`count` at most 8), the first byte lowest.
        @inline(__always)
        private static func leadingBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> UInt64 {
            if start + 8 <= bytes.count, let base = UnsafeRawPointer(bytes.baseAddress) {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: start, as: UInt64.self))
                return word & lowBytesMask(count)
            }
            var packed: UInt64 = 0
            for offset in 0..<count { packed |= UInt64(bytes[start + offset]) << UInt64(8 * offset) }
            return packed
        }

        /// The low `count` bytes of a word (`count` from 0 to 8).
        @inline(__always)
        private static func lowBytesMask(_ count: Int) -> UInt64 {
            count >= 8 ? ~0 : (1 << UInt64(8 * count)) &- 1
        }

        /// Lines next to a "site | @handle 12" footer that look like titles are the page's
        /// header and section name, printed with it.
        private static func markCompanions(of footer: Int, _ lines: UnsafeMutableBufferPointer<SourceLine>, _ bytes: UnsafeBufferPointer<UInt8>) {
            var before = footer - 1
            while before >= 0 && lines[before].kind == .blank { before -= 1 }
            if before >= 0 && looksLikeTitle(lines[before], bytes) { lines[before].kind = .furniture }
            var after = footer + 1
            while after < lines.count && lines[after].kind == .blank { after += 1 }
            if after < lines.count && looksLikeTitle(lines[after], bytes) { lines[after].kind = .furniture }
        }

        private static func looksLikeTitle(_ line: SourceLine, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            line.kind == .text && line.end - line.start <= maximumLength && !Bytes.endsSentence(bytes, line.start, line.end)
                && bytes[line.end - 1] != UInt8(ascii: ",")
        }

        /// A line that could be a running title: short, opening a block, starting with a
        /// letter and not ending a sentence. Asked of every line, and most fail the first test.
        @inline(__always)
        fileprivate static func isCandidate(_ line: SourceLine, after previous: LineKind, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard line.kind == .text, previous == .blank || previous == .furniture, line.end - line.start <= maximumLength else { return false }
            let first = bytes[line.start]
            guard Bytes.isLetter(first) || first >= 0xC0 else { return false }
            return !Bytes.endsSentence(bytes, line.start, line.end) && bytes[line.end - 1] != UInt8(ascii: ",")
        }

        /// The first two bytes of some texts, hashed into a 4096-bit map: a filter that
        /// never turns away a text opening like one of them.
        private struct BytePairFilter {
            private var bits = SlotBitmap(slots: 4096)

            mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) {
                bits.insert(Self.slot(bytes, start))
            }

            func mayContain(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
                bits.contains(Self.slot(bytes, start))
            }

            @inline(__always)
            private static func slot(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
                (Int(bytes[start]) << 4 ^ Int(bytes[start &+ 1])) & 4095
            }
        }

        /// A set of line lengths up to `maximumLength`, as a bitmap.
        private struct LengthSet {
            private var bits: (UInt64, UInt64) = (0, 0)

            var isEmpty: Bool { bits.0 | bits.1 == 0 }

            func contains(_ length: Int) -> Bool {
                if length < 64 { return bits.0 & (1 << UInt64(length)) != 0 }
                return length < 128 && bits.1 & (1 << UInt64(length - 64)) != 0
            }

            mutating func insert(_ length: Int) {
                if length < 64 { bits.0 |= 1 << UInt64(length) } else if length < 128 { bits.1 |= 1 << UInt64(length - 64) }
            }

            mutating func formUnion(_ other: LengthSet) {
                bits = (bits.0 | other.bits.0, bits.1 | other.bits.1)
            }

            /// Calls `body` with every length in the set below `limit`, in increasing order.
            func forEach(below limit: Int, _ body: (Int) -> Void) {
                var low = bits.0
                while low != 0 {
                    let length = low.trailingZeroBitCount
                    if length >= limit { return }
                    body(length)
                    low &= low - 1
                }
                var high = bits.1
                while high != 0 {
                    let length = 64 + high.trailingZeroBitCount
                    if length >= limit { return }
                    body(length)
                    high &= high - 1
                }
            }
        }
    }
}
