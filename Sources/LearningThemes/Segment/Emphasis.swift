extension ParagraphSegmenter {
    /// Decides whether a run of `*` is Markdown emphasis (dropped) or a literal asterisk.
    enum Emphasis {
        static func isMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ runStart: Int, _ runEnd: Int, start: Int, end: Int) -> Bool {
            // Runs of two or more are bold markers, intact or broken ("4.7** Answer"); no
            // sentence in these documents uses a double asterisk.
            if runEnd - runStart >= 2 { return true }
            let before: UInt8 = runStart > start ? bytes[runStart - 1] : Bytes.space
            let after: UInt8 = runEnd < end ? bytes[runEnd] : Bytes.space
            let opens = !Bytes.isBlank(after) && (Bytes.isBlank(before) || isOpener(before))
            let closes = !Bytes.isBlank(before) && !isOpener(before) && (Bytes.isBlank(after) || !Bytes.isAlphanumeric(after))
            return opens || closes
        }

        private static func isOpener(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "*"): return true
            // The last byte of an opening curly quote.
            case 0x98, 0x9C: return true
            default: return false
            }
        }
    }
}
