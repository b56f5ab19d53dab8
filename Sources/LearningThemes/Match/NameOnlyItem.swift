/// A list item that is only a name: a role, an agency or a board ("Designated Nurse, NHS
/// Leeds", "Head of Nursing (Children)"), every word capitalised but the small joining ones,
/// and no full stop or colon at the end. Under a heading such as "Child Death Overview
/// Panel" such a list names its members; it reports nothing the panel learnt, so it takes no
/// source from the heading (`SourceInheritance`).
enum NameOnlyItem {
    static func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = text.last, !sentenceEnds.contains(last), text.count <= lengthLimit else { return false }
        var words = 0
        var wordStart: Int?
        for index in 0...text.count {
            guard index == text.count || text[index] == UInt8(ascii: " ") else {
                if wordStart == nil { wordStart = index }
                continue
            }
            guard let start = wordStart else { continue }
            wordStart = nil
            let word = UnsafeBufferPointer(rebasing: text[start..<index])
            if joiningWords.contains(where: { $0.elementsEqual(word) }) { continue }
            // "(Chair)", "‘Early": the first byte after any opening bracket or quotation mark.
            guard let first = word.first(where: { !openingMarks.contains($0) }), startsName(first) else { return false }
            words += 1
        }
        return words >= 2
    }

    /// The longest name in bytes: a role with its agency.
    static let lengthLimit = 120

    /// A capital, a digit ("0-11 Safeguarding Coordinator") or a letter beyond ASCII.
    private static func startsName(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte >= 0x80
    }

    private static let sentenceEnds: [UInt8] = Array(".?!:".utf8)
    private static let joiningWords = ["and", "of", "the", "for", "in", "to", "&", "-", "–"].map { Array($0.utf8) }
    /// Brackets, straight quotes, and the bytes of the curly ones (E2 80 98, E2 80 9C).
    private static let openingMarks: [UInt8] = Array("(\"'[".utf8) + [0xE2, 0x80, 0x98, 0x9C]
}
