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
    private var slots = EntrySlots()

    /// The value of `term`, if it has one.
    func value(of term: RuleTerm) -> Value? {
        var folded = term.folded
        return folded.withUTF8 { find($0, isPrefix: term.isPrefix) }.entry.map { entries[$0].value }
    }

    /// Gives `term`, which has no value yet, `value`.
    mutating func add(_ term: RuleTerm, value: Value) {
        var folded = term.folded
        let (slot, found) = folded.withUTF8 { find($0, isPrefix: term.isPrefix) }
        precondition(found == nil, "each term is added once")
        entries.append(Entry(start: spelling.count, count: folded.utf8.count, isPrefix: term.isPrefix, value: value))
        spelling.append(contentsOf: folded.utf8)
        spelling.withUnsafeBufferPointer { spelling in
            slots.fill(slot, with: entries.count - 1) { index in
                let entry = entries[index]
                return Self.hash(UnsafeBufferPointer(rebasing: spelling[entry.start..<(entry.start + entry.count)]), isPrefix: entry.isPrefix)
            }
        }
    }

    /// The slot that holds the term and its entry, or the empty slot where it would go.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, isPrefix: Bool) -> (slot: Int, entry: Int?) {
        spelling.withUnsafeBufferPointer { spelling in
            slots.find(hash: Self.hash(bytes, isPrefix: isPrefix)) { index in
                let entry = entries[index]
                return entry.isPrefix == isPrefix && entry.count == bytes.count
                    && (0..<bytes.count).allSatisfy({ spelling[entry.start + $0] == bytes[$0] })
            }
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, isPrefix: Bool) -> UInt64 {
        var hash: UInt64 = isPrefix ? 0x84222325CBF29CE4 : 0xCBF29CE484222325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100000001B3 }
        return hash
    }
}
