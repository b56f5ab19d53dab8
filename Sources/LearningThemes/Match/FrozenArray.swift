/// An immutable array copied into memory that never moves, read through a raw pointer.
/// The matcher's tables are built once and then read billions of times: this removes
/// bounds checks and reference counting from those reads. Reads are only ever made at
/// indices the builder produced, so they stay in bounds by construction.
final class FrozenArray<Element: BitwiseCopyable>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(_ values: [Element]) {
        count = values.count
        base = .allocate(capacity: max(1, values.count))
        base.initialize(from: values, count: values.count)
    }

    /// `count` elements, each set by `initialize` (the memory starts uninitialized), with
    /// no array to copy from: for the large tables.
    init(count: Int, initializingWith initialize: (UnsafeMutableBufferPointer<Element>) -> Void) {
        self.count = count
        base = .allocate(capacity: max(1, count))
        initialize(UnsafeMutableBufferPointer(start: base, count: count))
    }

    deinit { base.deallocate() }

    @inline(__always)
    subscript(index: Int) -> Element { base[index] }
}
