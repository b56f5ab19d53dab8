extension ParagraphSegmenter {
    /// Growable storage for the bytes of a unit's text. The segmenter cycles a handful of
    /// these through every unit of a document, so text is written straight into memory it
    /// already owns: `[UInt8]` spent more on its uniqueness checks, generic appends and
    /// reference counting than on the bytes themselves.
    ///
    /// A reference type, so a unit holding one can be moved and swapped without copying its
    /// bytes; whoever holds a buffer is its only writer (the segmenter hands buffers back
    /// and forth, never shares one between two live units).
    final class TextBuffer {
        private var base: UnsafeMutablePointer<UInt8>
        private(set) var count = 0
        private var capacity: Int

        init(capacity: Int = 256) {
            self.capacity = max(capacity, 16)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        var isEmpty: Bool { count == 0 }
        var first: UInt8? { count > 0 ? base[0] : nil }
        var last: UInt8? { count > 0 ? base[count - 1] : nil }

        subscript(index: Int) -> UInt8 {
            precondition(index >= 0 && index < count, "TextBuffer index out of range")
            return base[index]
        }

        /// Calls `body` with the bytes; the pointer must not outlive the call, as the next
        /// write may move the storage.
        @inline(__always)
        func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
            try withExtendedLifetime(self) { try body(UnsafeBufferPointer(start: base, count: count)) }
        }

        func removeAll() { count = 0 }

        func removeLast() {
            precondition(count > 0, "removeLast from an empty TextBuffer")
            count -= 1
        }

        /// Makes room for `extra` more bytes, so that the appends after it do not grow the storage.
        @inline(__always)
        func reserve(_ extra: Int) {
            if capacity - count < extra { grow(toHold: count + extra) }
        }

        @inline(__always)
        func append(_ byte: UInt8) {
            if count == capacity { grow(toHold: count + 1) }
            base[count] = byte
            count += 1
        }

        /// Appends `bytes[start..<end]`.
        @inline(__always)
        func append(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
            let length = end - start
            guard length > 0, let source = bytes.baseAddress else { return }
            precondition(start >= 0 && end <= bytes.count, "TextBuffer append out of range")
            reserve(length)
            (base + count).initialize(from: source + start, count: length)
            count += length
        }

        func append(_ other: TextBuffer) {
            other.withBytes { append($0, 0, $0.count) }
        }

        var array: [UInt8] { withBytes { Array($0) } }

        private func grow(toHold needed: Int) {
            let newCapacity = max(needed, capacity * 2)
            let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newBase.initialize(from: base, count: count)
            base.deallocate()
            base = newBase
            capacity = newCapacity
        }
    }
}
