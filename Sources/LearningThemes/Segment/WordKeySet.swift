extension ParagraphSegmenter {
    /// A fixed set of word keys with open addressing and a multiplicative hash. Asked once
    /// per line ("does it end on a function word?"), where the seeded hashing of `Set`
    /// would cost more than everything else done with the line.
    struct WordKeySet: Sendable {
        private var slots: [UInt64]
        private let mask: Int

        init(_ words: [String]) {
            self.init(keys: words.compactMap { WordKey.of($0) })
        }

        /// Any nonzero keys.
        init(keys: [UInt64]) {
            let capacity = EntrySlots.capacity(holding: keys.count, fill: 4, smallest: 16)
            mask = capacity - 1
            slots = Array(repeating: 0, count: capacity)
            for key in keys {
                var slot = Self.home(key, mask)
                while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & mask }
                slots[slot] = key
            }
        }

        /// Keys are never 0 (every packed character of a word is at least 1), so 0 marks an empty slot.
        func contains(_ key: UInt64) -> Bool {
            var slot = Self.home(key, mask)
            while true {
                let stored = slots[slot]
                if stored == key { return true }
                if stored == 0 { return false }
                slot = (slot + 1) & mask
            }
        }

        @inline(__always)
        static func home(_ key: UInt64, _ mask: Int) -> Int {
            Int(truncatingIfNeeded: EntrySlots.spread(key)) & mask
        }
    }
}
