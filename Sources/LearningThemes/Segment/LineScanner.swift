extension ParagraphSegmenter {
    /// Reads a text line by line, two sixteen-byte chunks at a time, and notes on the way everything
    /// later stages would otherwise scan each line again for: tabs, angle brackets, bytes
    /// the cleaner must look at, and the bytes of multi-byte characters. Prose is words
    /// between single spaces: a chunk of it is passed over with a few vector operations.
    struct LineScanner {
        typealias Chunk = SIMD16<UInt8>

        /// One line as the scanner saw it, untrimmed.
        struct Line {
            var start: Int
            /// The newline or form feed that ends the line, or the end of the text.
            var end: Int
            /// What the scan counts, in one word reset at once per line: the marks in the low
            /// byte, the odd blanks (counted up to 3) in the next, the continuation bytes in
            /// the high half. As a field each, the scan loop could not keep them in registers,
            /// and kept several copies of each to reset at every line end.
            private var tally: UInt64 = 0
            /// Valid while `oddBlanks` is above 0.
            var firstOddBlank = 0
            var lastOddBlank = 0

            init(start: Int, end: Int) {
                self.start = start
                self.end = end
            }

            struct Marks: OptionSet {
                let rawValue: UInt8
                static let tab = Marks(rawValue: 1)
                static let angle = Marks(rawValue: 2)
                /// A byte other than a blank that the cleaner removes or rewrites (markup,
                /// references, emphasis, invisible characters).
                static let needsCleaning = Marks(rawValue: 4)
                /// An "&", which needs the cleaner only where it opens a reference.
                static let ampersand = Marks(rawValue: 8)
            }

            // Always inlined, as is everything the scan loop calls: the loop is one large
            // function, past the size where the compiler inlines small functions by itself.

            /// What the scan saw, one bit each.
            var marks: Marks { @inline(__always) get { Marks(rawValue: UInt8(truncatingIfNeeded: tally)) } }

            @inline(__always)
            mutating func insert(_ marks: Marks) { tally |= UInt64(marks.rawValue) }

            /// Blanks the cleaner collapses or rewrites (controls but tabs, double spaces,
            /// no-break spaces), up to 3: they only matter inside the trimmed line, which is
            /// not known yet, and beyond two the line is searched again.
            var oddBlanks: Int { @inline(__always) get { Int(truncatingIfNeeded: tally >> 8 & 0xFF) } }

            @inline(__always)
            mutating func countOddBlank() { if tally & 0xFF00 < 0x0300 { tally &+= 0x100 } }

            /// The second to fourth bytes of multi-byte characters, which characters do not count.
            var continuations: Int { @inline(__always) get { Int(truncatingIfNeeded: tally >> 32) } }

            @inline(__always)
            mutating func countContinuation() { tally &+= 1 << 32 }

            var sawTab: Bool { @inline(__always) get { marks.contains(.tab) } }
            var sawAngle: Bool { @inline(__always) get { marks.contains(.angle) } }
            var needsCleaning: Bool { @inline(__always) get { marks.contains(.needsCleaning) } }

            /// Starts the next line at `start`, in place.
            @inline(__always)
            mutating func restart(at start: Int) {
                self.start = start
                tally = 0
            }

            /// Nothing in `first..<last` (the trimmed line) needs the cleaner: the line, or
            /// each of its tab-separated cells with its blanks trimmed, is its own cleaned text.
            @inline(__always)
            func isPlain(_ bytes: UnsafeBufferPointer<UInt8>, _ first: Int, _ last: Int) -> Bool {
                // One test for both marks: most lines have neither.
                if marks.rawValue & (Marks.needsCleaning.rawValue | Marks.ampersand.rawValue) != 0
                    && (needsCleaning || Self.holdsReference(bytes, first, last)) { return false }
                if oddBlanks == 0 { return true }
                if (first..<last).contains(firstOddBlank) || (first..<last).contains(lastOddBlank) { return false }
                // Two odd blanks both outside: one leads and one trails. More may lie between.
                return oddBlanks <= 2 || !Bytes.hasOddBlank(bytes, first, last)
            }

            /// Some "&" in `bytes[first..<last]` may open a reference ("&amp;", "&#8217;"): only
            /// one before a letter, a figure or "#" can. "Camden & Islington" holds none, and the
            /// cleaner copies it as it is. Out of line: few lines hold an "&".
            @inline(never)
            static func holdsReference(_ bytes: UnsafeBufferPointer<UInt8>, _ first: Int, _ last: Int) -> Bool {
                var index = first
                while let ampersand = ByteSearch.offset(of: UInt8(ascii: "&"), in: bytes, from: index, to: last) {
                    // The byte after the line (its end or a tab) is no letter, as the end of the text is not.
                    let following = ampersand + 1 < bytes.count ? bytes[ampersand + 1] : 0
                    if following == UInt8(ascii: "#") || Bytes.isAlphanumeric(following) { return true }
                    index = ampersand + 1
                }
                return false
            }
        }

        let bytes: UnsafeBufferPointer<UInt8>

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// Calls `body` with every line in order. A text ending in a newline has no empty
        /// line after it. The scan goes on across line ends, so a short line costs no more
        /// than the chunks it shares with its neighbours.
        @inline(__always)
        func forEachLine(_ body: (Line) -> Void) {
            let count = bytes.count
            var line = Line(start: 0, end: count)
            var index = 0
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while true {
                    let (pairIndex, lanesFound) = Self.nextNotablePair(base, from: index, count: count)
                    index = pairIndex
                    guard lanesFound != 0 else { break }
                    // One loop over one word of lane bits: the words of each chunk, each in a
                    // loop of its own, made the compiler keep several copies of the line being built.
                    var lanes = lanesFound
                    while lanes != 0 {
                        let position = index &+ lanes.trailingZeroBitCount
                        if note(position, &line) {
                            line.end = position
                            body(line)
                            line.restart(at: position &+ 1)
                        }
                        lanes &= lanes &- 1
                    }
                    index &+= 2 &* Chunk.scalarCount
                }
            }
            while index < count {
                let byte = bytes[index]
                let following = index + 1 < count ? bytes[index + 1] : 0
                if Self.isNotable(byte, following: following) && note(index, &line) {
                    line.end = index
                    body(line)
                    line.restart(at: index + 1)
                }
                index += 1
            }
            if line.start < count {
                line.end = count
                body(line)
            }
        }

        /// The first pair of chunks at or after `index` that holds a notable byte, with its
        /// lanes as `laneBits` gives them (the second chunk's from bit 16); or where the whole
        /// pairs end, with none. Two chunks a step: prose has no notable byte in most of them,
        /// and one test and branch for both costs less than one each. Inlined: a call for
        /// every notable pair (one or two a line) spilled and reloaded the line being built
        /// around it, which cost more than the loop over prose gains from having the
        /// registers to itself.
        @inline(__always)
        private static func nextNotablePair(_ base: UnsafeRawPointer, from start: Int, count: Int) -> (Int, UInt32) {
            var index = start
            // One byte of look-ahead finds a double space that straddles two chunks.
            while index &+ 2 &* Chunk.scalarCount &+ 1 <= count {
                let first = notableLanes(base.loadUnaligned(fromByteOffset: index, as: Chunk.self),
                                         base.loadUnaligned(fromByteOffset: index &+ 1, as: Chunk.self))
                let second = notableLanes(base.loadUnaligned(fromByteOffset: index &+ Chunk.scalarCount, as: Chunk.self),
                                          base.loadUnaligned(fromByteOffset: index &+ Chunk.scalarCount &+ 1, as: Chunk.self))
                if first.0 | first.1 | second.0 | second.1 != 0 { return (index, laneBits(first) | laneBits(second) << 16) }
                index &+= 2 &* Chunk.scalarCount
            }
            return (index, 0)
        }

        /// The lanes holding a byte worth a look, as 0x01 bytes in two machine words:
        /// controls, DEL and every byte of a multi-byte character (one range test), the
        /// first bytes of markup, references, emphasis and links, and a space with another
        /// after it. What `PlainRuns` stops at, but for the "!" of an image link (see
        /// `PlainRuns.markupOrDoubleSpace`); `note` sorts them out.
        @inline(__always)
        private static func notableLanes(_ chunk: Chunk, _ following: Chunk) -> (UInt64, UInt64) {
            // Printable ASCII (0x20...0x7E) maps to -128...-34 as signed bytes, everything else
            // above: one signed comparison, where an unsigned one takes SSE2 three instructions.
            let shifted = unsafeBitCast(chunk &+ Chunk(repeating: 0x60), to: SIMD16<Int8>.self)
            let notable = (shifted .> SIMD16<Int8>(repeating: -34)) .| PlainRuns.markupOrDoubleSpace(chunk, following)
            // Lanes of 1, not 0xFF: the compiler then need not widen the comparison results again.
            // `ByteVectors.laneFlags` does the same; written out here, because calling it
            // from this loop, the hottest of the segmenter, changed what the compiler inlined
            // around it and cost 3.5M instructions on the bench corpus.
            let flags = Chunk(repeating: 0).replacing(with: 1, where: notable)
            return unsafeBitCast(flags, to: (UInt64, UInt64).self)
        }

        /// The lanes flagged in `flags` (as `notableLanes` gives them) as the low sixteen bits
        /// of a word, lane 0 lowest. The multiply gathers the flag bits of eight lanes into
        /// its top byte: each lands there from exactly one partial product, so none carries.
        @inline(__always)
        private static func laneBits(_ flags: (UInt64, UInt64)) -> UInt32 {
            let gather: UInt64 = 0x0102_0408_1020_4080
            return UInt32(truncatingIfNeeded: (flags.0 &* gather) >> 56) | UInt32(truncatingIfNeeded: (flags.1 &* gather) >> 56) << 8
        }

        /// `notableLanes` for one byte and the byte after it.
        @inline(__always)
        private static func isNotable(_ byte: UInt8, following: UInt8) -> Bool {
            switch byte {
            case 0..<Bytes.space, 0x7F...0xFF, UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "<"), UInt8(ascii: "["):
                return true
            case Bytes.space:
                return following == Bytes.space
            default:
                return false
            }
        }

        /// Notes one notable byte; returns true when it ends the line.
        @inline(__always)
        private func note(_ index: Int, _ line: inout Line) -> Bool {
            let byte = bytes[index]
            switch byte {
            case Bytes.newline, Bytes.formFeed:
                return true
            case 0x80...0xBF:
                line.countContinuation()
            case Bytes.tab:
                // A tab separates cells, which are cleaned one by one: it is no odd blank.
                line.insert(.tab)
            case 0..<Bytes.space, 0x7F, Bytes.space:
                // A space is notable only when another follows it.
                noteOddBlank(index, &line)
            case UInt8(ascii: "<"):
                line.insert([.angle, .needsCleaning])
            case 0xC2:
                let following = index + 1 < bytes.count ? bytes[index + 1] : 0
                if following == 0xA0 {
                    noteOddBlank(index, &line)
                } else if following == 0xAD {
                    line.insert(.needsCleaning)
                }
            case 0xE2:
                // Zero-width space and joiners.
                if index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] &- 0x8B < 3 { line.insert(.needsCleaning) }
            case 0xEF:
                // A byte order mark.
                if index + 1 < bytes.count && bytes[index + 1] == 0xBB { line.insert(.needsCleaning) }
            case 0xC0...0xFF:
                break  // the first byte of a character copied as it is
            case UInt8(ascii: "&"):
                line.insert(.ampersand)
            default:
                line.insert(.needsCleaning)  // * [
            }
            return false
        }

        @inline(__always)
        private func noteOddBlank(_ index: Int, _ line: inout Line) {
            if line.oddBlanks == 0 { line.firstOddBlank = index }
            line.lastOddBlank = index
            line.countOddBlank()
        }
    }
}
