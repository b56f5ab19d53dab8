import Foundation

extension MetadataDetector {
    /// Turning extracted text (Markdown emphasis, HTML fragments, tabs) into plain values.
    enum TextCleaning {
        /// The text's words (runs of characters that are not whitespace) joined by single
        /// spaces. Worked out on UTF-8 bytes, which is much faster than on `Character`s and
        /// gives the same result unless a mark follows whitespace or a Prepend scalar comes
        /// (which change where characters start); then it is worked out on `Character`s.
        static func collapsingWhitespace(_ text: String) -> String {
            var text = text
            // Most values are collapsed already: they are kept, not copied into a new string.
            guard !text.withUTF8(isCollapsed) else { return text }
            let collapsed: String? = text.withUTF8 { utf8 in
                var canJoin = false
                // Whitespace runs become at most one space and every other byte is kept,
                // so the result is never longer than the text: it is written in place.
                let words = String(unsafeUninitializedCapacity: utf8.count) { output in
                    var count = 0
                    var isBetweenWords = false, afterSpace = false
                    var offset = 0
                    while offset < utf8.count {
                        let byte = utf8[offset]
                        if byte < 0x80 {
                            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                                isBetweenWords = count > 0
                                afterSpace = true
                            } else {
                                if isBetweenWords {
                                    output[count] = 0x20
                                    count += 1
                                }
                                isBetweenWords = false
                                afterSpace = false
                                output[count] = byte
                                count += 1
                            }
                            offset += 1
                            continue
                        }
                        let (value, length) = ScanText.decode(utf8, at: offset)
                        if ScalarClass.isSpace(value) {
                            isBetweenWords = count > 0
                            afterSpace = true
                        } else {
                            if afterSpace && ScalarClass.mayJoinPrevious(value) || ScalarClass.mayJoinNext(value) {
                                canJoin = true
                                return 0
                            }
                            if isBetweenWords {
                                output[count] = 0x20
                                count += 1
                            }
                            isBetweenWords = false
                            afterSpace = false
                            for index in offset..<(offset + length) {
                                output[count] = utf8[index]
                                count += 1
                            }
                        }
                        offset += length
                    }
                    return count
                }
                return canJoin ? nil : words
            }
            guard let collapsed else { return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
            return collapsed
        }

        /// Whether `collapsingWhitespace` would give back `utf8` unchanged: no whitespace
        /// but single spaces between words, and no character that may join across one
        /// (when unsure, false: the full reading settles it).
        private static func isCollapsed(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
            var afterSpace = true
            var offset = 0
            while offset < utf8.count {
                let byte = utf8[offset]
                if byte < 0x80 {
                    if byte == 0x20 {
                        if afterSpace { return false }
                        afterSpace = true
                    } else if byte >= 0x09 && byte <= 0x0D {
                        return false
                    } else {
                        afterSpace = false
                    }
                    offset += 1
                    continue
                }
                let (value, length) = ScanText.decode(utf8, at: offset)
                if ScalarClass.isSpace(value) || ScalarClass.mayJoinPrevious(value) || ScalarClass.mayJoinNext(value) { return false }
                afterSpace = false
                offset += length
            }
            return !afterSpace || utf8.isEmpty
        }

        /// Lower-cased, "&" read as "and", hyphens, full stops, commas and line breaks as
        /// spaces: the spelling-independent form under which table entries (places, labels)
        /// are compared. The entries are ASCII, so this works on bytes (Foundation's string
        /// replacing cost more than all the rest of building the tables); only ASCII letters
        /// are lower-cased.
        static func lookupKey(_ text: String) -> String {
            var spaced: [UInt8] = []
            spaced.reserveCapacity(text.utf8.count + 8)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "&"): spaced += [0x20, UInt8(ascii: "a"), UInt8(ascii: "n"), UInt8(ascii: "d"), 0x20]
                case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ","): spaced.append(0x20)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): spaced.append(byte | 0x20)
                default: spaced.append(byte)
                }
            }
            return collapsingWhitespace(String(decoding: spaced, as: UTF8.self))
        }

        /// The text with markup read as spaces, whitespace collapsed. Markup is an HTML
        /// tag of 1-80 characters ("<b>", "<span class=x>"; a longer "<...>" is more likely
        /// prose with a less-than sign), "*" or "**" of Markdown emphasis, and the "#"s
        /// (and the spaces after them) that open a Markdown heading.
        static func plain(_ text: String) -> String {
            var text = text
            let kept: [UInt8]? = text.withUTF8 { utf8 in
                utf8.contains { $0 == lessThan || $0 == asterisk || $0 == hash } ? withoutMarkup(utf8) : nil
            }
            guard let kept else { return collapsingWhitespace(text) }
            return collapsingWhitespace(String(decoding: kept, as: UTF8.self))
        }

        /// `utf8` with its markup replaced by spaces (before whitespace is collapsed).
        /// Worked on bytes: every byte of markup is ASCII, and the characters counted in a
        /// tag are counted as scalars (`tagClose`), as they were when this was done on an
        /// array of `Unicode.Scalar`s, which cost more than all the rest of cleaning a line.
        private static func withoutMarkup(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8] {
            let text = ScanText(bytes: Array(utf8), range: 0..<utf8.count)
            var kept: [UInt8] = []
            kept.reserveCapacity(utf8.count + 1)
            var offset = 0
            if text.byte(0) == hash {
                while text.byte(offset) == hash { offset += 1 }
                while offset < text.end, case let (value, length) = text.scalar(at: offset), ScalarClass.isSpace(value) { offset += length }
                kept.append(space)
            }
            while offset < text.end {
                let byte = text.bytes[offset]
                if byte == lessThan, let close = tagClose(in: text, openingAt: offset) {
                    kept.append(space)
                    offset = close + 1
                } else if byte == asterisk {
                    kept.append(space)
                    offset += text.byte(offset + 1) == asterisk ? 2 : 1
                } else {
                    kept.append(byte)
                    offset += 1
                }
            }
            return kept
        }

        /// The first ">" after the "<" at `open`, when 1-80 characters (scalars, not
        /// bytes) lie between them.
        static func tagClose(in text: ScanText, openingAt open: Int) -> Int? {
            var offset = open + 1, between = 0
            while offset < text.end, between <= longestTag {
                if text.bytes[offset] == UInt8(ascii: ">") { return between >= 1 ? offset : nil }
                offset = text.next(after: offset)
                between += 1
            }
            return nil
        }

        private static let longestTag = 80
        private static let lessThan = UInt8(ascii: "<"), asterisk = UInt8(ascii: "*"), hash = UInt8(ascii: "#")
        private static let space = UInt8(ascii: " ")
    }
}
