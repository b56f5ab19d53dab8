extension MetadataDetector {
    /// Phrases looked up by their first word, so that at each word of a text only the
    /// phrases starting with that very word are tried. Words are keyed by a hash of their
    /// letters, computed as the text is read (`ScanText.word(at:)`); phrases whose words
    /// share a key are tried together, each checked in full. Each group keeps the table's
    /// order, which is the order of preference when several phrases match.
    ///
    /// A class, not a struct, so that reading a table's index from its `static let` in a
    /// loop does not retain and release its arrays each time.
    final class PhraseIndex: Sendable {
        let phrases: [Phrase]
        /// The groups laid end to end, each in table order.
        private let members: [Int]
        /// An open-addressing hash table from word key to group; a slot with an empty group is free.
        private let slotKeys: [UInt64]
        private let slotGroups: [Range<Int>]
        /// One bit per hash of a key (`filterBit`), set for every first word: most words of
        /// a text start no phrase, and one bit tells so without probing the table.
        private let firstWordBits: SlotBitmap

        init(_ phrases: [Phrase]) {
            self.phrases = phrases
            var groups: [UInt64: [Int]] = [:]
            var keys: [UInt64] = []
            for (index, phrase) in phrases.enumerated() {
                for word in phrase.firstWords {
                    let key = word.reduce(Self.emptyWordKey, Self.wordKey)
                    if groups[key] == nil { keys.append(key) }
                    if groups[key, default: []].last != index { groups[key, default: []].append(index) }
                }
            }
            var capacity = 8
            while capacity < 2 * keys.count { capacity *= 2 }
            var slotKeys = [UInt64](repeating: 0, count: capacity)
            var slotGroups = [Range<Int>](repeating: 0..<0, count: capacity)
            var members: [Int] = []
            for key in keys {
                var slot = Self.slot(of: key, capacity: capacity)
                while !slotGroups[slot].isEmpty { slot = (slot + 1) & (capacity - 1) }
                slotKeys[slot] = key
                slotGroups[slot] = members.count..<(members.count + groups[key]!.count)
                members += groups[key]!
            }
            self.members = members
            self.slotKeys = slotKeys
            self.slotGroups = slotGroups
            var bits = SlotBitmap(slots: Self.filterSlots)
            for key in keys { bits.insert(Self.filterBit(of: key)) }
            firstWordBits = bits
        }

        /// 4096 bits: a table of hundreds of place names sets few enough of them that
        /// nearly every other word finds its bit clear.
        private static let filterSlots = 4096

        private static func filterBit(of key: UInt64) -> Int {
            Int(truncatingIfNeeded: ((key ^ key >> 32) &* 0x9E37_79B9_7F4A_7C15) >> 52)
        }

        /// FNV-1a over a word's lower-case letters.
        static let emptyWordKey: UInt64 = 0xCBF2_9CE4_8422_2325

        @inline(__always)
        static func wordKey(_ key: UInt64, _ letter: UInt8) -> UInt64 {
            (key ^ UInt64(letter)) &* 0x0000_0100_0000_01B3
        }

        private static func slot(of key: UInt64, capacity: Int) -> Int {
            Int(truncatingIfNeeded: key ^ key >> 29) & (capacity - 1)
        }

        private func group(for key: UInt64) -> Range<Int> {
            guard firstWordBits.contains(Self.filterBit(of: key)) else { return 0..<0 }
            var slot = Self.slot(of: key, capacity: slotKeys.count)
            while !slotGroups[slot].isEmpty {
                if slotKeys[slot] == key { return slotGroups[slot] }
                slot = (slot + 1) & (slotKeys.count - 1)
            }
            return 0..<0
        }

        /// Whether some phrase starts with the word whose key is `word`.
        func mayStart(withWord word: UInt64) -> Bool { !group(for: word).isEmpty }

        /// The first phrase, in table order, written at `offset` and followed by what
        /// `isEnd` accepts; its index and end.
        func firstMatch(at offset: Int, in text: ScanText, isEnd: (Int) -> Bool) -> (index: Int, end: Int)? {
            for member in group(for: text.word(at: offset).key) {
                let index = members[member]
                if let end = phrases[index].end(at: offset, in: text), isEnd(end) { return (index, end) }
            }
            return nil
        }
    }
}
