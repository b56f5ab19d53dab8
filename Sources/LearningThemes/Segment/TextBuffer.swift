extension ParagraphSegmenter {
    /// Growable storage for the bytes of a unit's text. The segmenter cycles a handful of
    /// these through every unit of a document, so text is written straight into memory it
    /// already owns: `[UInt8]` spent more on its uniqueness checks, generic appends and
    /// reference counting than on the bytes themselves.
    ///
    /// A reference type, so a unit holding one can be moved and swapped without copying its
    /// bytes; whoever holds a buffer is its only writer (the segmenter hands buffers back
    /// and forth, never shares one between two live units). The bytes are a `ScratchBuffer`
    /// that this owns and frees.
    final class TextBuffer {
        // Only its holder writes to it, so exclusivity needs no run-time check.
        @exclusivity(unchecked) private var storage: ScratchBuffer<UInt8>

        init(capacity: Int = 256) {
            storage = ScratchBuffer(capacity: max(capacity, 16))
        }

        deinit { storage.deallocate() }

        var count: Int { storage.count }
        var isEmpty: Bool { storage.isEmpty }
        var first: UInt8? { storage.isEmpty ? nil : storage[0] }
        var last: UInt8? { storage.isEmpty ? nil : storage[storage.count &- 1] }

        subscript(index: Int) -> UInt8 {
            precondition(index >= 0 && index < storage.count, "TextBuffer index out of range")
            return storage[index]
        }

        /// Calls `body` with the bytes; the pointer must not outlive the call, as the next
        /// write may move the storage. The caller keeps `self` alive for the call, as it does
        /// for any method: extending its lifetime again retained and released it each time.
        @inline(__always)
        func withBytes<Result: ~Copyable>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
            try body(UnsafeBufferPointer(storage.elements))
        }

        func removeAll() { storage.reset() }

        func removeLast() { storage.removeLast() }

        /// Makes room for `extra` more bytes, so that the appends after it do not grow the storage.
        @inline(__always)
        func reserve(_ extra: Int) { storage.reserve(extra) }

        @inline(__always)
        func append(_ byte: UInt8) { storage.append(byte) }

        /// Appends `bytes[start..<end]`.
        @inline(__always)
        func append(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
            guard end > start else { return }
            precondition(start >= 0 && end <= bytes.count, "TextBuffer append out of range")
            storage.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }

        /// Appends `separator` and then `bytes[start..<end]`, which must not be empty.
        @inline(__always)
        func append(_ separator: UInt8, then bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
            precondition(start >= 0 && start < end && end <= bytes.count, "TextBuffer append out of range")
            storage.append(separator, then: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }

        /// Makes this hold a copy of `other`'s bytes.
        func replace(with other: TextBuffer) {
            storage.reset()
            other.withBytes { storage.append(contentsOf: $0) }
        }

        /// Whether `other` holds the same bytes as this.
        func hasSameBytes(as other: TextBuffer) -> Bool {
            count == other.count && withBytes { bytes in other.withBytes { ByteSearch.equal(bytes, $0) } }
        }

        var array: [UInt8] { withBytes { Array($0) } }
    }
}
