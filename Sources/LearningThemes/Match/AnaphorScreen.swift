/// Two atoms the rule compiler adds to every rule set, so that the phrase automaton, which
/// reads every paragraph anyway, also tells which paragraphs may hold a referring phrase
/// (`SourceAnaphor`): only those are read again for one. No clause reads these atoms, so
/// they change no tag.
///
/// Every phrase `AnaphorFinder` recognises ends with a word that can end one, just after a
/// word that word can follow ("the review", "was noted", `AnaphorWord.endsPhrase(after:)`),
/// unless it is the paragraph's first word ("Findings …"). The matcher folds words as the
/// finder's tokenizer does, so a paragraph in which neither atom occurs holds no such phrase.
struct AnaphorScreen: Sendable {
    /// The two-word endings: a word that can end a phrase after a word it can follow.
    let endings: Int32
    /// The words that can be a phrase alone, as a paragraph's first word.
    let openings: Int32

    /// The atoms the matcher must mark present in each paragraph (see `AtomClauseIndex`).
    var queried: [Int32] { [endings, openings] }

    /// The phrases of `endings`, as folded words.
    static var endingPhrases: [[String]] {
        let words = AnaphorWord.spellings.map { (word: $0.word, spelling: String(decoding: $0.spelling, as: UTF8.self)) }
        return words.filter(\.word.endsPhrase).flatMap { last in
            words.filter { last.word.endsPhrase(after: $0.word) }.map { [$0.spelling, last.spelling] }
        }
    }

    /// The phrases of `openings`, one word each.
    static var openingPhrases: [[String]] {
        AnaphorWord.spellings.filter(\.word.endsPhraseOpeningParagraph).map { [String(decoding: $0.spelling, as: UTF8.self)] }
    }

    /// Whether the paragraph last evaluated with `buffers` may hold a referring phrase:
    /// false when it holds none.
    @inline(__always)
    func mayBeHeld(in buffers: MatchBuffers) -> Bool {
        // Both atoms are queried, so their presence costs a load each; where the text
        // begins is looked at only when some opening word is present.
        buffers.trace.isPresent(endings)
            || (buffers.trace.isPresent(openings) && buffers.trace.firstTokenEndsPhrase(of: openings, cache: buffers.phraseStates))
    }
}
