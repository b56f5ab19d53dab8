extension ParagraphSegmenter {
    /// A fast 64-bit hash of a byte range, eight bytes per multiply (a byte-wise hash such
    /// as FNV spends a multiply on every byte). Equal text gives equal hashes; callers
    /// compare the bytes before trusting a match. Never 0, so 0 can mean "no hash".
    ///
    /// Whole words are mixed in first and the length last, so the hashes of several
    /// prefixes of one line can be had in a single pass over it (`Prefixes`).
    enum LineHash {
        private static let seed: UInt64 = 0x243F_6A88_85A3_08D3

        /// Every byte counts: a hash of only some of them (say the ends) would give every
        /// line of a numbered run ("Heading 000001 …") the same hash, and the table's probes
        /// for them would grow with the run, quadratic in all.
        static func of(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, length: Int) -> UInt64 {
            var prefixes = Prefixes(bytes, start)
            return prefixes.hash(length: length)
        }

        /// Hashes of prefixes of one text, asked for in increasing length.
        struct Prefixes {
            private let bytes: UnsafeBufferPointer<UInt8>
            private let start: Int
            private var wordsEnd: Int
            private var state = LineHash.seed

            init(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) {
                self.bytes = bytes
                self.start = start
                wordsEnd = start
            }

            /// The hash of the first `length` bytes; `length` may not be less than last time.
            mutating func hash(length: Int) -> UInt64 {
                let end = start + length
                if let base = UnsafeRawPointer(bytes.baseAddress) {
                    while wordsEnd + 8 <= end {
                        state = mix(state ^ base.loadUnaligned(fromByteOffset: wordsEnd, as: UInt64.self))
                        wordsEnd += 8
                    }
                }
                var tail: UInt64 = 0
                if wordsEnd + 8 <= bytes.count, let base = UnsafeRawPointer(bytes.baseAddress) {
                    // The bytes past the end are masked off: the same value as packing byte by byte.
                    let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: wordsEnd, as: UInt64.self))
                    tail = word & ((1 << UInt64(8 * (end - wordsEnd))) &- 1)
                } else {
                    var shift: UInt64 = 0
                    var index = wordsEnd
                    while index < end {
                        tail |= UInt64(bytes[index]) << shift
                        shift += 8
                        index += 1
                    }
                }
                let hash = mix(mix(state ^ tail) ^ UInt64(length))
                return hash == 0 ? 1 : hash
            }
        }

        @inline(__always)
        fileprivate static func mix(_ value: UInt64) -> UInt64 {
            let product = value &* 0x9E37_79B9_7F4A_7C15
            return product ^ (product >> 29)
        }
    }
}
