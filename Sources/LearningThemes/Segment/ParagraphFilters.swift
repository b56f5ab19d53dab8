extension ParagraphSegmenter {
    /// "Contents" or "Table of contents".
    enum ContentsHeading {
        static func matches(_ text: [UInt8]) -> Bool {
            guard text.count <= 17 else { return false }
            let folded = String(decoding: text, as: UTF8.self).lowercased()
            return folded == "contents" || folded == "table of contents"
        }
    }

    /// Paragraphs must hold words: "13%" or "£5,000" alone are figures from a chart.
    enum Letters {
        static func hasTwo(_ text: [UInt8]) -> Bool {
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
            guard sawMultiByte else { return false }
            letters = 0
            for scalar in String(decoding: text, as: UTF8.self).unicodeScalars where scalar.properties.isAlphabetic {
                letters += 1
                if letters >= 2 { return true }
            }
            return false
        }
    }
}
