/// A fixed set of small integers (slots) as bits: the filters that turn most words or
/// lines away with one test before a real look-up. Each user hashes its own keys to slots.
struct SlotBitmap: Sendable {
    private var words: [UInt64]

    /// Room for slots 0 ..< `slots`.
    init(slots: Int) {
        words = [UInt64](repeating: 0, count: (slots + 63) / 64)
    }

    mutating func insert(_ slot: Int) {
        words[slot >> 6] |= 1 << UInt64(slot & 63)
    }

    @inline(__always)
    func contains(_ slot: Int) -> Bool {
        words[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }
}
