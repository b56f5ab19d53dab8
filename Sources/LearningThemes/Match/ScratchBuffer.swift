/// A growable buffer of plain values that is reused from paragraph to paragraph: `reset`
/// keeps the memory, and appends are a store and an increment. Swift arrays would do the
/// same job with a uniqueness check and reference counting on every append, which the
/// per-token hot path cannot afford.
final class ScratchBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always)
    func append(_ element: Element) {
        if count == capacity { grow() }
        base[count] = element
        count += 1
    }

    @inline(__always)
    func reset() { count = 0 }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        set { base[index] = newValue }
    }

    var isEmpty: Bool { count == 0 }

    func truncate(to newCount: Int) { count = min(count, newCount) }

    /// Makes room for `newCount` elements, to be written by subscript before they are read.
    func resize(to newCount: Int) {
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

    private func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}

/// A fixed-size table of per-atom or per-clause marks, stamped with the paragraph's
/// generation so nothing needs clearing between paragraphs.
final class StampTable: @unchecked Sendable {
    let stamps: UnsafeMutablePointer<UInt32>
    /// Two values per entry, meaningful only where the stamp is current (for atoms: first
    /// index and number of occurrences).
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

    deinit {
        stamps.deallocate()
        values.deallocate()
        counts.deallocate()
    }

    func clear() { stamps.update(repeating: 0, count: max(1, count)) }
}
