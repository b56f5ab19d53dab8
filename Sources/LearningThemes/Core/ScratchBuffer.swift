/// A growable buffer of plain values that is reused from paragraph to paragraph: `reset`
/// keeps the memory, and appends are a store and an increment. Swift arrays would do the
/// same job with a uniqueness check and reference counting on every append, which the
/// per-token hot path cannot afford.
///
/// A value type over memory it does not free: its owner deallocates it once (`MatchBuffers`
/// for the matcher's buffers, `TextBuffer` for the segmenter's text). Hot loops copy a
/// buffer into a local, so its pointer and count stay in registers, and store it back when
/// done; `append` may move the memory, so the copy they store back is the only valid one.
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

    /// Appends `source`'s elements.
    @inline(__always)
    mutating func append(contentsOf source: UnsafeBufferPointer<Element>) {
        guard let start = source.baseAddress, source.count > 0 else { return }
        reserve(source.count)
        (base + count).initialize(from: start, count: source.count)
        count &+= source.count
    }

    /// Appends `element` and then `source`'s elements, making room once for both.
    @inline(__always)
    mutating func append(_ element: Element, then source: UnsafeBufferPointer<Element>) {
        reserve(source.count + 1)
        base[count] = element
        if let start = source.baseAddress { (base + count + 1).initialize(from: start, count: source.count) }
        count &+= source.count + 1
    }

    /// Makes room for `extra` more elements, so that the appends after it do not grow the memory.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        while capacity - count < extra { grow() }
    }

    @inline(__always)
    mutating func reset() { count = 0 }

    mutating func removeLast() {
        precondition(count > 0, "removeLast from an empty buffer")
        count -= 1
    }

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

    /// Takes as the elements the first `newCount`, written through `base` into room that
    /// `reserve` made: for loops that store by pointer, with no capacity check per store.
    @inline(__always)
    mutating func adoptWritten(count newCount: Int) {
        precondition(newCount <= capacity, "more elements written than reserved")
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
