extension ParagraphSegmenter {
    /// Recognises the HTML tags that survive in extracted text. Only known tag names count,
    /// so prose such as "< 5 years" or "<unknown>" is left as text.
    struct HTMLTag {
        enum Name {
            case paragraph, listItem, orderedList, unorderedList, heading
            /// Any other tag that starts a new block (div, br, table cells, ...).
            case otherBlock
            /// Formatting inside a block (i, b, span, sup, ...): removed without a break.
            case inline
        }

        /// Index just past the closing `>`.
        var end: Int
        var isClosing: Bool
        var name: Name

        var isBlock: Bool { name != .inline }

        /// The tag starting at `bytes[start]` (which must be `<`), or nil.
        static func parse(at start: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int, closer: inout NextByteFinder) -> HTMLTag? {
            var index = start + 1
            var isClosing = false
            if index < end && bytes[index] == UInt8(ascii: "/") {
                isClosing = true
                index += 1
            }
            let nameStart = index
            guard index < end, Bytes.isLetter(bytes[index]) else { return nil }
            while index < end && Bytes.isAlphanumeric(bytes[index]) && index - nameStart <= WordKey.maximumLength { index += 1 }
            guard index < end else { return nil }
            let after = bytes[index]
            guard after == UInt8(ascii: ">") || after == UInt8(ascii: "/") || Bytes.isBlank(after) else { return nil }
            guard let key = WordKey.of(bytes, nameStart, index), let name = names[key] else { return nil }
            guard let close = closer.next(from: index, in: bytes, end: end) else { return nil }
            return HTMLTag(end: close + 1, isClosing: isClosing, name: name)
        }

        /// True when the line holds a tag that splits it into blocks.
        static func containsBlockTag(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            var closer = NextByteFinder(UInt8(ascii: ">"))
            var index = start
            while let open = ByteSearch.offset(of: UInt8(ascii: "<"), in: bytes, from: index, to: end) {
                if let tag = parse(at: open, in: bytes, end: end, closer: &closer) {
                    if tag.isBlock { return true }
                    index = tag.end
                } else {
                    index = open + 1
                }
            }
            return false
        }

        private static let names: [UInt64: Name] = {
            var table: [UInt64: Name] = [:]
            func add(_ words: [String], _ name: Name) {
                for word in words { if let key = WordKey.of(word) { table[key] = name } }
            }
            add(["p"], .paragraph)
            add(["li"], .listItem)
            add(["ol"], .orderedList)
            add(["ul"], .unorderedList)
            add(["h1", "h2", "h3", "h4", "h5", "h6"], .heading)
            add(["div", "br", "hr", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "blockquote",
                 "section", "article", "header", "footer", "nav", "aside", "main", "figure", "figcaption",
                 "caption", "dl", "dt", "dd", "pre", "form", "center", "address", "body", "html"], .otherBlock)
            add(["i", "b", "u", "em", "strong", "span", "sup", "sub", "a", "font", "small", "big", "mark",
                 "s", "strike", "del", "ins", "code", "abbr", "cite", "q", "img", "tt", "kbd", "var", "wbr",
                 "label"], .inline)
            return table
        }()
    }
}
