extension ParagraphSegmenter {
    /// A short ASCII word packed into an integer (6 bits a character, case folded), so the
    /// small word lists of the segmenter are looked up without building a String per line.
    enum WordKey {
        static let maximumLength = 10

        /// The key of `bytes[start..<end]`, or nil when it is empty, too long or not alphanumeric.
        static func of(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64? {
            guard end > start, end - start <= maximumLength else { return nil }
            var key: UInt64 = 0
            var index = start
            while index < end {
                let byte = bytes[index]
                let code: UInt64
                if Bytes.isLetter(byte) {
                    code = UInt64((byte | 0x20) - UInt8(ascii: "a")) + 11
                } else if Bytes.isDigit(byte) {
                    code = UInt64(byte - UInt8(ascii: "0")) + 1
                } else {
                    return nil
                }
                key = key << 6 | code
                index += 1
            }
            return key
        }

        static func of(_ word: String) -> UInt64? {
            var copy = word
            return copy.withUTF8 { of($0, 0, $0.count) }
        }

        /// The key of the last word of `bytes[start..<end]` when that word is all letters,
        /// used to ask whether a line stops on a word like "the".
        static func ofLastWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64? {
            // A longer word has no key anyway; stopping early keeps repeated calls on a growing
            // text from rescanning it.
            let limit = max(start, end - maximumLength - 1)
            var wordStart = end
            // The key is packed on the way back, last letter lowest, as `of` packs it forwards.
            var key: UInt64 = 0
            var shift: UInt64 = 0
            while wordStart > limit {
                let byte = bytes[wordStart - 1]
                guard Bytes.isLetter(byte) else { break }
                key |= (UInt64((byte | 0x20) - UInt8(ascii: "a")) + 11) &<< shift
                shift += 6
                wordStart -= 1
            }
            if wordStart > start && !Bytes.isBlank(bytes[wordStart - 1]) { return nil }
            guard wordStart < end, end - wordStart <= maximumLength else { return nil }
            return key
        }
    }

    /// Words after which an English sentence cannot end: a line stopping on one of them
    /// continues on the next line, however short it is.
    enum FunctionWords {
        private static let words = [
            "a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "into", "on", "onto", "at",
            "by", "for", "from", "with", "within", "without", "as", "than", "that", "which", "who",
            "whom", "whose", "where", "while", "whilst", "is", "are", "was", "were", "be", "been",
            "being", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might",
            "must", "shall", "their", "its", "our", "your", "his", "her", "this", "these", "such",
            "between", "including", "across", "through", "throughout", "under", "among", "amongst",
            "during", "over", "towards", "toward", "against", "whether", "because", "via", "per", "upon",
        ]

        /// Both lookups in one value, so that a call checks one lazy global, not two.
        private struct Table {
            let keys = WordKeySet(FunctionWords.words)
            let endings = WordEndings(FunctionWords.words)
        }

        private static let table = Table()

        static var keys: WordKeySet { table.keys }

        static func endsWithOne(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            let table = self.table
            // Asked of nearly every line: the last two bytes turn most lines away before a key is built.
            guard end > start, table.endings.mayEndOne(bytes, start, end) else { return false }
            guard let key = WordKey.ofLastWord(bytes, start, end) else { return false }
            return table.keys.contains(key)
        }
    }

    /// The last two letters of some words, case folded (a blank standing in front of a
    /// one-letter word), as a 1024-bit map: a filter that never turns away a text ending
    /// in one of the words as a whole word.
    struct WordEndings: Sendable {
        private var bits = SlotBitmap(slots: 1024)

        init(_ words: [String]) {
            for word in words {
                let letters = Array(word.utf8)
                guard let last = letters.last else { continue }
                let slot = Self.slot(before: letters.count >= 2 ? letters[letters.count - 2] : Bytes.space, last: last)
                if let slot { bits.insert(slot) }
            }
        }

        @inline(__always)
        func mayEndOne(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            guard let slot = Self.slot(before: end - 2 >= start ? bytes[end - 2] : Bytes.space, last: bytes[end - 1]) else { return false }
            return bits.contains(slot)
        }

        /// Letters fold to 1...26; a blank before the last letter is 0. Nil when the text
        /// cannot end in a whole word of letters.
        @inline(__always)
        private static func slot(before: UInt8, last: UInt8) -> Int? {
            guard Bytes.isLetter(last) else { return nil }
            let first: Int
            if Bytes.isLetter(before) {
                first = Int(before & 31)
            } else if Bytes.isBlank(before) {
                first = 0
            } else {
                return nil
            }
            return first << 5 | Int(last & 31)
        }
    }
}
