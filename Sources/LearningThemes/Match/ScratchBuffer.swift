/// A growable buffer of plain values that is reused from paragraph to paragraph: `reset`
/// keeps the memory, and appends are a store and an increment. Swift arrays would do the
/// same job with a uniqueness check and reference counting on every append, which the
/// per-token hot path cannot afford.
///
/// A value type over memory it does not free: `MatchBuffers` owns every buffer and
/// deallocates it. Hot loops copy a buffer into a local, so its pointer and count stay in
/// registers, and store it back when done; `append` may move the memory, so the copy they
/// store back is the only valid one.
struct ScratchBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    /// Frees the memory; called once, by the owner.
    func deallocate() { base.deallocate() }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        base[count] = element
        count &+= 1
    }

    @inline(__always)
    mutating func reset() { count = 0 }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    var isEmpty: Bool { count == 0 }

    mutating func truncate(to newCount: Int) { count = min(count, newCount) }

    /// Makes room for `newCount` elements, to be written by subscript before they are read.
    mutating func resize(to newCount: Int) {
        while capacity < newCount { grow() }
        count = newCount
    }

    /// The elements as a buffer (valid until the next append).
    var elements: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }

    /// Sorts in place.
    func sort(by areInIncreasingOrder: (Element, Element) -> Bool) {
        var buffer = elements
        buffer.sort(by: areInIncreasingOrder)
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}

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
