extension MetadataDetector {
    /// Any "Something:" cell, even with a label the detector ignores, so that a field's
    /// value stops where the next field starts.
    enum AnyLabel {
        /// Whether `cell` is a label of at most 51 characters (letters, spaces and a little
        /// punctuation) either alone with its colon, perhaps in bold ("**Contact:**"), or
        /// followed by a colon, a space and a value ("Contact officer: Jane Smith").
        static func isFound(in cell: ScanText) -> Bool {
            let start = cell.spacesEnd(from: cell.start)
            return isAlone(from: start, in: cell) || isFollowedByValue(from: start, in: cell)
        }

        /// The longest label text: one letter and up to this many more characters.
        private static let longestRest = 50

        private static func isAlone(from offset: Int, in cell: ScanText) -> Bool {
            var position = boldEnd(at: offset, in: cell) ?? offset
            guard let run = labelRun(at: position, in: cell) else { return false }
            if run.length <= longestRest {
                position = boldEnd(at: run.end, in: cell) ?? run.end
            } else {
                // Past the longest label, only spaces (which may come before the colon) are allowed.
                guard cell.bytes[run.cut..<run.end].allSatisfy({ $0 == UInt8(ascii: " ") }) else { return false }
                position = run.end
            }
            position = cell.spacesEnd(from: position)
            guard cell.byte(position) == UInt8(ascii: ":") else { return false }
            position = boldEnd(at: position + 1, in: cell) ?? position + 1
            return cell.spacesEnd(from: position) == cell.end
        }

        private static func isFollowedByValue(from offset: Int, in cell: ScanText) -> Bool {
            guard let run = labelRun(at: offset, in: cell), run.length <= longestRest,
                  cell.byte(run.end) == UInt8(ascii: ":") else { return false }
            return cell.isSpace(at: run.end + 1)
        }

        /// A letter, then the label characters after it: how many (`length`), where they
        /// end, and where the longest label would be cut (`cut`).
        private static func labelRun(at offset: Int, in cell: ScanText) -> (length: Int, end: Int, cut: Int)? {
            guard let first = cell.folded(offset), first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return nil }
            var position = offset + 1, length = 0, cut = offset + 1
            while position < cell.end {
                let (value, size) = cell.scalar(at: position)
                guard isLabelCharacter(value) else { break }
                position += size
                length += 1
                if length == longestRest { cut = position }
            }
            return (length, position, length >= longestRest ? cut : position)
        }

        private static func isLabelCharacter(_ value: UInt32) -> Bool {
            if value == 0x2019 { return true }  // ’
            guard value < 0x80 else { return false }
            let byte = UInt8(value) | 0x20
            return (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || " /&?'()-".utf8.contains(UInt8(value))
        }

        private static func boldEnd(at offset: Int, in cell: ScanText) -> Int? {
            cell.byte(offset) == UInt8(ascii: "*") && cell.byte(offset + 1) == UInt8(ascii: "*") ? offset + 2 : nil
        }
    }
}
