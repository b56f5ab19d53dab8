extension MetadataDetector {
    /// A stretch of UTF-8 text (a window of lines, one line, one table cell) and the small
    /// steps every matcher of this folder is built from. Offsets are byte offsets into
    /// `bytes`; nothing before `start` or from `end` on is seen, not even by a look at the
    /// neighbouring character, just as a regular expression saw only the string it was given.
    ///
    /// The bytes come from a Swift `String`, so they are valid UTF-8, and every bound is
    /// at a line break or tab, so no scalar is cut in two.
    struct ScanText {
        let bytes: [UInt8]
        let start: Int
        let end: Int

        init(_ string: String) {
            bytes = Array(string.utf8)
            start = 0
            end = bytes.count
        }

        init(bytes: [UInt8], range: Range<Int>) {
            self.bytes = bytes
            start = range.lowerBound
            end = range.upperBound
        }

        func string(_ range: Range<Int>) -> String {
            bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }

        /// The byte at `offset`, or nil outside the text: lets a matcher test a position
        /// without first testing the bound.
        func byte(_ offset: Int) -> UInt8? {
            offset >= start && offset < end ? bytes[offset] : nil
        }

        /// The byte at `offset` lower-cased if it is an ASCII capital.
        func folded(_ offset: Int) -> UInt8? {
            guard let byte = byte(offset) else { return nil }
            return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }

        // MARK: Scalars

        /// The scalar starting at `offset` (which must be inside the text) and its length.
        func scalar(at offset: Int) -> (value: UInt32, length: Int) {
            Self.decode(bytes, at: offset)
        }

        /// The scalar of valid UTF-8 `bytes` starting at `offset`, and its length.
        @inline(__always)
        static func decode<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at offset: Bytes.Index) -> (value: UInt32, length: Int)
        where Bytes.Index == Int {
            let lead = UInt32(bytes[offset])
            if lead < 0x80 { return (lead, 1) }
            let count = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = lead & (0xFF >> UInt32(count + 1))
            for index in 1..<count { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
            return (value, count)
        }

        /// The scalar ending just before `offset` and where it starts, nil at the start.
        func scalar(before offset: Int) -> (value: UInt32, start: Int)? {
            guard offset > start else { return nil }
            var first = offset - 1
            while first > start, bytes[first] & 0xC0 == 0x80 { first -= 1 }
            return (scalar(at: first).value, first)
        }

        /// Where the scalar after the one at `offset` starts: how a search steps on without
        /// ever landing inside a multi-byte character.
        func next(after offset: Int) -> Int {
            bytes[offset] < 0x80 ? offset + 1 : offset + scalar(at: offset).length
        }

        func isWord(at offset: Int) -> Bool {
            guard offset < end else { return false }
            let byte = bytes[offset]
            return byte < 0x80 ? ScalarClass.isASCIIWord(byte) : ScalarClass.isWord(scalar(at: offset).value)
        }
        func isWord(before offset: Int) -> Bool {
            guard offset > start else { return false }
            let byte = bytes[offset - 1]
            if byte < 0x80 { return ScalarClass.isASCIIWord(byte) }
            return scalar(before: offset).map { ScalarClass.isWord($0.value) } ?? false
        }
        func isDigit(at offset: Int) -> Bool {
            guard offset < end else { return false }
            let byte = bytes[offset]
            return byte < 0x80 ? byte >= 0x30 && byte <= 0x39 : ScalarClass.isDigit(scalar(at: offset).value)
        }
        func isDigit(before offset: Int) -> Bool { scalar(before: offset).map { ScalarClass.isDigit($0.value) } ?? false }
        func isSpace(at offset: Int) -> Bool {
            guard offset < end else { return false }
            let byte = bytes[offset]
            return byte < 0x80 ? byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) : ScalarClass.isSpace(scalar(at: offset).value)
        }
        func isLineTerminator(at offset: Int) -> Bool {
            offset < end && ScalarClass.isLineTerminator(scalar(at: offset).value)
        }

        /// After a decimal digit at `offset`, or nil when there is none.
        func digitEnd(at offset: Int) -> Int? {
            guard offset < end else { return nil }
            let byte = bytes[offset]
            if byte < 0x80 { return byte >= 0x30 && byte <= 0x39 ? offset + 1 : nil }
            let (value, length) = scalar(at: offset)
            return ScalarClass.isDigit(value) ? offset + length : nil
        }

        // MARK: Word boundaries

        /// Whether a word that starts at `offset` starts there (`\b`): the nearest
        /// character before it, looking through marks and format characters, is no word
        /// character.
        func isWordStart(_ offset: Int) -> Bool {
            // An ASCII character before is neither a mark nor a format character.
            if offset > start, bytes[offset - 1] < 0x80 { return !ScalarClass.isASCIIWord(bytes[offset - 1]) }
            var position = offset
            while let previous = scalar(before: position) {
                if !ScalarClass.isBoundaryTransparent(previous.value) { return !ScalarClass.isWord(previous.value) }
                position = previous.start
            }
            return true
        }

        /// Whether a word that ends just before `offset` ends there (`\b`): what follows
        /// is no word character, nor a mark or format character that would join it.
        func isWordEnd(_ offset: Int) -> Bool {
            guard offset < end else { return true }
            if bytes[offset] < 0x80 { return !ScalarClass.isASCIIWord(bytes[offset]) }
            let value = scalar(at: offset).value
            return !ScalarClass.isWord(value) && !ScalarClass.isBoundaryTransparent(value)
        }

        /// Whether the text starts, after spaces and tabs, with "#": a Markdown heading.
        /// Nil when a mark follows the "#", which may make the two one character that is
        /// not "#": only comparing `Character`s settles that.
        func startsAsHeading() -> Bool? {
            var offset = start
            while offset < end {
                // Among ASCII characters only the space is a space separator: most lines
                // start with a letter, which needs no look at Unicode's tables.
                let byte = bytes[offset]
                if byte == 0x20 || byte == 0x09 { offset += 1; continue }
                guard byte >= 0x80 else { break }
                let (value, length) = scalar(at: offset)
                guard Unicode.Scalar(value)?.properties.generalCategory == .spaceSeparator else { break }
                offset += length
            }
            guard byte(offset) == UInt8(ascii: "#") else { return false }
            guard offset + 1 < end, ScalarClass.mayJoinPrevious(scalar(at: offset + 1).value) else { return true }
            return nil
        }

        // MARK: Runs

        /// After any whitespace at `offset` (`\s*`); `offset` itself when there is none.
        func spacesEnd(from offset: Int) -> Int {
            var position = offset
            while position < end {
                let byte = bytes[position]
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { position += 1; continue }
                guard byte >= 0x80 else { break }
                let (value, length) = scalar(at: position)
                guard ScalarClass.isSpace(value) else { break }
                position += length
            }
            return position
        }

        /// The space between two words of a name or phrase: spaces, tabs and no-break
        /// spaces with at most one line break among them, because PDF extraction wraps
        /// names ("Camden \nSafeguarding") but a blank line ends a paragraph. Nil when
        /// there is no such space at `offset`.
        func gapEnd(from offset: Int) -> Int? {
            var position = offset
            var sawLineBreak = false
            while position < end {
                let byte = bytes[position]
                if byte == 0x20 || byte == 0x09 {
                    position += 1
                } else if byte == 0xC2, position + 1 < end, bytes[position + 1] == 0xA0 {
                    position += 2
                } else if byte == 0x0A, !sawLineBreak {
                    sawLineBreak = true
                    position += 1
                } else {
                    break
                }
            }
            return position > offset ? position : nil
        }

        /// After `word` (lower-case ASCII) written at `offset` in any case, or nil.
        func wordEnd(_ word: [UInt8], at offset: Int) -> Int? {
            guard offset + word.count <= end else { return nil }
            for (index, letter) in word.enumerated() where folded(offset + index) != letter { return nil }
            return offset + word.count
        }

        /// The ASCII letters starting at `offset` (maybe none) read as a word: where it
        /// ends, and its key for looking it up in a `PhraseIndex`.
        func word(at offset: Int) -> (end: Int, key: UInt64) {
            var position = offset, key = PhraseIndex.emptyWordKey
            while position < end, case let lower = bytes[position] | 0x20, lower >= 0x61, lower <= 0x7A {
                key = PhraseIndex.wordKey(key, lower)
                position += 1
            }
            return (position, key)
        }

        /// After the ASCII letters starting at `offset` (`[a-z]+`, any case), or nil.
        func lettersEnd(from offset: Int) -> Int? {
            var position = offset
            while position < end, case let lower = bytes[position] | 0x20, lower >= 0x61, lower <= 0x7A { position += 1 }
            return position > offset ? position : nil
        }

        /// The first line terminator at or after `offset`. Read byte by byte rather than
        /// scalar by scalar: in valid UTF-8 the ASCII terminators are never part of another
        /// character, and NEL (C2 85), LS and PS (E2 80 A8/A9) are told by their lead byte.
        func firstLineTerminator(from offset: Int) -> Int? {
            var position = offset
            while position < end {
                let byte = bytes[position]
                if byte < 0x80 {
                    if byte >= 0x0A && byte <= 0x0D { return position }
                } else if byte == 0xC2 {
                    if position + 1 < end, bytes[position + 1] == 0x85 { return position }
                } else if byte == 0xE2 {
                    if position + 2 < end, bytes[position + 1] == 0x80, bytes[position + 2] & 0xFE == 0xA8 { return position }
                }
                position += 1
            }
            return nil
        }
    }
}
