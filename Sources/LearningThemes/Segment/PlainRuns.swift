extension ParagraphSegmenter {
    /// Finds, sixteen bytes at a time, how far plain text runs: words and single spaces,
    /// with nothing the cleaner must look at (controls, double spaces, markup, references,
    /// emphasis, links, invisible characters). The cleaner copies such runs whole.
    enum PlainRuns {
        typealias Chunk = SIMD16<UInt8>

        /// The end of the plain run starting at `start`, or a point short of it that the
        /// caller finishes one byte at a time (within sixteen bytes of `limit`).
        static func end(of bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int {
            guard let base = UnsafeRawPointer(bytes.baseAddress) else { return start }
            var index = start
            // Two bytes of look-ahead find a double space, or a character to remove, that
            // straddles two chunks.
            while index + Chunk.scalarCount + 2 <= limit {
                let chunk = base.loadUnaligned(fromByteOffset: index, as: Chunk.self)
                let following = base.loadUnaligned(fromByteOffset: index + 1, as: Chunk.self)
                let afterThat = base.loadUnaligned(fromByteOffset: index + 2, as: Chunk.self)
                let (low, high) = specialLanes(chunk, following, afterThat)
                if low != 0 { return index + low.trailingZeroBitCount / 8 }
                if high != 0 { return index + 8 + high.trailingZeroBitCount / 8 }
                index += Chunk.scalarCount
            }
            return index
        }

        /// The lanes holding a byte that ends a plain run, as 0xFF bytes in two machine words
        /// (the generic `any` compiles to a slow lane-by-lane minimum; the words also give
        /// the position of the first such byte).
        @inline(__always)
        private static func specialLanes(_ chunk: Chunk, _ following: Chunk, _ afterThat: Chunk) -> (UInt64, UInt64) {
            let space = Chunk(repeating: Bytes.space)
            let isSpace = chunk .== space
            var special = (chunk .< space) .| (chunk .== Chunk(repeating: 0x7F))
                .| (chunk .== Chunk(repeating: UInt8(ascii: "!"))) .| (chunk .== Chunk(repeating: UInt8(ascii: "&")))
                .| (chunk .== Chunk(repeating: UInt8(ascii: "*"))) .| (chunk .== Chunk(repeating: UInt8(ascii: "<")))
                .| (chunk .== Chunk(repeating: UInt8(ascii: "[")))
                .| (isSpace .& (following .== space))
            // Multi-byte characters are plain except those the cleaner removes or turns into
            // spaces: no-break space and soft hyphen (C2 A0, C2 AD), zero-width space and
            // joiners (E2 80 8B-8D), byte order mark (EF BB BF).
            special .|= (chunk .== Chunk(repeating: 0xC2)) .& ((following .== Chunk(repeating: 0xA0)) .| (following .== Chunk(repeating: 0xAD)))
            special .|= (chunk .== Chunk(repeating: 0xE2)) .& (following .== Chunk(repeating: 0x80))
                .& (afterThat .>= Chunk(repeating: 0x8B)) .& (afterThat .<= Chunk(repeating: 0x8D))
            special .|= (chunk .== Chunk(repeating: 0xEF)) .& (following .== Chunk(repeating: 0xBB))
            let flags = Chunk(repeating: 0).replacing(with: 0xFF, where: special)
            return unsafeBitCast(flags, to: (UInt64, UInt64).self)
        }
    }
}
