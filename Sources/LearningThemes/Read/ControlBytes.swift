/// The bytes `TextSample` counts for the binary-file test: NUL, and the C0 controls
/// and DEL that real text files do not hold.
enum ControlBytes {
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
