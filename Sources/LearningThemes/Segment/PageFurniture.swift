extension ParagraphSegmenter {
    /// Lines that belong to the page rather than the text: lone web addresses, social-media
    /// footers, page labels and numbers, and single stray characters left by extraction.
    enum PageFurniture {
        @inline(__always)
        static func isFurniture(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            // Asked of every line: the tests are ordered and gated so that a line of prose,
            // long and holding a blank near its start, is turned away in a few operations.
            let length = end - start
            if length <= 24 {
                if isSingleCharacter(bytes, start, end) || isPageNumber(bytes, start, end) || isPageLabel(bytes, start, end) {
                    return true
                }
            }
            if Bytes.isDigit(bytes[end &- 1]) && isSocialFooter(bytes, start, end) { return true }
            return !Bytes.hasBlankNearStart(bytes, start, end) && isLoneAddress(bytes, start, end)
        }

        /// "Σ", ")", a lone bullet: one character on a line says nothing.
        static func isSingleCharacter(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            guard end > start, end - start <= 4 else { return false }
            var index = start + 1
            while index < end && Bytes.isContinuation(bytes[index]) { index += 1 }
            return index == end
        }

        static func isPageNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            guard end > start, end - start <= 4 else { return false }
            for index in start..<end where !Bytes.isDigit(bytes[index]) { return false }
            return true
        }

        /// "Page", "Page 16", "page 3 of 10", and "age 21" where extraction lost the P.
        static func isPageLabel(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            guard end - start <= 24 else { return false }
            var index = start
            if index < end && (bytes[index] | 0x20) == UInt8(ascii: "p") { index += 1 }
            guard index < end, (bytes[index] | 0x20) == UInt8(ascii: "a") else { return false }
            guard end - index >= 3, WordKey.of(bytes, index, index + 3) == ageKey else { return false }
            index += 3
            var sawNumber = false
            while index < end {
                let byte = bytes[index]
                if Bytes.isDigit(byte) {
                    sawNumber = true
                } else if Bytes.isBlank(byte) {
                    // separators between the words
                } else if (byte | 0x20) == UInt8(ascii: "o"), index + 1 < end, (bytes[index + 1] | 0x20) == UInt8(ascii: "f"), sawNumber {
                    index += 1
                } else {
                    return false
                }
                index += 1
            }
            // "age" alone is a word, not a label; "Page" alone is furniture.
            return sawNumber || (end - start == 4)
        }

        /// `WordKey.of("age")`, spelled out: a `static let` is checked for initialisation on every use.
        private static var ageKey: UInt64 { (11 + 0) << 12 | (11 + 6) << 6 | (11 + 4) }

        /// One token that is a web address: "http://cscp.org.uk", "www.x.org", "cscp.org.uk".
        static func isLoneAddress(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            guard end - start >= 4, end - start <= 2048 else { return false }
            let hasAddressPrefix = hasPrefix(bytes, start, end, "http://") || hasPrefix(bytes, start, end, "https://")
                || hasPrefix(bytes, start, end, "www.")
            // A domain has a dot: most lines of one long word ("Safeguarding") have none, and are
            // turned away before they are searched for a blank.
            guard hasAddressPrefix || ByteSearch.offset(of: UInt8(ascii: "."), in: bytes, from: start, to: end) != nil,
                  Bytes.firstBlank(bytes, start, end) == end else { return false }
            return hasAddressPrefix || isDomain(bytes, start, end)
        }

        /// "example.org.uk" or "example.org/path": dotted labels ending in a lower-case
        /// top-level domain, so "Mr.Smith" or "approx." are not taken for addresses.
        /// Asked only of tokens holding a dot (`isLoneAddress`).
        private static func isDomain(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            var hostEnd = start
            while hostEnd < end && bytes[hostEnd] != UInt8(ascii: "/") { hostEnd += 1 }
            var labels = 0
            var labelStart = start
            var index = start
            while index <= hostEnd {
                if index == hostEnd || bytes[index] == UInt8(ascii: ".") {
                    guard index > labelStart else { return false }
                    labels += 1
                    labelStart = index + 1
                } else if !(Bytes.isAlphanumeric(bytes[index]) || bytes[index] == Bytes.hyphen) {
                    return false
                }
                index += 1
            }
            var tldStart = hostEnd
            while tldStart > start && bytes[tldStart - 1] != UInt8(ascii: ".") { tldStart -= 1 }
            guard labels >= 2, hostEnd - tldStart >= 2 else { return false }
            for index in tldStart..<hostEnd where !Bytes.isLower(bytes[index]) { return false }
            return true
        }

        /// "cscp.org.uk | @CamdenSCP 65": an address, a handle and a page number.
        static func isSocialFooter(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            guard end - start <= 100, end > start, Bytes.isDigit(bytes[end - 1]) else { return false }
            // Asked of every line ending on a figure, nearly none of which holds a bar.
            guard ByteSearch.offset(of: UInt8(ascii: "|"), in: bytes, from: start, to: end) != nil else { return false }
            var index = start
            while index < end {
                if bytes[index] == UInt8(ascii: "@"), index + 1 < end, Bytes.isLetter(bytes[index + 1]) { return true }
                index += 1
            }
            return false
        }

        static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard end - start >= count else { return false }
            let pointer = prefix.utf8Start
            for offset in 0..<count where (bytes[start + offset] | 0x20) != (pointer[offset] | 0x20) { return false }
            return true
        }
    }
}
