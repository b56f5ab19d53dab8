extension ParagraphSegmenter {
    /// A 64-bit hash of a short text from its length and its first and last eight bytes:
    /// a few operations whatever the length, and as cheap for every prefix of a line. Equal
    /// text gives equal hashes; texts that differ only in their middle share one, so callers
    /// compare the bytes before trusting a match (as `LineTallies` does). Never 0, so 0 can
    /// mean "no hash".
    enum LineHash {
        /// The hash of `bytes[start..<start + length]`.
        @inline(__always)
        static func of(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, length: Int) -> UInt64 {
            let head = packed(bytes, start, min(length, 8))
            // Overlaps the head in a text of nine to fifteen bytes, which is as good.
            let tail = length > 8 ? packed(bytes, start + length - 8, 8) : 0
            let hash = mix(mix(mix(head) ^ tail) ^ UInt64(length))
            return hash == 0 ? 1 : hash
        }

        /// `bytes[start..<start + count]` (`count` at most 8), the first byte lowest.
        @inline(__always)
        private static func packed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> UInt64 {
            if start + 8 <= bytes.count, let base = UnsafeRawPointer(bytes.baseAddress) {
                let word = SWAR.word(base, at: start)
                return count >= 8 ? word : word & ((1 << UInt64(8 * count)) &- 1)
            }
            var packed: UInt64 = 0
            for offset in 0..<count { packed |= UInt64(bytes[start + offset]) << UInt64(8 * offset) }
            return packed
        }

        @inline(__always)
        private static func mix(_ value: UInt64) -> UInt64 {
            let product = value &* 0x9E37_79B9_7F4A_7C15
            return product ^ (product >> 29)
        }
    }
}
