/// The bytes `FormatSniffing.looksBinary` counts: NUL, and the C0 controls and DEL that
/// real text files do not hold.
enum ControlBytes {
    private static let high: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is below 0x20 or is DEL (0x7F). Exact: a byte's test
    /// never borrows from or carries into its neighbours.
    @inline(__always)
    static func mayHaveOne(_ word: UInt64) -> Bool {
        let sevenBits = word & ~high
        // High bit set where a byte without its own high bit is below 0x20.
        let belowSpace = ~(sevenBits &+ 0x6060_6060_6060_6060) & ~word & high
        // High bit set where a byte is exactly 0x7F.
        let delete = ((sevenBits ^ 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F | word) & high ^ high
        return belowSpace | delete != 0
    }

    @inline(__always)
    static func count(_ byte: UInt8, _ nulBytes: inout Int, _ controlBytes: inout Int) {
        switch byte {
        case 0: nulBytes += 1
        // Tab, LF, VT, FF, CR and ESC occur in real text files (FF in extracted
        // PDF text, ESC in terminal logs); the rest of C0 and DEL do not.
        case 0x01...0x08, 0x0E...0x1A, 0x1C...0x1F, 0x7F: controlBytes += 1
        default: break
        }
    }
}
