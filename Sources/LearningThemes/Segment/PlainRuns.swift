extension ParagraphSegmenter {
    /// Finds, sixteen bytes at a time, how far plain text runs: words and single spaces,
    /// with nothing the cleaner must look at (controls, double spaces, markup, references,
    /// emphasis, links, invisible characters). The cleaner copies such runs whole.
    enum PlainRuns {
        typealias Chunk = SIMD16<UInt8>

        /// The end of the plain run starting at `start`, or a point short of it where the
        /// caller must look (near the end of the whole buffer, or at a byte that may turn
        /// out plain after all: the lead byte of any "’" or "–" stops the run, as telling
        /// it from a no-break space or a byte order mark is cheaper one byte at a time).
        static func end(of bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int {
            guard let base = UnsafeRawPointer(bytes.baseAddress) else { return start }
            var index = start
            // One byte of look-ahead finds a double space that straddles two chunks. Chunks
            // may run past `limit` as long as they stay in the buffer: the bytes beyond it
            // can only flag more lanes, never fewer, and a flag just stops the run early for
            // the caller to look at, so the short tail of every paragraph is not left to a
            // byte-at-a-time loop.
            // Offsets within the buffer cannot overflow: the wrapping operators spare the checks.
            while index < limit && index &+ Chunk.scalarCount &+ 1 <= bytes.count {
                let chunk = base.loadUnaligned(fromByteOffset: index, as: Chunk.self)
                let following = base.loadUnaligned(fromByteOffset: index &+ 1, as: Chunk.self)
                if let lane = ByteVectors.firstFlagged(specialLanes(chunk, following)) { return min(limit, index &+ lane) }
                index &+= Chunk.scalarCount
            }
            return min(index, limit)
        }

        /// The lanes holding a byte that may end a plain run, as 0x01 bytes in two machine
        /// words (the generic `any` compiles to a slow lane-by-lane minimum; the words also
        /// give the position of the first such byte; 1, not 0xFF, spares widening the
        /// comparison results again).
        @inline(__always)
        private static func specialLanes(_ chunk: Chunk, _ following: Chunk) -> (UInt64, UInt64) {
            // "!" opens an image link, which the cleaner drops whole.
            var special = (chunk .< Chunk(repeating: Bytes.space)) .| (chunk .== Chunk(repeating: 0x7F))
                .| (chunk .== Chunk(repeating: UInt8(ascii: "!"))) .| markupOrDoubleSpace(chunk, following)
            // The lead bytes of no-break space and soft hyphen (C2), zero-width space and
            // joiners (E2 80 8B-8D) and byte order mark (EF BB BF). C2 and E2 differ in one
            // bit, so one test finds both.
            special .|= ((chunk & Chunk(repeating: 0xDF)) .== Chunk(repeating: 0xC2)) .| (chunk .== Chunk(repeating: 0xEF))
            return ByteVectors.laneFlags(special)
        }

        /// The ASCII bytes that may start markup, a reference, emphasis or a link, and a
        /// space with another after it. One definition for this scan and `LineScanner`'s,
        /// which looks for the bytes the cleaner changes. Not the "!" of an image link: the
        /// cleaner changes it only when a "[" follows, which flags the line anyway.
        @inline(__always)
        static func markupOrDoubleSpace(_ chunk: Chunk, _ following: Chunk) -> SIMDMask<Chunk.MaskStorage> {
            let space = Chunk(repeating: Bytes.space)
            return (chunk .== Chunk(repeating: UInt8(ascii: "&")))
                .| (chunk .== Chunk(repeating: UInt8(ascii: "*"))) .| (chunk .== Chunk(repeating: UInt8(ascii: "<")))
                .| (chunk .== Chunk(repeating: UInt8(ascii: "[")))
                .| ((chunk .== space) .& (following .== space))
        }
    }
}
