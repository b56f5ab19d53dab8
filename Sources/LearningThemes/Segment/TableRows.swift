extension ParagraphSegmenter {
    /// Tab-separated lines: rows of tables exported from documents, and tables of contents.
    enum TableRows {
        enum Shape {
            /// Cleaned cells joined with " | ", written to the buffer given.
            case row
            /// One meaningful cell: the line is text that happened to carry a tab.
            case single(start: Int, end: Int)
            /// A table-of-contents entry or an empty row: nothing to keep.
            case dropped
        }

        /// `isPlain` as `SourceLine.isPlain`: each cell is its bytes, trimmed. `cellText` is
        /// scratch storage for one cell's text.
        static func shape(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, isPlain: Bool,
                          into joined: TextBuffer, cellText: TextBuffer) -> Shape {
            joined.removeAll()
            var kept = 0
            var lastKept: (start: Int, end: Int) = (start, start)
            var lastCellWasPageReference = false
            var longestOther = 0
            var othersAreWords = true
            var lastHasLetter = false
            var cellStart = start
            while true {
                let index = ByteSearch.offset(of: Bytes.tab, in: bytes, from: cellStart, to: end) ?? end
                cellText.removeAll()
                if isPlain {
                    var first = cellStart
                    var last = index
                    while first < last && Bytes.isBlank(bytes[first]) { first += 1 }
                    while last > first && Bytes.isBlank(bytes[last - 1]) { last -= 1 }
                    cellText.append(bytes, first, last)
                } else {
                    TextCleaner.clean(bytes, cellStart, index, into: cellText)
                }
                let keptCell = cellText.withBytes { cell -> Bool in
                    guard !isJunk(cell) else { return false }
                    if kept > 0 {
                        joined.append(Bytes.space)
                        joined.append(UInt8(ascii: "|"))
                        joined.append(Bytes.space)
                        longestOther = max(longestOther, lastKept.end - lastKept.start)
                        othersAreWords = othersAreWords && lastHasLetter
                    }
                    joined.append(cell, 0, cell.count)
                    lastCellWasPageReference = isPageReference(cell)
                    lastHasLetter = cell.contains(where: Bytes.isLetter)
                    return true
                }
                if keptCell {
                    kept += 1
                    lastKept = (cellStart, index)
                }
                if index == end { break }
                cellStart = index + 1
            }
            switch kept {
            case 0:
                return .dropped
            case 1:
                return .single(start: lastKept.start, end: lastKept.end)
            default:
                // "Foreword from the LSCP Independent Chair<tab>4": a title and a page number.
                if kept <= 3 && lastCellWasPageReference && othersAreWords && longestOther <= 150 { return .dropped }
                return .row
            }
        }

        /// Cells holding no words: empty, one stray character ("Σ", ")"), a page label, or
        /// a placeholder such as "_" or "-". A lone digit or letter is a value ("4", "Y").
        static func isJunk(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
            let count = cell.count
            if count == 0 { return true }
            if PageFurniture.isPageLabel(cell, 0, count) { return true }
            if PageFurniture.isSingleCharacter(cell, 0, count) { return !Bytes.isAlphanumeric(cell[0]) }
            if count > 4 { return false }
            for byte in cell where Bytes.isAlphanumeric(byte) || byte >= 0xC0 { return false }
            return true
        }

        /// "4", "36", "8-9": the page column of a table of contents.
        static func isPageReference(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
            var digits = 0
            var sawDash = false
            for byte in cell {
                if Bytes.isDigit(byte) {
                    digits += 1
                    if digits > 3 { return false }
                } else if byte == Bytes.hyphen && !sawDash && digits > 0 {
                    sawDash = true
                    digits = 0
                } else {
                    return false
                }
            }
            return digits > 0
        }
    }
}
