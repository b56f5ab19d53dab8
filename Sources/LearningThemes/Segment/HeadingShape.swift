extension ParagraphSegmenter {
    /// Tests on cleaned text that tell a heading from a sentence. Headings are short, do
    /// not end like sentences and start with a capital; lead-ins such as "The review has
    /// considered the following resources:" end with a colon but are too long.
    enum HeadingShape {
        /// A heading wrapped over lines by a large font may be longer than one on a line of its
        /// own, where 80 characters already make a sentence ("7.2 Children and young people
        /// in Croydon have the chance to thrive, learn and fulfil their potential").
        /// Asides in brackets do not count towards the length: "Emerging themes from our local
        /// serious incidents and reviews (Annual Report Section 9: Pg 88-93)".
        static func isNumberedHeading(_ buffer: UnsafeBufferPointer<UInt8>, lineCount: Int) -> Bool {
            let count = buffer.count
            // The tests that read a few bytes come before those that read them all.
            guard count <= 160, count > 0, !Bytes.isLower(buffer[0]), hasWords(buffer),
                  lengthOutsideBrackets(buffer) <= (lineCount > 1 ? 120 : 80) else { return false }
            switch Bytes.lastPunctuation(buffer, 0, count) {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: ","):
                return false
            case UInt8(ascii: ":"):
                return Bytes.wordCount(buffer, 0, count, limit: 6) <= 6
            default:
                return !FunctionWords.endsWithOne(buffer, 0, count)
            }
        }

        /// "24 Appendices": a bare number followed by a few capitalised words, without the
        /// figures of "23 January 2024".
        static func isBareNumberHeading(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
            let count = buffer.count
            guard count <= 40, hasWords(buffer), Bytes.isUpper(buffer[0]) else { return false }
            for byte in buffer where Bytes.isDigit(byte) { return false }
            return Bytes.wordCount(buffer, 0, count, limit: 5) <= 5 && !endsLikeSentence(buffer) && buffer[count - 1] != UInt8(ascii: ":")
        }

        static func isBoldHeading(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
            guard buffer.count <= 100, hasWords(buffer) else { return false }
            switch Bytes.lastPunctuation(buffer, 0, buffer.count) {
            case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ","): return false
            default: return true
            }
        }

        /// "SUMMARY OF REPORT", "RECOMMENDATIONS": capitals without figures ("MOPAC £5,000" is
        /// a table line).
        static func isCapitals(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            guard text.count <= 80 else { return false }
            var letters = 0
            for byte in text {
                if Bytes.isLower(byte) || Bytes.isDigit(byte) { return false }
                switch byte {
                case UInt8(ascii: "%"), UInt8(ascii: "$"), 0xA3: return false  // 0xA3 ends "£"
                default: break
                }
                if Bytes.isUpper(byte) { letters += 1 }
            }
            return letters >= 5 && !endsLikeSentence(text)
        }

        /// "Financial difficulties", "Effective Challenge": a short line on its own. Commas,
        /// colons and at-signs mark the lines of name lists, glossaries and cover pages
        /// ("Director, Camden Learning", "CAMHS: Child and Adolescent ...", "Email: x@y").
        static func isPlainHeading(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
            let count = buffer.count
            // The tests that read a few bytes come before those that read them all.
            guard count <= 70, count > 0, Bytes.isUpper(buffer[0]), hasWords(buffer) else { return false }
            switch Bytes.lastPunctuation(buffer, 0, count) {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"),
                 UInt8(ascii: ","), Bytes.hyphen:
                return false
            default:
                break
            }
            return hasFewWordsAndNoListMarks(buffer, limit: 8) && !FunctionWords.endsWithOne(buffer, 0, count)
        }

        /// At most `limit` blank-separated words and no comma, colon or at-sign; eight bytes
        /// a step, as a byte loop cost more than every other test of a short unit together.
        static func hasFewWordsAndNoListMarks(_ buffer: UnsafeBufferPointer<UInt8>, limit: Int) -> Bool {
            var words = 0
            // The flag (a byte's high bit, as `SWAR` masks give it) of the byte before the
            // eight being read: set when it is a blank, as before the text.
            var blankBefore: UInt64 = 0x80
            var index = 0
            while index < buffer.count {
                // Padded with spaces, which are blanks and no marks.
                let word = SWAR.word(buffer, at: index, padding: Bytes.space)
                if SWAR.bytes(equalTo: UInt8(ascii: ","), in: word) | SWAR.bytes(equalTo: UInt8(ascii: ":"), in: word)
                    | SWAR.bytes(equalTo: UInt8(ascii: "@"), in: word) != 0 { return false }
                let blanks = SWAR.bytes(below: Bytes.space + 1, in: word) | SWAR.bytes(equalTo: 0x7F, in: word)
                // A word starts at each byte that is no blank after one that is.
                let wordStarts = SWAR.highBits & ~blanks & (blanks << 8 | blankBefore)
                // Each start flag moved to the low bit of its byte; the multiply adds the bytes up in the top one.
                words &+= Int(truncatingIfNeeded: ((wordStarts >> 7) &* 0x0101_0101_0101_0101) >> 56)
                if words > limit { return false }
                blankBefore = blanks >> 56
                index += 8
            }
            return true
        }

        static func endsLikeSentence(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
            switch Bytes.lastPunctuation(buffer, 0, buffer.count) {
            case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ","): return true
            default: return false
            }
        }

        static func lengthOutsideBrackets(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
            // Everything before the first "(" counts; most headings have none.
            let open = ByteSearch.offset(of: UInt8(ascii: "("), in: buffer, from: 0) ?? buffer.count
            var depth = 0
            var length = open
            for byte in buffer[open...] {
                if byte == UInt8(ascii: "(") {
                    depth += 1
                } else if byte == UInt8(ascii: ")") && depth > 0 {
                    depth -= 1
                } else if depth == 0 {
                    length += 1
                }
            }
            return length
        }

        /// At least two ASCII letters: enough to tell words from debris such as "13%".
        static func hasWords(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
            var letters = 0
            for byte in buffer where Bytes.isLetter(byte) {
                letters += 1
                if letters >= 2 { return true }
            }
            return false
        }
    }
}
