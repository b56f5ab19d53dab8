extension ParagraphSegmenter {
    /// The first line seen with each cheap key of a line's text (its length and its first and
    /// last eight bytes). Nearly every candidate for a running title is a text seen once; a
    /// line whose key no line had before has a text no line had before, so it is counted
    /// here in a few operations, and only lines whose key comes again are hashed in full
    /// and counted by `LineTallies`.
    struct LineSightings {
        struct Entry {
            /// 0 marks an empty slot.
            var key: UInt64 = 0
            var start = 0
            var length: Int32 = 0
            /// Its index among the lines.
            var line: Int32 = 0
            /// Another line had the key: the lines with it are counted in full.
            var isShared = false
        }

        private(set) var entries: [Entry]
        private var mask: Int
        private var count = 0

        /// Room for `expectedCount` keys without growing.
        init(expectedCount: Int = 0) {
            let capacity = WordKeySet.capacity(holding: expectedCount, fill: 2)
            entries = Array(repeating: Entry(), count: capacity)
            mask = capacity - 1
        }

        /// The key of the text `bytes[start..<start + length]`; never 0. Equal texts have
        /// equal keys; different texts may share one.
        @inline(__always)
        static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, length: Int) -> UInt64 {
            var key = UInt64(length)
            if length >= 8, let base = UnsafeRawPointer(bytes.baseAddress) {
                let last = SWAR.word(base, at: start + length - 8)
                // Turned, so that the bytes the two words share (in a line under sixteen bytes) do not cancel out.
                key ^= SWAR.word(base, at: start) ^ (last << 29 | last >> 35)
            } else {
                for offset in 0..<length { key ^= UInt64(bytes[start + offset]) << UInt64(8 * offset + 8) }
            }
            let mixed = key &* 0x9E37_79B9_7F4A_7C15
            return mixed == 0 ? 1 : mixed
        }

        /// The slot holding `key`, or the empty slot it would go into. Valid until the next
        /// insertion, which may grow the table.
        func slot(of key: UInt64) -> Int {
            var slot = Int(truncatingIfNeeded: key >> 40) & mask
            while entries[slot].key != 0 && entries[slot].key != key { slot = (slot + 1) & mask }
            return slot
        }

        /// Records the first line with `key`, whose slot `slot(of:)` gave.
        mutating func insert(_ key: UInt64, start: Int, length: Int, line: Int, at slot: Int) {
            entries[slot] = Entry(key: key, start: start, length: Int32(truncatingIfNeeded: length), line: Int32(truncatingIfNeeded: line))
            count += 1
            if count * 2 > entries.count { grow() }
        }

        mutating func markShared(_ slot: Int) { entries[slot].isShared = true }

        private mutating func grow() {
            let old = entries
            entries = Array(repeating: Entry(), count: old.count * 2)
            mask = entries.count - 1
            for entry in old where entry.key != 0 { entries[slot(of: entry.key)] = entry }
        }
    }
}
