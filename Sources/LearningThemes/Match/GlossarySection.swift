/// A glossary or list of abbreviations: its entries define terms ("CSPRP: Child
/// Safeguarding Practice Review Panel", "Alternative Provision: education for children
/// who ..."), they report no learning. Tagged, they would count every theme and source a
/// document names once more, so paragraphs under such a heading are left untagged; they
/// still appear in `classify`, to show what was left out.
enum GlossarySection {
    /// Headings such as "Glossary", "Appendix 2 Glossary", "Glossary of terms", "List of
    /// abbreviations", "Abbreviations and acronyms": a short heading with one of the words.
    static func matches(_ heading: UnsafeBufferPointer<UInt8>) -> Bool {
        guard heading.count <= 60 else { return false }
        var isGlossary = false
        var words = 0
        Tokenizer().forEachToken(in: heading) { _, _, folded in
            words += 1
            if isGlossaryWord(folded) { isGlossary = true }
        }
        return isGlossary && words <= 6
    }

    /// Each heading's words are compared: by length first, so most are turned away at once.
    private static func isGlossaryWord(_ folded: UnsafeBufferPointer<UInt8>) -> Bool {
        folded.isSpelled("glossary") || folded.isSpelled("abbreviations") || folded.isSpelled("acronyms")
            || folded.isSpelled("jargon")
    }

    static func matches(_ heading: String?) -> Bool {
        guard var heading else { return false }
        return heading.withUTF8 { matches($0) }
    }
}

private extension UnsafeBufferPointer<UInt8> {
    @inline(__always)
    func isSpelled(_ word: StaticString) -> Bool {
        count == word.utf8CodeUnitCount && elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }
}
