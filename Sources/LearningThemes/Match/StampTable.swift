/// A fixed-size table of per-atom marks, stamped with the paragraph's generation so
/// nothing needs clearing between paragraphs. Like `ScratchBuffer`, a view of memory that
/// `MatchBuffers` owns.
struct StampTable {
    let stamps: UnsafeMutablePointer<UInt32>
    /// Meaningful only where the stamp is current (for atoms: first index in the grouped
    /// occurrences, and number of occurrences).
    let values: UnsafeMutablePointer<Int32>
    let counts: UnsafeMutablePointer<Int32>
    let count: Int

    init(count: Int) {
        self.count = count
        stamps = .allocate(capacity: max(1, count))
        stamps.initialize(repeating: 0, count: max(1, count))
        values = .allocate(capacity: max(1, count))
        values.initialize(repeating: 0, count: max(1, count))
        counts = .allocate(capacity: max(1, count))
        counts.initialize(repeating: 0, count: max(1, count))
    }

    func deallocate() {
        stamps.deallocate()
        values.deallocate()
        counts.deallocate()
    }

    func clear() { stamps.update(repeating: 0, count: max(1, count)) }
}
