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
    private var slots = EntrySlots()

    var count: Int { hashes.count }

    /// The number of `sequence`, and whether this call added it.
    mutating func insert(_ sequence: [Int32]) -> (id: Int32, isNew: Bool) {
        let hash = sequence.withUnsafeBufferPointer(IDSequenceHash.hash)
        let (slot, found) = slots.find(hash: hash) { id in
            hashes[id] == hash && elements[Int(starts[id])..<Int(starts[id + 1])].elementsEqual(sequence)
        }
        if let found { return (Int32(found), false) }
        let id = count
        hashes.append(hash)
        elements += sequence
        starts.append(Int32(elements.count))
        slots.fill(slot, with: id) { hashes[$0] }
        return (Int32(id), true)
    }

    /// The elements of sequence `id`.
    subscript(id: Int) -> ArraySlice<Int32> { elements[Int(starts[id])..<Int(starts[id + 1])] }
}
