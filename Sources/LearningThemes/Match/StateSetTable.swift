/// Finds a `PhraseStateCache` state by its set of NFA nodes: open addressing over state
/// ids, keyed by a hash of the sorted node list, whose lists stay in the cache's own
/// buffers. A miss of the cache then costs no allocation and no hashing of arrays.
struct StateSetTable {
    /// Per slot: a state id (`vacant` if unused) and its set's hash, to skip most compares.
    private var states: UnsafeMutablePointer<Int32>
    private var hashes: UnsafeMutablePointer<UInt64>
    private var mask: Int
    private var count = 0
    private static let vacant: Int32 = -1

    init() {
        mask = 1023
        states = .allocate(capacity: mask + 1)
        hashes = .allocate(capacity: mask + 1)
        states.initialize(repeating: StateSetTable.vacant, count: mask + 1)
    }

    func deallocate() {
        states.deallocate()
        hashes.deallocate()
    }

    mutating func clear() {
        states.update(repeating: StateSetTable.vacant, count: mask + 1)
        count = 0
    }

    static func hash(_ set: UnsafeBufferPointer<Int32>) -> UInt64 { IDSequenceHash.hash(set) }

    /// The state whose nodes (nodes[nodeStart[s] ..< nodeStart[s + 1]]) are `set`, or -1.
    func find(_ set: UnsafeBufferPointer<Int32>, hash: UInt64,
              nodes: ScratchBuffer<Int32>, nodeStart: ScratchBuffer<Int32>) -> Int32 {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while states[slot] != StateSetTable.vacant {
            let state = Int(states[slot])
            if hashes[slot] == hash {
                let first = Int(nodeStart[state])
                if Int(nodeStart[state + 1]) - first == set.count
                    && set.indices.allSatisfy({ nodes[first + $0] == set[$0] }) {
                    return Int32(state)
                }
            }
            slot = (slot + 1) & mask
        }
        return -1
    }

    /// Adds `state`, whose set hashes to `hash` and is not in the table yet.
    mutating func insert(_ state: Int32, hash: UInt64) {
        if (count + 1) * 2 > mask + 1 { grow() }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while states[slot] != StateSetTable.vacant { slot = (slot + 1) & mask }
        states[slot] = state
        hashes[slot] = hash
        count += 1
    }

    private mutating func grow() {
        let oldStates = states, oldHashes = hashes, oldSlots = mask + 1
        mask = oldSlots * 2 - 1
        states = .allocate(capacity: mask + 1)
        hashes = .allocate(capacity: mask + 1)
        states.initialize(repeating: StateSetTable.vacant, count: mask + 1)
        count = 0
        for slot in 0..<oldSlots where oldStates[slot] != StateSetTable.vacant {
            insert(oldStates[slot], hash: oldHashes[slot])
        }
        oldStates.deallocate()
        oldHashes.deallocate()
    }
}
