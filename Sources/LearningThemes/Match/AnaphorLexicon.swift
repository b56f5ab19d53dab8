/// The few words the anaphor phrases are made of, by their folded (lower-case) spelling.
enum AnaphorWord: Equatable {
    case determiner, demonstrative, below, modifier, reviewNoun, reportNoun, eventNoun, resultNoun, learning, complement, and, `for`
    case it, was, reportingVerb, area, strength, assessedQuality, `as`, article, other

    /// "This", "These", "Below": words that open a sentence about what was just said.
    var pointsToWhatIsNear: Bool { self == .demonstrative || self == .below }

    /// Whether a referring phrase can end with this word: every phrase `AnaphorFinder`
    /// recognises does, which is what lets the matcher turn paragraphs away unread
    /// (`AnaphorScreen`).
    var endsPhrase: Bool {
        switch self {
        case .reviewNoun, .reportNoun, .eventNoun, .resultNoun, .learning, .reportingVerb, .assessedQuality, .area, .strength: true
        default: false
        }
    }

    /// Whether a referring phrase can end with this word after `previous`, as it does in
    /// every phrase `AnaphorFinder` recognises ("the review", "key findings", "was noted",
    /// "of development", "an area", "as a strength") but "Findings …" and "Key findings …"
    /// opening a paragraph.
    func endsPhrase(after previous: AnaphorWord) -> Bool {
        switch self {
        case .reviewNoun, .eventNoun, .resultNoun, .learning: previous == .determiner || previous == .demonstrative || previous == .modifier
        case .reportNoun: previous == .determiner || previous == .modifier
        case .reportingVerb: previous == .was
        case .assessedQuality: previous == .complement || previous == .for
        case .area, .strength: previous == .article || previous == .as
        default: false
        }
    }

    /// Whether a referring phrase can be this word alone, as a paragraph's first word
    /// ("Findings …"); "Key findings …" is a word it can follow.
    var endsPhraseOpeningParagraph: Bool { self == .resultNoun }

    /// `folded` is a word as the tokenizer folds it; ASCII capitals are lower-cased too, so
    /// a raw run of ASCII letters can be looked up as it is.
    init(_ folded: UnsafeBufferPointer<UInt8>) {
        self = Self.lexicon.word(spelled: folded)
    }

    /// Every word with its spellings.
    static let spellings: [(word: AnaphorWord, spelling: [UInt8])] = {
        let groups: [(AnaphorWord, [String])] = [
            (.determiner, ["the", "that", "those", "its"]),
            (.demonstrative, ["this", "these"]), (.below, ["below"]),
            // "the key findings", "the independent reviewer", "both these reviews"
            (.modifier, ["key", "main", "final", "independent", "lead", "two", "three", "four", "recent", "latest"]),
            (.reviewNoun, ["review", "reviews", "reviewer", "reviewers"]),
            (.reportNoun, ["report"]),
            // "the event", "the workshop": the learning event a review's findings were shared at.
            (.eventNoun, ["event", "events", "workshop", "workshops"]),
            (.resultNoun, ["findings", "recommendations"]),
            (.learning, ["learning"]),
            // "the review of …", "the review into …": a new review, not one named before.
            (.complement, ["of", "into"]),
            (.and, ["and"]), (.for, ["for"]), (.it, ["it"]), (.was, ["was"]),
            (.reportingVerb, ["noted", "found", "highlighted", "identified"]),
            (.area, ["area", "areas"]), (.strength, ["strength", "strengths"]),
            (.assessedQuality, ["development", "improvement"]),
            (.as, ["as"]), (.article, ["a", "an"]),
        ]
        return groups.flatMap { word, spellings in spellings.map { (word, Array($0.utf8)) } }
    }()

    /// Its tables are written only while it is made.
    nonisolated(unsafe) private static let lexicon = AnaphorLexicon(spellings: spellings)
}

/// The anaphor words by spelling. Every word of a paragraph that is read is looked up, and
/// nearly all of them are other words, so a first-byte table of possible lengths turns
/// those away with one test; the rest are compared, as two integers rather than byte by
/// byte, with the few spellings that start with the same byte. The tables are raw pointers
/// that live for the whole run (there is one lexicon), so a look-up does no reference
/// counting.
private struct AnaphorLexicon {
    typealias Entry = (spelling: PackedSpelling, word: AnaphorWord)
    /// Per first byte, bit n set when some spelling starting with it is n bytes long.
    private let lengthsByFirstByte: UnsafePointer<UInt32>
    /// Sorted by first byte: those starting with byte b are entries[entryStart[b] ..< entryStart[b + 1]].
    private let entries: UnsafeBufferPointer<Entry>
    private let entryStart: UnsafePointer<Int32>
    /// Read here, not through the global, whose initialisation would be checked per word.
    private let lowercase = ByteClass.lowercase

    init(spellings: [(word: AnaphorWord, spelling: [UInt8])]) {
        let lengths = UnsafeMutablePointer<UInt32>.allocate(capacity: 256)
        lengths.initialize(repeating: 0, count: 256)
        let byFirstByte = spellings.enumerated().sorted { ($0.element.spelling[0], $0.offset) < ($1.element.spelling[0], $1.offset) }
        let entries = UnsafeMutableBufferPointer<Entry>.allocate(capacity: spellings.count)
        let starts = UnsafeMutablePointer<Int32>.allocate(capacity: 257)
        starts.initialize(repeating: 0, count: 257)
        for (index, (_, (word, spelling))) in byFirstByte.enumerated() {
            precondition(!spelling.isEmpty && spelling.count <= PackedSpelling.capacity, "anaphor words are 1 to 16 bytes")
            lengths[Int(spelling[0])] |= 1 << UInt32(spelling.count)
            starts[Int(spelling[0]) + 1] += 1
            spelling.withUnsafeBufferPointer { (entries.baseAddress! + index).initialize(to: (PackedSpelling($0), word)) }
        }
        for byte in 0..<256 { starts[byte + 1] += starts[byte] }
        lengthsByFirstByte = UnsafePointer(lengths)
        self.entries = UnsafeBufferPointer(entries)
        entryStart = UnsafePointer(starts)
    }

    func word(spelled bytes: UnsafeBufferPointer<UInt8>) -> AnaphorWord {
        guard bytes.count > 0, bytes.count <= PackedSpelling.capacity else { return .other }
        let first = Int(lowercase[Int(bytes[0])])
        guard lengthsByFirstByte[first] & (1 << UInt32(bytes.count)) != 0 else { return .other }
        let packed = PackedSpelling(bytes, lowercase: lowercase)
        for index in Int(entryStart[first])..<Int(entryStart[first + 1]) where entries[index].spelling == packed {
            return entries[index].word
        }
        return .other
    }
}

/// Up to 16 bytes of a word, ASCII lower-cased, with its length: equal exactly when the
/// lower-cased words are.
struct PackedSpelling: Equatable {
    static let capacity = 16
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var count: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, lowercase lower: UnsafePointer<UInt8> = ByteClass.lowercase) {
        count = bytes.count
        for index in 0..<min(bytes.count, 8) { low |= UInt64(lower[Int(bytes[index])]) << (8 * UInt64(index)) }
        for index in min(bytes.count, 8)..<min(bytes.count, Self.capacity) {
            high |= UInt64(lower[Int(bytes[index])]) << (8 * UInt64(index - 8))
        }
    }
}
