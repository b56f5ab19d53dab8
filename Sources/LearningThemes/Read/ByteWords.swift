/// Tests on the eight bytes of a machine word at once, for the reader's passes over whole
/// files: most words of a text need no byte-by-byte look.
enum ByteWords {
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The high bit set in exactly the bytes of `word` that are zero. Exact: a byte's test
    /// never borrows from or carries into its neighbours.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~((word & ~highBits) &+ 0x7F7F_7F7F_7F7F_7F7F | word) & highBits
    }

    /// Whether some byte of `word` is zero or has its high bit set: not plain ASCII text.
    /// Exact: subtracting one from each byte borrows only out of a zero byte, and the
    /// lowest such byte already makes the answer yes.
    @inline(__always)
    static func mayHaveZeroOrHigh(_ word: UInt64) -> UInt64 {
        (word &- ones | word) & highBits
    }
}
