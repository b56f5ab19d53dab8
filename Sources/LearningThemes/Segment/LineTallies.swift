extension ParagraphSegmenter {
    /// Counts repeated lines by their text, keyed by `LineHash` (a `Dictionary` would spend
    /// more on seeded hashing than the segmenter spends on the line). Each entry remembers
    /// where the first line with its text is, so that a line whose hash matches is compared
    /// with it: different texts may share a hash.
    struct LineTallies {
        struct Entry {
            var hash: UInt64
            var start: Int
            var length: Int32
            var count: Int32 = 1
            var isPrefix = false
        }

        /// In the order the texts were first seen.
        private(set) var entries: [Entry] = []
        private var slots = EntrySlots()

        /// The entry counting the text `bytes[start..<start + length]`, whose hash is `hash`, or nil.
        func find(_ hash: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, length: Int) -> Int? {
            slots.find(hash: EntrySlots.spread(hash)) { index in
                entries[index].hash == hash && Self.holds(entries[index], bytes, start, length)
            }.entry
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

        /// Counts one more sighting of the text of `entry` (as `find` gave it).
        mutating func increment(_ entry: Int) { entries[entry].count += 1 }

        /// Counts the first sighting of the text at `start`, which `find` did not find.
        mutating func insert(_ hash: UInt64, start: Int, length: Int) {
            // No entry holds the text: the probe ends at the empty slot it goes into.
            let slot = slots.find(hash: EntrySlots.spread(hash)) { _ in false }.slot
            entries.append(Entry(hash: hash, start: start, length: Int32(truncatingIfNeeded: length)))
            slots.fill(slot, with: entries.count - 1) { EntrySlots.spread(entries[$0].hash) }
        }

        mutating func markPrefix(_ entry: Int) { entries[entry].isPrefix = true }
    }
}
