extension ParagraphSegmenter {
    /// The first line seen with each cheap key of a line's text (its length and its first and
    /// last eight bytes). Nearly every candidate for a running title is a text seen once; a
    /// line whose key no line had before has a text no line had before, so it is counted
    /// here in a few operations, and only lines whose key comes again are hashed in full
    /// and counted by `LineTallies`.
    struct LineSightings {
        struct Entry {
            var key: UInt64
            var start: Int
            var length: Int32
            /// Its index among the lines.
            var line: Int32
            /// Another line had the key: the lines with it are counted in full.
            var isShared = false
        }

        /// In the order the keys were first seen.
        private(set) var entries: [Entry] = []
        private var slots: EntrySlots

        /// Room for `expectedCount` keys without growing.
        init(expectedCount: Int = 0) {
            slots = EntrySlots(expectedCount: expectedCount)
            entries.reserveCapacity(expectedCount)
        }

        /// The key of the text `bytes[start..<start + length]`. Equal texts have equal keys;
        /// different texts may share one.
        @inline(__always)
        static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, length: Int) -> UInt64 {
            var key = UInt64(length)
            if length >= 8, let base = UnsafeRawPointer(bytes.baseAddress) {
                let last = SWAR.word(base, at: start &+ length &- 8)
                // Turned, so that the bytes the two words share (in a line under sixteen bytes) do not cancel out.
                key ^= SWAR.word(base, at: start) ^ (last << 29 | last >> 35)
            } else {
                for offset in 0..<length { key ^= UInt64(bytes[start + offset]) << UInt64(8 * offset + 8) }
            }
            return key
        }

        /// The entry of the first line with `key`, if any, and else the slot it would go into.
        /// The slot is valid until the next insertion.
        func find(_ key: UInt64) -> (slot: Int, entry: Int?) {
            slots.find(hash: EntrySlots.spread(key)) { entries[$0].key == key }
        }

        /// Records the first line with `key`, whose slot `find` gave.
        mutating func insert(_ key: UInt64, start: Int, length: Int, line: Int, at slot: Int) {
            entries.append(Entry(key: key, start: start, length: Int32(truncatingIfNeeded: length),
                                 line: Int32(truncatingIfNeeded: line)))
            slots.fill(slot, with: entries.count - 1) { EntrySlots.spread(entries[$0].key) }
        }

        mutating func markShared(_ entry: Int) { entries[entry].isShared = true }
    }
}
