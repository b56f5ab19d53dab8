extension ParagraphSegmenter {
    /// Counts repeated lines by their text, in an open-addressing table keyed by `LineHash`
    /// (a `Dictionary` would spend more on seeded hashing than the segmenter spends on the
    /// line). Each entry remembers where the first line with its text is, so that a line
    /// whose hash matches is compared with it: different texts may share a hash.
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
            let capacity = WordKeySet.capacity(holding: expectedCount, fill: 2)
            entries = Array(repeating: Entry(), count: capacity)
            mask = capacity - 1
        }

        /// The slot counting the text `bytes[start..<start + length]`, whose hash is `hash`, or nil.
        func find(_ hash: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, length: Int) -> Int? {
            var slot = WordKeySet.home(hash, mask)
            while true {
                let entry = entries[slot]
                if entry.count == 0 { return nil }
                if entry.hash == hash && Self.holds(entry, bytes, start, length) { return slot }
                slot = (slot + 1) & mask
            }
        }

        /// Whether `entry` counts the text `bytes[start..<start + length]`: a text with the same hash may differ.
        private static func holds(_ entry: Entry, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Bool {
            guard Int(entry.length) == length else { return false }
            guard length >= 8, let base = UnsafeRawPointer(bytes.baseAddress) else {
                for offset in 0..<length where bytes[entry.start + offset] != bytes[start + offset] { return false }
                return true
            }
            // Eight bytes at a time, the last eight overlapping the words before them.
            var offset = 0
            while offset < length - 8 {
                if SWAR.word(base, at: entry.start + offset) != SWAR.word(base, at: start + offset) { return false }
                offset += 8
            }
            return SWAR.word(base, at: entry.start + length - 8) == SWAR.word(base, at: start + length - 8)
        }

        /// Counts one more sighting of the text in `slot` (as `find` gave it).
        mutating func increment(_ slot: Int) { entries[slot].count += 1 }

        /// Counts the first sighting of the text at `start`, which `find` did not find.
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
