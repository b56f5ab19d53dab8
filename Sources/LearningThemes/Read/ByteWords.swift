/// Tests on the eight bytes of a machine word at once, for the reader's passes over whole
/// files: most words of a text need no byte-by-byte look.
enum ByteWords {
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The high bit set in exactly the bytes of `word` that are zero. Exact: a byte's test
    /// never borrows from or carries into its neighbours.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~((word & ~highBits) &+ 0x7F7F_7F7F_7F7F_7F7F | word) & highBits
    }
}
