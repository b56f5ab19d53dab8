extension MetadataDetector.PartnershipName {
    /// Where in a text a partnership name can start, found in one pass over its bytes so
    /// that the word-by-word search runs only there.
    ///
    /// Every body ends in "partnership(s)" or "board", and everything between a name's
    /// start and its body (places, "and", "&", commas, gaps, "'s") is made of a few kinds
    /// of byte (`isLinkByte`). So a name can start only in a stretch of such bytes that
    /// goes on to hold one of those words, and no later than the last of them. A stretch
    /// also ends at a blank line: a gap takes one line break, and only the spaces before a
    /// comma take more.
    enum NameReach {
        /// Ranges, in order, outside which no name starts.
        static func startRanges(in text: MetadataDetector.ScanText) -> [Range<Int>] {
            var stretches = Stretches(start: text.start)
            let partnership = Self.partnership, board = Self.board
            byteKinds.withUnsafeBufferPointer { kinds in
                text.bytes.withUnsafeBufferPointer { bytes in
                    var offset = text.start
                    while offset < text.end {
                        switch kinds[Int(bytes[offset])] {
                        case .link:
                            offset = plainLinkEnd(from: offset + 1, to: text.end, in: bytes)
                        case .bodyInitial:
                            let word = bytes[offset] | 0x20 == UInt8(ascii: "p") ? partnership : board
                            if startsWord(word, at: offset, in: bytes, end: text.end) { stretches.lastBodyWord = offset }
                            offset += 1
                        case .lineBreak:
                            let blank = blankLine(after: offset, in: bytes, end: text.end)
                            if blank.endsStretch { stretches.end(restartingAt: blank.spacesEnd) }
                            // The spaces hold no body word: they are passed over once.
                            offset = max(offset + 1, blank.spacesEnd)
                        case .fullStop:
                            // The only full stop of a name is that of "St." ("St. Helens").
                            if offset == text.start || bytes[offset - 1] | 0x20 != UInt8(ascii: "t") {
                                stretches.end(restartingAt: offset + 1)
                            }
                            offset += 1
                        case .other:
                            stretches.end(restartingAt: offset + 1)
                            offset += 1
                        }
                    }
                }
            }
            stretches.end(restartingAt: text.end)
            return stretches.ranges
        }

        /// The stretches found so far, and the one being read: a value of its own rather
        /// than variables a local function shares, which cost a runtime access check at
        /// every byte the loop read.
        private struct Stretches {
            var ranges: [Range<Int>] = []
            var start: Int
            var lastBodyWord = -1

            init(start: Int) { self.start = start }

            mutating func end(restartingAt next: Int) {
                if lastBodyWord >= start { ranges.append(start..<(lastBodyWord + 1)) }
                start = next
            }
        }

        private enum ByteKind {
            /// A byte that may come inside a name.
            case link
            /// P or B, which may start a body word.
            case bodyInitial
            case lineBreak
            case fullStop
            /// A byte that comes in no name.
            case other
        }

        private static let byteKinds: [ByteKind] = (0..<256).map { byte in
            switch UInt8(byte) {
            case lineBreak: .lineBreak
            case fullStop: .fullStop
            case UInt8(ascii: "p"), UInt8(ascii: "P"), UInt8(ascii: "b"), UInt8(ascii: "B"): .bodyInitial
            default: isLinkByte[byte] ? .link : .other
            }
        }

        private static let partnership = Array("partnership".utf8), board = Array("board".utf8)
        private static let lineBreak = UInt8(ascii: "\n"), fullStop = UInt8(ascii: ".")

        /// Where the run of bytes from `offset` that are links and nothing else (ASCII
        /// letters other than P and B, spaces, tabs, the bytes of non-ASCII characters)
        /// ends, or a point short of it: most bytes of prose are such, and are passed over
        /// sixteen at a time rather than one by one.
        @inline(__always)
        private static func plainLinkEnd(from offset: Int, to end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
            guard let base = UnsafeRawPointer(bytes.baseAddress) else { return offset }
            typealias Lanes = ByteVectors.Lanes
            var offset = offset
            while offset + Lanes.scalarCount <= end {
                let chunk = ByteVectors.load(base, at: offset)
                let folded = chunk | Lanes(repeating: 0x20)
                // Letters fold to 0x61...0x7A, which this moves to the lowest signed bytes.
                let isLetter = unsafeBitCast(folded &+ Lanes(repeating: 0x1F), to: SIMD16<Int8>.self) .< SIMD16<Int8>(repeating: -102)
                let isNonASCII = unsafeBitCast(chunk, to: SIMD16<Int8>.self) .< SIMD16<Int8>(repeating: 0)
                let plain = (isLetter .& (folded .!= Lanes(repeating: UInt8(ascii: "p"))) .& (folded .!= Lanes(repeating: UInt8(ascii: "b"))))
                    .| (chunk .== Lanes(repeating: 0x20)) .| (chunk .== Lanes(repeating: 0x09)) .| isNonASCII
                if let lane = ByteVectors.firstFlagged(ByteVectors.laneFlags(.!plain)) { return offset + lane }
                offset += Lanes.scalarCount
            }
            return offset
        }

        /// `word` (lower case) written at `offset` in any case.
        @inline(__always)
        private static func startsWord(_ word: [UInt8], at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
            guard offset + word.count <= end else { return false }
            for index in 1..<word.count where bytes[offset + index] | 0x20 != word[index] { return false }
            return true
        }

        /// Whether the line break at `offset` starts a blank line (only spaces and tabs
        /// before the next line break) that no comma follows, and, when the line is blank,
        /// where the whitespace after it ends.
        private static func blankLine(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>,
                                      end: Int) -> (endsStretch: Bool, spacesEnd: Int) {
            var position = offset + 1
            while position < end, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
            guard position < end, bytes[position] == lineBreak else { return (false, offset + 1) }
            while position < end, bytes[position] == 0x20 || (bytes[position] >= 0x09 && bytes[position] <= 0x0D) { position += 1 }
            // The spaces before a comma may also be non-ASCII ones.
            let endsStretch = position == end || (bytes[position] != UInt8(ascii: ",") && bytes[position] < 0x80)
            return (endsStretch, position)
        }

        /// ASCII letters and whitespace, "-", ",", "&", the apostrophes of "'s" ("’" is
        /// among the non-ASCII bytes, all taken, as are non-ASCII spaces) and any other
        /// byte the tables' place names and bodies are spelt with.
        private static let isLinkByte: [Bool] = {
            var table = (0..<256).map { byte in
                byte >= 0x80 || MetadataDetector.ScalarClass.isASCIILetter(UInt8(byte)) || byte == 0x20 || (0x09...0x0D).contains(byte)
            }
            for byte in "-,&'".utf8 { table[Int(byte)] = true }
            for phrase in MetadataDetector.PlaceNames.phrases + bodyIndex.phrases {
                for piece in phrase.pieces {
                    switch piece {
                    case .literal(let byte), .optional(let byte):
                        precondition(byte != fullStop || phrase.spelling.hasSuffix("St") || phrase.spelling.contains("St "),
                                     "a full stop other than that of \"St.\" in \(phrase.spelling)")
                        if byte != fullStop { table[Int(byte)] = true }
                    default: break
                    }
                }
            }
            return table
        }()
    }
}
