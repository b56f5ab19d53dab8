/// The slot array of an open-addressing table whose entries are kept elsewhere and
/// numbered 0, 1, 2... in the order added (`SequenceTable`, `TermTable`, the segmenter's
/// `LineTallies` and `LineSightings`): each slot holds an entry number or -1, probing is
/// linear, and the array, a power of two long, doubles when half full. The tables own
/// their entries and hashes; this holds only the probing. A hash picks a slot by its low
/// bits, so they must be well mixed (see `spread`).
struct EntrySlots {
    private var slots: [Int32]

    /// Room for `expectedCount` entries without growing.
    init(expectedCount: Int = 0) {
        slots = [Int32](repeating: -1, count: Self.capacity(holding: expectedCount, fill: 2))
    }

    /// The power-of-two slot count of an open-addressing table that keeps `count` entries
    /// at most one slot in `fill` used, so that probe chains stay short.
    static func capacity(holding count: Int, fill: Int, smallest: Int = 64) -> Int {
        var capacity = smallest
        while capacity < count * fill { capacity *= 2 }
        return capacity
    }

    /// A key multiplied by the golden ratio's 64-bit fraction, its well-mixed high half
    /// moved to the low bits that pick a slot.
    @inline(__always)
    static func spread(_ key: UInt64) -> UInt64 { (key &* 0x9E37_79B9_7F4A_7C15) >> 32 }

    /// The slot of the entry with `hash` for which `isEntry` holds, or else the empty slot
    /// where such an entry would go.
    func find(hash: UInt64, isEntry: (Int) -> Bool) -> (slot: Int, entry: Int?) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            if isEntry(Int(slots[slot])) { return (slot, Int(slots[slot])) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    /// Puts entry `entry`, the table's `entry + 1`th, in the empty `slot` that `find` gave;
    /// `hashOf` gives any entry's hash for when the slots must grow.
    mutating func fill(_ slot: Int, with entry: Int, hashOf: (Int) -> UInt64) {
        slots[slot] = Int32(entry)
        guard (entry + 1) * 2 > slots.count else { return }
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for placed in 0...entry {
            var slot = Int(truncatingIfNeeded: hashOf(placed)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(placed)
        }
    }
}

/// FNV-1a over 32-bit ids, the high bits folded into the low ones, which pick the slot.
enum IDSequenceHash {
    static func hash(_ ids: UnsafeBufferPointer<Int32>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for id in ids { hash = (hash ^ UInt64(UInt32(bitPattern: id))) &* 0x0000_0100_0000_01B3 }
        return hash ^ (hash >> 29)
    }
}
