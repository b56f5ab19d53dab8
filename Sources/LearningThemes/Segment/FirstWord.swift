extension ParagraphSegmenter {
    /// The first blank-separated word of a text, or none, kept in storage reused from one
    /// text to the next: a new array for each cost an allocation and a free.
    struct FirstWord {
        private let word = TextBuffer(capacity: 32)
        private var isSet = false

        mutating func forget() { isSet = false }

        mutating func remember(_ text: UnsafeBufferPointer<UInt8>) {
            word.removeAll()
            word.append(text, 0, Bytes.firstWordEnd(text, 0, text.count))
            isSet = true
        }

        /// Whether a word is remembered and `text` opens with it.
        func isFirstWord(of text: UnsafeBufferPointer<UInt8>) -> Bool {
            guard isSet else { return false }
            let end = Bytes.firstWordEnd(text, 0, text.count)
            return word.withBytes { $0.elementsEqual(UnsafeBufferPointer(rebasing: text[..<end])) }
        }
    }
}
