extension ParagraphSegmenter {
    /// Counts repeated lines by a 64-bit hash of their bytes, in an open-addressing table
    /// (a `Dictionary` would spend more on seeded hashing than the segmenter spends on the
    /// line). Each entry remembers where the first line with that hash is, so callers can
    /// check that a match is the same text and not a collision.
    struct LineTallies {
        struct Entry {
            var hash: UInt64 = 0
            var start = 0
            var length: Int32 = 0
            var count: Int32 = 0
            var isPrefix = false
        }

        private(set) var entries: [Entry]
        private var mask: Int
        private(set) var count = 0

        /// Room for `expectedCount` hashes without growing.
        init(expectedCount: Int = 0) {
            var capacity = 64
            while capacity < expectedCount * 2 { capacity *= 2 }
            entries = Array(repeating: Entry(), count: capacity)
            mask = capacity - 1
        }

        /// The slot holding `hash`, or nil.
        func find(_ hash: UInt64) -> Int? {
            var slot = WordKeySet.home(hash, mask)
            while true {
                let entry = entries[slot]
                if entry.count == 0 { return nil }
                if entry.hash == hash { return slot }
                slot = (slot + 1) & mask
            }
        }

        /// Counts one more sighting of the text in `slot` (as `find` gave it).
        mutating func increment(_ slot: Int) { entries[slot].count += 1 }

        /// Counts the first sighting of `hash`, which `find` did not find, as the text at `start`.
        mutating func insert(_ hash: UInt64, start: Int, length: Int) {
            if (count + 1) * 2 > entries.count { grow() }
            var slot = WordKeySet.home(hash, mask)
            while entries[slot].count != 0 { slot = (slot + 1) & mask }
            entries[slot] = Entry(hash: hash, start: start, length: Int32(truncatingIfNeeded: length), count: 1)
            count += 1
        }

        mutating func markPrefix(_ slot: Int) { entries[slot].isPrefix = true }

        private mutating func grow() {
            let old = entries
            entries = Array(repeating: Entry(), count: old.count * 2)
            mask = entries.count - 1
            for entry in old where entry.count != 0 {
                var slot = WordKeySet.home(entry.hash, mask)
                while entries[slot].count != 0 { slot = (slot + 1) & mask }
                entries[slot] = entry
            }
        }
    }
}
