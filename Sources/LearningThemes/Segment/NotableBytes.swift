extension ParagraphSegmenter {
    /// Finds, sixteen bytes at a time, the next byte the line splitter must look at: a
    /// control (newline, tab, form feed, ...) or a "<". On the way it counts the
    /// continuation bytes of multi-byte characters, so lines of non-English text are
    /// measured in characters without being read one byte at a time.
    enum NotableBytes {
        typealias Chunk = SIMD16<UInt8>

        /// The index of the next notable byte at or after `start` (or the end of the text),
        /// and the number of continuation bytes before it.
        static func next(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (index: Int, continuations: Int) {
            let count = bytes.count
            var index = start
            var continuations = 0
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while index + Chunk.scalarCount <= count {
                    let chunk = base.loadUnaligned(fromByteOffset: index, as: Chunk.self)
                    let notable = lanes(where: (chunk .< Chunk(repeating: Bytes.space)) .| (chunk .== Chunk(repeating: UInt8(ascii: "<"))))
                    let continuation = lanes(where: (chunk .>= Chunk(repeating: 0x80)) .& (chunk .< Chunk(repeating: 0xC0)))
                    if notable.0 | notable.1 == 0 {
                        continuations += (continuation.0.nonzeroBitCount + continuation.1.nonzeroBitCount) / 8
                        index += Chunk.scalarCount
                        continue
                    }
                    // Only the continuation bytes in front of the notable one count.
                    let position = notable.0 != 0 ? notable.0.trailingZeroBitCount / 8 : 8 + notable.1.trailingZeroBitCount / 8
                    let lowKeep: UInt64 = position >= 8 ? ~0 : (1 << UInt64(position * 8)) &- 1
                    let highKeep: UInt64 = position <= 8 ? 0 : (1 << UInt64((position - 8) * 8)) &- 1
                    continuations += ((continuation.0 & lowKeep).nonzeroBitCount + (continuation.1 & highKeep).nonzeroBitCount) / 8
                    return (index + position, continuations)
                }
            }
            while index < count {
                let byte = bytes[index]
                if byte < Bytes.space || byte == UInt8(ascii: "<") { return (index, continuations) }
                if Bytes.isContinuation(byte) { continuations += 1 }
                index += 1
            }
            return (count, continuations)
        }

        /// The lanes where `mask` holds, as 0xFF bytes in two machine words.
        @inline(__always)
        static func lanes(where mask: SIMDMask<SIMD16<Int8>>) -> (UInt64, UInt64) {
            unsafeBitCast(Chunk(repeating: 0).replacing(with: 0xFF, where: mask), to: (UInt64, UInt64).self)
        }
    }
}
