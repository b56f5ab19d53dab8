/// The bytes `FormatSniffing.looksBinary` counts: NUL, and the C0 controls and DEL that
/// real text files do not hold.
enum ControlBytes {
    /// Whether some byte of `word` is below 0x20 or is DEL (0x7F). Exact, as
    /// `ByteWords.zeroBytes` is.
    @inline(__always)
    static func mayHaveOne(_ word: UInt64) -> Bool {
        let high = ByteWords.highBits
        // High bit set where a byte without its own high bit is below 0x20.
        let belowSpace = ~((word & ~high) &+ 0x6060_6060_6060_6060) & ~word & high
        // DEL is the byte that XOR 0x7F makes zero.
        return belowSpace | ByteWords.zeroBytes(word ^ 0x7F7F_7F7F_7F7F_7F7F) != 0
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
