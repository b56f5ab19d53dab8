extension ParagraphSegmenter {
    /// Finds the next occurrence of a byte at or after a position that only moves forward,
    /// remembering how far it has looked. Matching `<` with `>` or `[` with `]` this way
    /// stays linear on a 50 MB line full of unmatched openers, where searching afresh from
    /// each opener would be quadratic.
    struct NextByteFinder {
        let target: UInt8
        private var found = -1
        private var searchedTo = 0
        private var exhausted = false

        init(_ target: UInt8) { self.target = target }

        mutating func next(from position: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Int? {
            if found >= position { return found }
            if exhausted { return nil }
            let index = ByteSearch.offset(of: target, in: bytes, from: max(position, searchedTo), to: end) ?? end
            searchedTo = index
            if index < end {
                found = index
                return index
            }
            exhausted = true
            return nil
        }
    }
}
