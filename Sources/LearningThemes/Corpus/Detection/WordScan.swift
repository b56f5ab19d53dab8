extension MetadataDetector {
    /// Eight bytes of text tested at once, for the scans that look through a document's
    /// opening (or all of it) for the few places a match can start: most words of prose
    /// hold none of the bytes those places need, and are passed over without a look at
    /// each byte. A test may say yes for a word that holds no such byte (the byte-by-byte
    /// test after it settles that), never no for one that does.
    enum WordScan {
        /// The eight bytes at `offset` of `bytes`, which must hold them all.
        @inline(__always)
        static func word(at offset: Int, in bytes: UnsafeRawBufferPointer) -> UInt64 {
            bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        }

        /// `word` with every ASCII capital in lower case. Some other bytes change too (a
        /// control character may read as a digit), which only lets more words through.
        @inline(__always)
        static func folded(_ word: UInt64) -> UInt64 { word | 0x2020_2020_2020_2020 }
    }
}

extension MetadataDetector.WordScan {
    /// Calls `body`, in order, with each offset in `range` that `marks` does not rule out,
    /// until `body` returns true (and then returns true). `marks(offset)` tells, by the
    /// high bit of each byte (as `ByteWords.zeroBytes` does), which of the eight positions
    /// from `offset` on may hold a match; it may read `reach` bytes from `offset`, and is
    /// not asked near the end of `range`, where every position is passed to `body`.
    @inline(__always)
    static func forEachCandidate(in range: Range<Int>, reach: Int, marks: (Int) -> UInt64, _ body: (Int) -> Bool) -> Bool {
        var offset = range.lowerBound
        while offset < range.upperBound {
            var candidates = offset + reach <= range.upperBound ? marks(offset) : ByteWords.highBits
            let wordStart = offset
            offset += 8
            while candidates != 0 {
                let position = wordStart + candidates.trailingZeroBitCount / 8
                candidates &= candidates - 1
                if position < range.upperBound, body(position) { return true }
            }
        }
        return false
    }
}
