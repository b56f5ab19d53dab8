/// Values by rule term, found by the term's bytes. The rules multiply out to tens of
/// thousands of phrases over a few thousand words, so the compiler looks each word up
/// many times: an FNV-1a hash of its few bytes and a byte comparison cost a fraction of
/// a `Dictionary` keyed by `RuleTerm` (SipHash over a `String`, then `String` equality).
struct TermTable<Value> {
    private struct Entry {
        /// The term's bytes are spelling[start ..< start + count].
        var start: Int
        var count: Int
        var isPrefix: Bool
        var value: Value
    }

    private var entries: [Entry] = []
    /// The bytes of every term, one after another.
    private var spelling: [UInt8] = []
    /// Open addressing: an index into `entries`, or -1 for an empty slot; a power of two
    /// long, and never more than half full.
    private var slots = [Int](repeating: -1, count: 64)

    /// The value of `term`, if it has one.
    func value(of term: RuleTerm) -> Value? {
        var folded = term.folded
        let (slot, found) = folded.withUTF8 { find($0, isPrefix: term.isPrefix) }
        return found ? entries[slots[slot]].value : nil
    }

    /// Gives `term`, which has no value yet, `value`.
    mutating func add(_ term: RuleTerm, value: Value) {
        var folded = term.folded
        let (slot, found) = folded.withUTF8 { find($0, isPrefix: term.isPrefix) }
        precondition(!found, "each term is added once")
        slots[slot] = entries.count
        entries.append(Entry(start: spelling.count, count: folded.utf8.count, isPrefix: term.isPrefix, value: value))
        spelling.append(contentsOf: folded.utf8)
        if entries.count * 2 > slots.count { grow() }
    }

    /// The slot that holds the term, or the empty slot where it would go.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, isPrefix: Bool) -> (slot: Int, found: Bool) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(bytes, isPrefix: isPrefix)) & mask
        return spelling.withUnsafeBufferPointer { spelling in
            while slots[slot] >= 0 {
                let entry = entries[slots[slot]]
                if entry.isPrefix == isPrefix && entry.count == bytes.count
                    && (0..<bytes.count).allSatisfy({ spelling[entry.start + $0] == bytes[$0] }) {
                    return (slot, true)
                }
                slot = (slot + 1) & mask
            }
            return (slot, false)
        }
    }

    private mutating func grow() {
        slots = [Int](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        spelling.withUnsafeBufferPointer { spelling in
            for (index, entry) in entries.enumerated() {
                let bytes = UnsafeBufferPointer(rebasing: spelling[entry.start..<(entry.start + entry.count)])
                var slot = Int(truncatingIfNeeded: Self.hash(bytes, isPrefix: entry.isPrefix)) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = index
            }
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, isPrefix: Bool) -> UInt64 {
        var hash: UInt64 = isPrefix ? 0x84222325CBF29CE4 : 0xCBF29CE484222325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100000001B3 }
        return hash
    }
}
