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

    /// Adds the NULs and the other counted control bytes of `word` to the counts. Exact,
    /// worked out on the whole word: the bytes below 0x20 that text holds are one range,
    /// tab to carriage return, and ESC.
    @inline(__always)
    static func count(inWord word: UInt64, _ nulBytes: inout Int, _ controlBytes: inout Int) {
        let high = ByteWords.highBits
        let low = word & ~high
        let isASCII = ~word & high
        // A byte below 0x80 is at least `n` when adding 0x80 - n sets its high bit.
        let fromTab = (low &+ 0x7777_7777_7777_7777) & isASCII
        let pastReturn = (low &+ 0x7272_7272_7272_7272) & isASCII
        let fromSpace = (low &+ 0x6060_6060_6060_6060) & isASCII
        let belowSpace = ~fromSpace & isASCII
        let textControls = fromTab & ~pastReturn | ByteWords.zeroBytes(word ^ 0x1B1B_1B1B_1B1B_1B1B)
        let nuls = ByteWords.zeroBytes(word)
        let deletes = ByteWords.zeroBytes(word ^ 0x7F7F_7F7F_7F7F_7F7F)
        nulBytes += nuls.nonzeroBitCount
        controlBytes += (belowSpace & ~textControls & ~nuls | deletes).nonzeroBitCount
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
