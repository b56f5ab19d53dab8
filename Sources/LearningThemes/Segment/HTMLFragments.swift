extension ParagraphSegmenter {
    /// Splits a line of inline HTML ("<p>..</p> <p>..</p> <ol> 1) .. 2) ..") into its
    /// blocks. Nesting is tracked with counters, never recursion, so a 10,000-deep fragment
    /// costs what a flat one does.
    enum HTMLFragments {
        private struct Context {
            var listDepth = 0
            var inItem = false
            var inParagraph = false
            var inHeading = false
            /// The item numbers expected next in a list whose items are written inline.
            var nextNumber = 1
            var nextLetter: UInt8 = UInt8(ascii: "a")

            mutating func apply(_ tag: HTMLTag) {
                switch tag.name {
                case .orderedList, .unorderedList:
                    if tag.isClosing {
                        listDepth = max(0, listDepth - 1)
                    } else {
                        listDepth += 1
                        nextNumber = 1
                        nextLetter = UInt8(ascii: "a")
                        inParagraph = false
                    }
                case .listItem: inItem = !tag.isClosing
                case .paragraph: inParagraph = !tag.isClosing
                case .heading: inHeading = !tag.isClosing
                case .otherBlock, .inline: break
                }
            }
        }

        /// Calls `emit` with the byte range and origin of every block of `bytes[start..<end]`.
        static func split(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, emit: (Int, Int, UnitOrigin) -> Void) {
            var closer = NextByteFinder(UInt8(ascii: ">"))
            var context = Context()
            var segmentStart = start
            var index = start
            // From one "<" to the next by `memchr`: the text between tags is most of the line.
            while let open = ByteSearch.offset(of: UInt8(ascii: "<"), in: bytes, from: index, to: end) {
                if let tag = HTMLTag.parse(at: open, in: bytes, end: end, closer: &closer) {
                    if tag.isBlock {
                        emitSegment(bytes, segmentStart, open, &context, emit)
                        context.apply(tag)
                        segmentStart = tag.end
                    }
                    index = tag.end
                } else {
                    index = open + 1
                }
            }
            emitSegment(bytes, segmentStart, end, &context, emit)
        }

        private static func emitSegment(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ context: inout Context,
                                        _ emit: (Int, Int, UnitOrigin) -> Void) {
            guard let (first, last) = trimmed(bytes, start, end) else { return }
            if context.inHeading {
                emit(first, last, .htmlHeading)
            } else if context.inItem {
                emit(first, last, .htmlListItem)
            } else if context.listDepth > 0 && !context.inParagraph {
                splitInlineItems(bytes, first, last, &context, emit)
            } else {
                emit(first, last, .htmlBlock)
            }
        }

        /// "<ol> 1) Comment on ... (Appendix 2) 2) Provide ...": items written inline. Only the
        /// number expected next counts, and only outside brackets, so "(Appendix 2)" is text.
        private static func splitInlineItems(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ context: inout Context,
                                             _ emit: (Int, Int, UnitOrigin) -> Void) {
            var pieceStart = start
            var pieceIsItem = false
            var bracketDepth = 0
            var index = start
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "(") {
                    bracketDepth += 1
                } else if byte == UInt8(ascii: ")") {
                    bracketDepth = max(0, bracketDepth - 1)
                } else if index == start || Bytes.isBlank(bytes[index - 1]),
                          let markerEnd = itemMarkerEnd(bytes, index, end, bracketDepth: bracketDepth, &context) {
                    emitPiece(bytes, pieceStart, index, isItem: pieceIsItem, emit)
                    pieceStart = markerEnd
                    pieceIsItem = true
                    index = markerEnd
                    continue
                }
                index += 1
            }
            emitPiece(bytes, pieceStart, end, isItem: pieceIsItem, emit)
        }

        private static func itemMarkerEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int, bracketDepth: Int,
                                          _ context: inout Context) -> Int? {
            if let after = ListMarkers.symbolBulletEnd(bytes, index, end) { return after }
            guard bracketDepth == 0 else { return nil }
            let byte = bytes[index]
            if Bytes.isDigit(byte) {
                var cursor = index
                var value = 0
                while cursor < end && Bytes.isDigit(bytes[cursor]) && cursor - index < 3 {
                    value = value * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                    cursor += 1
                }
                guard value == context.nextNumber, closesItemNumber(bytes, cursor, end) else { return nil }
                context.nextNumber += 1
                return cursor + 1
            }
            if (byte | 0x20) == context.nextLetter, closesItemNumber(bytes, index + 1, end) {
                context.nextLetter += 1
                return index + 2
            }
            return nil
        }

        /// ")" followed by a blank.
        private static func closesItemNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
            index + 1 < end && bytes[index] == UInt8(ascii: ")") && Bytes.isBlank(bytes[index + 1])
        }

        private static func emitPiece(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, isItem: Bool,
                                      _ emit: (Int, Int, UnitOrigin) -> Void) {
            guard let (first, last) = trimmed(bytes, start, end) else { return }
            emit(first, last, isItem ? .htmlListItem : .htmlBlock)
        }

        private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int)? {
            var first = start
            var last = end
            while first < last && Bytes.isBlank(bytes[first]) { first += 1 }
            while last > first && Bytes.isBlank(bytes[last - 1]) { last -= 1 }
            return first < last ? (first, last) : nil
        }
    }
}
