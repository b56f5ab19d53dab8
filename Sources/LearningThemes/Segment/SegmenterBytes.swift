extension ParagraphSegmenter {
    /// Byte tests for UTF-8 text. Everything that signals structure in these documents is
    /// ASCII, so multi-byte characters only need to be skipped over, never decoded.
    enum Bytes {
        static let tab: UInt8 = 0x09
        static let newline: UInt8 = 0x0A
        static let formFeed: UInt8 = 0x0C
        static let space: UInt8 = 0x20
        static let hyphen = UInt8(ascii: "-")

        /// Controls (NUL included) count as blanks: extraction debris should never glue words.
        @inline(__always) static func isBlank(_ byte: UInt8) -> Bool { byte <= 0x20 || byte == 0x7F }
        @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
        @inline(__always) static func isLower(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
        @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
        @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
        @inline(__always) static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }
        /// The second to fourth bytes of a multi-byte character: left out when lines are measured in characters.
        @inline(__always) static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

        /// Characters in `bytes[start..<end]`, counting each UTF-8 sequence once.
        static func characterCount(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
            var count = 0
            var index = start
            while index < end {
                if !isContinuation(bytes[index]) { count += 1 }
                index += 1
            }
            return count
        }

        /// The index of the first blank in `bytes[start..<end]`, or `end`; sixteen bytes at a time.
        static func firstBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
            var index = start
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while index + 16 <= end {
                    let chunk = ByteVectors.load(base, at: index)
                    let blank = (chunk .< ByteVectors.Lanes(repeating: space &+ 1)) .| (chunk .== ByteVectors.Lanes(repeating: 0x7F))
                    if let lane = ByteVectors.firstFlagged(ByteVectors.laneFlags(blank)) { return index + lane }
                    index += 16
                }
            }
            while index < end && !isBlank(bytes[index]) { index += 1 }
            return index
        }

        /// Holds a blank among its first sixteen bytes: one test that settles nearly all lines
        /// of prose (a word longer than that is rare).
        @inline(__always)
        static func hasBlankNearStart(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            // Two words tested all at once: asked of every line, a byte loop cost more than the
            // rest of the furniture tests together, and eight bytes alone left a third of the
            // lines (those opening on a long word) to the search for a web address.
            if start &+ 16 <= bytes.count, end > start, let base = UnsafeRawPointer(bytes.baseAddress) {
                let length = end &- start
                return hasBlank(SWAR.word(base, at: start), length: length)
                    || (length > 8 && hasBlank(SWAR.word(base, at: start &+ 8), length: length &- 8))
            }
            let stop = min(end, start + 16)
            var index = start
            while index < stop {
                if isBlank(bytes[index]) { return true }
                index += 1
            }
            return false
        }

        /// Some byte of the first `length` of `word` is a blank.
        @inline(__always)
        private static func hasBlank(_ word: UInt64, length: Int) -> Bool {
            var word = word
            if length < 8 {
                // Bytes past the line read as letters.
                let kept: UInt64 = (1 << UInt64(8 * length)) &- 1
                word = (word & kept) | (0x6161_6161_6161_6161 & ~kept)
            }
            return SWAR.hasByteBelow(0x21, in: word) || SWAR.hasByte(0x7F, in: word)
        }

        /// Holds a blank the cleaner would rewrite: a control, a double space or a no-break space.
        static func hasOddBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            var index = start
            while index < end {
                let byte = bytes[index]
                if byte < space || byte == 0x7F { return true }
                if index + 1 < end && ((byte == space && bytes[index + 1] == space) || (byte == 0xC2 && bytes[index + 1] == 0xA0)) {
                    return true
                }
                index += 1
            }
            return false
        }

        /// Index just past the closing quotes, brackets and emphasis stars at the end of
        /// `bytes[start..<end]`, so the punctuation they enclose can be read. Looks back at
        /// most 32 bytes: a longer run of closers encloses nothing worth reading.
        static func endBeforeClosers(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
            let floor = max(start, end - 32)
            var index = end
            while index > floor {
                let byte = bytes[index - 1]
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "*"):
                    index -= 1
                case 0x99, 0x9D:
                    guard index - start >= 3, bytes[index - 3] == 0xE2, bytes[index - 2] == 0x80 else { return index }
                    index -= 3  // ’ or ”
                default:
                    return index
                }
            }
            return index
        }

        /// The last meaningful byte of `bytes[start..<end]`, ignoring closers; nil when there is none.
        /// Inlined: asked of nearly every line and unit, most of which end on no closer,
        /// and then the last byte is the answer without the call.
        @inline(__always)
        static func lastPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt8? {
            guard end > start else { return nil }
            let last = bytes[end - 1]
            if !mayClose(last) { return last }
            let index = endBeforeClosers(bytes, start, end)
            return index > start ? bytes[index - 1] : nil
        }

        /// A byte `endBeforeClosers` may step back over (the last byte of "’" and "”" among them).
        @inline(__always)
        private static func mayClose(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "*"), 0x99, 0x9D: return true
            default: return false
            }
        }

        /// True when the text ends a sentence or introduces what follows (`:`).
        @inline(__always)
        static func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            switch lastPunctuation(bytes, start, end) {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"): return true
            default: return false
            }
        }

        /// Counts blank-separated words, stopping early once `limit` is exceeded.
        static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, limit: Int) -> Int {
            var count = 0
            var inWord = false
            var index = start
            while index < end {
                if isBlank(bytes[index]) {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                    if count > limit { return count }
                }
                index += 1
            }
            return count
        }

        /// Start of the last blank-separated word of `bytes[start..<end]`, looking back at most
        /// `limit` bytes (so that asking again as a text grows never rescans it).
        static func lastWordStart(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, limit: Int = 64) -> Int {
            let floor = max(start, end - limit)
            var index = end
            while index > floor && !isBlank(bytes[index - 1]) { index -= 1 }
            return index
        }

        /// End of the first blank-separated word of `bytes[start..<end]`.
        static func firstWordEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
            var index = start
            while index < end && !isBlank(bytes[index]) { index += 1 }
            return index
        }
    }
}
