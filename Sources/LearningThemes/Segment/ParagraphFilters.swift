extension ParagraphSegmenter {
    /// "Contents" or "Table of contents".
    enum ContentsHeading {
        static func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            // No character outside ASCII lowercases to a letter of these words, so folding
            // ASCII capitals is all `lowercased()` would do here.
            equalsFoldingCapitals(text, "contents") || equalsFoldingCapitals(text, "table of contents")
        }

        private static func equalsFoldingCapitals(_ text: UnsafeBufferPointer<UInt8>, _ lowercase: StaticString) -> Bool {
            guard text.count == lowercase.utf8CodeUnitCount else { return false }
            let expected = lowercase.utf8Start
            for (offset, byte) in text.enumerated() where (Bytes.isUpper(byte) ? byte | 0x20 : byte) != expected[offset] {
                return false
            }
            return true
        }
    }

    /// Paragraphs must hold words: "13%" or "£5,000" alone are figures from a chart.
    enum Letters {
        /// Inlined for the answer of nearly every paragraph, which opens with two letters.
        @inline(__always)
        static func hasTwo(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            if text.count >= 2 && Bytes.isLetter(text[0]) && Bytes.isLetter(text[1]) { return true }
            return hasTwoAnywhere(text)
        }

        private static func hasTwoAnywhere(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            var letters = 0
            var sawMultiByte = false
            for byte in text {
                if Bytes.isLetter(byte) {
                    letters += 1
                    if letters >= 2 { return true }
                } else if byte >= 0xC0 {
                    sawMultiByte = true
                }
            }
            return sawMultiByte && hasTwoAlphabeticScalars(text)
        }

        /// Out of line: the few texts that need it should not make every call set up for
        /// decoding.
        @inline(never)
        private static func hasTwoAlphabeticScalars(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            var letters = 0
            for scalar in String(decoding: text, as: UTF8.self).unicodeScalars where scalar.properties.isAlphabetic {
                letters += 1
                if letters >= 2 { return true }
            }
            return false
        }
    }
}
