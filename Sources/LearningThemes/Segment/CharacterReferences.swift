extension ParagraphSegmenter {
    /// Decodes the character references that web-page extraction leaves behind.
    enum CharacterReferences {
        /// Longest reference body read between `&` and `;` (`&#x10FFFF;` needs 8).
        static let maximumBodyLength = 10

        /// Decodes the reference starting at `bytes[start]` (which must be `&`). Returns the
        /// scalar and the index after the `;`, or nil when the text is a plain ampersand.
        static func decode(at start: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> (scalar: Unicode.Scalar, end: Int)? {
            var index = start + 1
            let limit = min(end, start + 2 + maximumBodyLength)
            while index < limit && bytes[index] != UInt8(ascii: ";") { index += 1 }
            guard index < limit, index > start + 1 else { return nil }
            let bodyStart = start + 1
            let scalar: Unicode.Scalar?
            if bytes[bodyStart] == UInt8(ascii: "#") {
                scalar = numeric(bytes, bodyStart + 1, index)
            } else if let key = WordKey.of(bytes, bodyStart, index) {
                scalar = named[key]
            } else {
                scalar = nil
            }
            guard let scalar else { return nil }
            return (scalar, index + 1)
        }

        private static func numeric(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Unicode.Scalar? {
            var index = start
            var radix: UInt32 = 10
            if index < end && (bytes[index] | 0x20) == UInt8(ascii: "x") {
                radix = 16
                index += 1
            }
            guard index < end else { return nil }
            var value: UInt32 = 0
            while index < end {
                let byte = bytes[index]
                let digit: UInt32
                if Bytes.isDigit(byte) {
                    digit = UInt32(byte - UInt8(ascii: "0"))
                } else if radix == 16 && (byte | 0x20) &- UInt8(ascii: "a") < 6 {
                    digit = UInt32((byte | 0x20) - UInt8(ascii: "a")) + 10
                } else {
                    return nil
                }
                value = value * radix + digit
                if value > 0x10FFFF { return nil }
                index += 1
            }
            // A reference to NUL or a control would smuggle in what trimming removed: read it as a space.
            if value < 0x20 { return " " }
            return Unicode.Scalar(value)
        }

        private static let named: [UInt64: Unicode.Scalar] = {
            let pairs: [(String, Unicode.Scalar)] = [
                ("amp", "&"), ("lt", "<"), ("gt", ">"), ("quot", "\""), ("apos", "'"), ("nbsp", " "),
                ("ndash", "\u{2013}"), ("mdash", "\u{2014}"), ("lsquo", "\u{2018}"), ("rsquo", "\u{2019}"),
                ("ldquo", "\u{201C}"), ("rdquo", "\u{201D}"), ("hellip", "\u{2026}"), ("bull", "\u{2022}"),
                ("middot", "\u{00B7}"), ("pound", "\u{00A3}"), ("euro", "\u{20AC}"), ("copy", "\u{00A9}"),
                ("reg", "\u{00AE}"), ("trade", "\u{2122}"), ("deg", "\u{00B0}"), ("times", "\u{00D7}"),
                ("frac12", "\u{00BD}"), ("frac14", "\u{00BC}"), ("frac34", "\u{00BE}"), ("shy", "\u{00AD}"),
                ("eacute", "\u{00E9}"), ("egrave", "\u{00E8}"), ("aacute", "\u{00E1}"), ("agrave", "\u{00E0}"),
                ("ouml", "\u{00F6}"), ("uuml", "\u{00FC}"), ("auml", "\u{00E4}"), ("ccedil", "\u{00E7}"),
                ("ensp", " "), ("emsp", " "), ("thinsp", " "), ("zwnj", "\u{200C}"), ("zwj", "\u{200D}"),
            ]
            var table: [UInt64: Unicode.Scalar] = [:]
            for (name, scalar) in pairs { if let key = WordKey.of(name) { table[key] = scalar } }
            return table
        }()
    }
}
