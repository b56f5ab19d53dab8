/// Distinct sequences of ids, numbered 0, 1, 2... in the order first added, and stored
/// one after another in one array. The compiler numbers atoms (symbol lists) and token
/// classes (symbol sets) this way: an FNV-1a hash and open addressing over the numbers
/// cost a fraction of a `Dictionary` keyed by arrays, which allocates a key per sequence
/// and runs SipHash at every look-up and again at every resize.
struct SequenceTable {
    /// Sequence s is elements[starts[s] ..< starts[s + 1]].
    private(set) var elements: [Int32] = []
    private(set) var starts: [Int32] = [0]
    private var hashes: [UInt64] = []
    /// Open addressing: a sequence number, or -1 for an empty slot; a power of two long,
    /// and never more than half full.
    private var slots = [Int32](repeating: -1, count: 64)

    var count: Int { hashes.count }

    /// The number of `sequence`, and whether this call added it.
    mutating func insert(_ sequence: [Int32]) -> (id: Int32, isNew: Bool) {
        let hash = Self.hash(sequence)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == hash && elements[Int(starts[id])..<Int(starts[id + 1])].elementsEqual(sequence) {
                return (Int32(id), false)
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        slots[slot] = id
        hashes.append(hash)
        elements += sequence
        starts.append(Int32(elements.count))
        if count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// The elements of sequence `id`.
    subscript(id: Int) -> ArraySlice<Int32> { elements[Int(starts[id])..<Int(starts[id + 1])] }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    private static func hash(_ sequence: [Int32]) -> UInt64 {
        var hash: UInt64 = 0xCBF29CE484222325
        for element in sequence { hash = (hash ^ UInt64(UInt32(bitPattern: element))) &* 0x100000001B3 }
        // The low bits pick the slot: fold the better-mixed high bits into them.
        return hash ^ (hash >> 29)
    }
}
