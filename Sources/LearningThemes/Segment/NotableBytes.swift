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
                    let continuation = ones(where: (chunk .>= Chunk(repeating: 0x80)) .& (chunk .< Chunk(repeating: 0xC0)))
                    if notable.0 | notable.1 == 0 {
                        continuations += byteSum(continuation.0 &+ continuation.1)
                        index += Chunk.scalarCount
                        continue
                    }
                    // Only the continuation bytes in front of the notable one count.
                    let position = notable.0 != 0 ? notable.0.trailingZeroBitCount / 8 : 8 + notable.1.trailingZeroBitCount / 8
                    let lowKeep: UInt64 = position >= 8 ? ~0 : (1 << UInt64(position * 8)) &- 1
                    let highKeep: UInt64 = position <= 8 ? 0 : (1 << UInt64((position - 8) * 8)) &- 1
                    continuations += byteSum((continuation.0 & lowKeep) &+ (continuation.1 & highKeep))
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

        /// The lanes where `mask` holds, as 0x01 bytes in two machine words, for counting.
        @inline(__always)
        static func ones(where mask: SIMDMask<SIMD16<Int8>>) -> (UInt64, UInt64) {
            unsafeBitCast(Chunk(repeating: 0).replacing(with: 1, where: mask), to: (UInt64, UInt64).self)
        }

        /// The sum of the bytes of `word`, which must be below 256: one multiply, where a
        /// population count is a long sequence on baseline x86-64, which has no `popcnt`.
        @inline(__always)
        static func byteSum(_ word: UInt64) -> Int {
            Int(truncatingIfNeeded: (word &* 0x0101_0101_0101_0101) >> 56)
        }

        /// The lanes where `mask` holds, as 0xFF bytes in two machine words.
        @inline(__always)
        static func lanes(where mask: SIMDMask<SIMD16<Int8>>) -> (UInt64, UInt64) {
            unsafeBitCast(Chunk(repeating: 0).replacing(with: 0xFF, where: mask), to: (UInt64, UInt64).self)
        }
    }
}
