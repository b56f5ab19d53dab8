/// Words by which a paragraph refers back to a learning activity without naming its kind:
/// "The review found…", "its recommendations", "the workshop", "Recommendations have been adopted…",
/// "Areas of development will be…", "It was noted that…", or a paragraph that is wholly a
/// quotation (a line quoted from the report). "The report" refers back only to a national
/// review: after anything else it is as often the partnership's own report.
///
/// Reports name a review, audit or inspection once and then go on about it for several
/// paragraphs; a reader knows which activity "the review" is, so a paragraph with such a
/// reference can take the source of what it refers to (`SourceInheritance`). Without one, a
/// paragraph that follows a review is about something else as often as not, so only these
/// words license the step. "The review of the threshold document" and "the learning and
/// development offer" introduce something new rather than refer back, and do not count.
struct SourceAnaphor: Equatable {
    /// The referring words, as UTF-8 byte offsets into the paragraph.
    var bytes: Range<Int>
    /// What the words can refer to.
    var referent: Referent

    enum Referent: Equatable {
        /// "the review", "the reviewer": a review or an audit, never an inspection.
        case review
        /// "the findings", "its recommendations", "areas for improvement": any activity.
        case anyActivity
        /// "the event", "the workshop": a learning event, where a practice review's lessons
        /// are taken to practitioners; audits and inspections are not held as events.
        case learningEvent
        /// "the report": a national review's report; "this report" is the document itself.
        case report

        func admits(_ sourceID: String) -> Bool {
            switch self {
            case .review: sourceID != "inspection"
            case .anyActivity: true
            case .learningEvent: sourceID == "practice-review"
            case .report: sourceID == "national-review"
            }
        }

        /// How many paragraphs back "the review" reaches when those between name nothing.
        /// A review's story runs on over several paragraphs (what happened to the child,
        /// then "The review focuses on…"); vaguer words, and "the review" after an audit,
        /// are as often about something new, and reach only the paragraph just before.
        static let furthestReach = 3

        /// Whether "the review" can mean `sourceID` up to `furthestReach` paragraphs back.
        static func reachesFurtherBack(_ sourceID: String) -> Bool {
            sourceID == "rapid-review" || sourceID == "practice-review" || sourceID == "national-review"
        }
    }

    /// The rule id the referring words are reported under as evidence.
    static let ruleID = "anaphor"

    /// The first anaphor of `text`, if any; its words are read only if it `mayHoldPhrase`
    /// (see `Matcher.mayHoldAnaphor`).
    static func first(in text: UnsafeBufferPointer<UInt8>, mayHoldPhrase: Bool = true) -> SourceAnaphor? {
        if let quotation = wholeQuotation(text) { return quotation }
        return mayHoldPhrase ? firstPhrase(in: text) : nil
    }

    /// Whether `text` may hold an anaphor, told without reading its words: it may hold a
    /// phrase, or it is a whole quotation. What is false here, `first` finds nothing in.
    @inline(__always)
    static func mayBeIn(_ text: UnsafeBufferPointer<UInt8>, mayHoldPhrase: Bool) -> Bool {
        mayHoldPhrase || wholeQuotation(text) != nil
    }

    /// The first referring phrase of `text`, in one pass over its words up to that phrase.
    static func firstPhrase(in text: UnsafeBufferPointer<UInt8>) -> SourceAnaphor? {
        var finder = AnaphorFinder()
        Tokenizer().walkTokens(in: text, while: { range, sentence, folded in
            var word = AnaphorWord(folded)
            // "the Learning & Development Subgroup", "the Learning Hub": a name, not learning.
            if word == .learning, text[range.lowerBound] >= UInt8(ascii: "A"), text[range.lowerBound] <= UInt8(ascii: "Z") {
                word = .other
            }
            finder.take(word, range: range, sentence: sentence)
            // The words after the phrase change nothing.
            return !finder.isFinished
        })
        return finder.finish()
    }

    /// Whether a sentence that introduces a list continues the sentences before it: it
    /// opens with a demonstrative ("This has included:", "These were:", "Below are the
    /// themes:") or refers back ("In light of the recommendations, the following actions
    /// were taken:"). A personal pronoun does not count: "They will focus on:" and "It is
    /// one method of seeking assurance, … including:" go on about a thing the earlier
    /// sentences named (the priorities, the audit as a tool), not about what it found.
    static func continuesEarlierSentences(_ sentence: UnsafeBufferPointer<UInt8>) -> Bool {
        var opensWithDemonstrative = false
        var isFirst = true
        Tokenizer().forEachToken(in: sentence) { _, _, folded in
            if isFirst { opensWithDemonstrative = AnaphorWord(folded).pointsToWhatIsNear }
            isFirst = false
        }
        return opensWithDemonstrative || first(in: sentence) != nil
    }

    /// A paragraph that opens and closes with quotation marks quotes somebody, in a report
    /// section about an activity usually its inspectors or reviewers.
    /// The opening is looked at first: most paragraphs are told by their first byte.
    @inline(__always)
    private static func wholeQuotation(_ text: UnsafeBufferPointer<UInt8>) -> SourceAnaphor? {
        guard text.count > 2, QuotationMark.opens(text) else { return nil }
        var end = text.count
        while end > 0, text[end - 1] == UInt8(ascii: " ") || text[end - 1] == UInt8(ascii: ".") { end -= 1 }
        guard end > 2, QuotationMark.closes(text, before: end) else { return nil }
        return SourceAnaphor(bytes: 0..<text.count, referent: .anyActivity)
    }
}

/// Recognises the referring phrases word by word, remembering only the last few words.
private struct AnaphorFinder {
    private var found: SourceAnaphor?
    /// A phrase the next word can still rule out ("the review *of*"), with its sentence.
    private var pending: (anaphor: SourceAnaphor, sentence: Int, endsWithLearning: Bool)?
    /// The last words of the current sentence.
    private var recent = RecentWords()
    private var sentence = -1
    /// Words of the paragraph so far.
    private var wordsTaken = 0

    mutating func take(_ word: AnaphorWord, range: Range<Int>, sentence: Int) {
        guard found == nil else { return }
        if let pending {
            self.pending = nil
            // "the learning and development offer" is not learning from anything.
            let vetoed = word == .complement || (pending.endsWithLearning && word == .and)
            if pending.sentence != sentence || !vetoed {
                found = pending.anaphor
                return
            }
        }
        if sentence != self.sentence {
            self.sentence = sentence
            recent = RecentWords()
        }
        wordsTaken += 1
        recent.push(word, range)
        match()
    }

    var isFinished: Bool { found != nil }

    mutating func finish() -> SourceAnaphor? {
        found ?? pending?.anaphor
    }

    /// The word `back` places before the last one taken (0: the last one).
    private func word(_ back: Int) -> AnaphorWord? {
        recent[back]?.word
    }

    /// The referring words from `back` places before the last word to the last word.
    private func phrase(from back: Int, _ referent: SourceAnaphor.Referent) -> SourceAnaphor {
        SourceAnaphor(bytes: recent[back]!.range.lowerBound..<recent[0]!.range.upperBound, referent: referent)
    }

    /// Looks for a phrase ending with the word just taken.
    private mutating func match() {
        switch word(0) {
        case .reportNoun?:
            let back = word(1) == .modifier ? 2 : 1
            if word(back) == .determiner { pending = (phrase(from: back, .report), sentence, false) }
        case .reviewNoun?, .eventNoun?, .resultNoun?, .learning?:
            // the review / this audit's findings / the independent reviewer / its recommendations / the event
            let back = word(1) == .modifier ? 2 : 1
            if word(back) == .determiner || word(back) == .demonstrative {
                let referent: SourceAnaphor.Referent = switch word(0) {
                case .reviewNoun?: .review
                case .eventNoun?: .learningEvent
                default: .anyActivity
                }
                pending = (phrase(from: back, referent), sentence, word(0) == .learning)
            } else if word(0)?.endsPhraseOpeningParagraph == true, wordsTaken == back {
                // A paragraph that opens "Recommendations have been adopted" or "Key
                // findings were" goes on about the activity before it.
                pending = (phrase(from: back - 1, .anyActivity), sentence, false)
            }
        case .reportingVerb? where word(1) == .was && word(2) == .it:
            // it was noted / it was found
            found = phrase(from: 2, .anyActivity)
        case .assessedQuality? where (word(1) == .complement || word(1) == .for) && word(2) == .area:
            // areas of development / areas for improvement
            found = phrase(from: 2, .anyActivity)
        case .area?, .strength?:
            // noted as an area / highlighted as a strength
            let back = word(1) == .article ? 2 : 1
            if word(back) == .as && word(back + 1) == .reportingVerb { found = phrase(from: back + 1, .anyActivity) }
        default:
            break
        }
    }
}

/// The last four words taken, in fixed storage: a paragraph's words pass through it one by one.
private struct RecentWords {
    typealias Word = (word: AnaphorWord, range: Range<Int>)
    private var count = 0
    /// Most recent first.
    private var words: (Word, Word, Word, Word) = ((.other, 0..<0), (.other, 0..<0), (.other, 0..<0), (.other, 0..<0))

    mutating func push(_ word: AnaphorWord, _ range: Range<Int>) {
        words = ((word, range), words.0, words.1, words.2)
        count = min(count + 1, 4)
    }

    /// The word `back` places before the last one pushed (0: the last one), if there is one.
    subscript(back: Int) -> Word? {
        guard back < count else { return nil }
        switch back {
        case 0: return words.0
        case 1: return words.1
        case 2: return words.2
        default: return words.3
        }
    }
}

/// Opening and closing quotation marks, straight or curly, as UTF-8 bytes.
private enum QuotationMark {
    static func opens(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text[0] == UInt8(ascii: "'") || text[0] == UInt8(ascii: "\"")
            || (text.count > 3 && text[0] == 0xE2 && text[1] == 0x80 && (text[2] == 0x98 || text[2] == 0x9C))
    }

    static func closes(_ text: UnsafeBufferPointer<UInt8>, before end: Int) -> Bool {
        let last = text[end - 1]
        if last == UInt8(ascii: "'") || last == UInt8(ascii: "\"") { return true }
        return end >= 3 && text[end - 3] == 0xE2 && text[end - 2] == 0x80 && (last == 0x99 || last == 0x9D)
    }
}
