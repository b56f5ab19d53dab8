/// Per-thread working memory for matching, reused from paragraph to paragraph.
public struct MatchScratch: Sendable {
    let buffers: MatchBuffers
    /// Elementary steps taken so far; tests use it to show that cost grows linearly.
    public internal(set) var work: Int = 0

    public init(matcher: Matcher) {
        self.init(matcher: matcher, maximumPhraseStates: PhraseStateCache.defaultMaximumStates)
    }

    /// A scratch whose phrase state cache starts again past `maximumPhraseStates` states:
    /// tests make it tiny to show that starting again changes no result.
    init(matcher: Matcher, maximumPhraseStates: Int) {
        buffers = MatchBuffers(atoms: matcher.atomCount, clauses: matcher.clauses.count,
                               phraseStates: PhraseStateCache(classCount: matcher.wordTrie.classCount,
                                                              atomClauses: matcher.atomClauses,
                                                              maximumStates: maximumPhraseStates))
    }
}

/// The buffers behind `MatchScratch`, in one object so passing the scratch around moves
/// a single reference. It owns their memory; the matcher's passes take the buffers they
/// fill into locals and store them back (see `ScratchBuffer`).
///
/// Only its own thread uses it: unchecked exclusivity spares each per-paragraph access
/// to a buffer a runtime check.
final class MatchBuffers: @unchecked Sendable {
    /// Each token's sentence, and (when evidence is wanted) its bytes (see `TokenRecorder`).
    @exclusivity(unchecked) var sentences = ScratchBuffer<Int32>()
    @exclusivity(unchecked) var spans = ScratchBuffer<TokenSpan>()
    /// A copy of the paragraph being scanned, with `TokenScanner.padding` after it.
    @exclusivity(unchecked) var paddedText = ScratchBuffer<UInt8>()
    /// The phrase automaton's states and steps met so far, kept from paragraph to paragraph.
    let phraseStates: PhraseStateCache
    /// The tokens that end some phrase, with their automaton states, and which queried
    /// atoms are present.
    @exclusivity(unchecked) var trace: PhraseTrace
    /// What `ClauseEvaluator` works with, in one value it takes and stores back.
    @exclusivity(unchecked) var evaluation: EvaluationBuffers
    /// Per atom read by a candidate clause: generation stamp, first index in `grouped`,
    /// and count.
    let atoms: StampTable
    private(set) var generation: UInt32 = 0

    init(atoms: Int, clauses: Int, phraseStates: PhraseStateCache) {
        self.phraseStates = phraseStates
        self.atoms = StampTable(count: atoms)
        trace = PhraseTrace(atomCount: atoms)
        evaluation = EvaluationBuffers(clauseCount: clauses)
    }

    deinit {
        sentences.deallocate()
        spans.deallocate()
        paddedText.deallocate()
        trace.deallocate()
        evaluation.deallocate()
        atoms.deallocate()
    }

    /// Starts a paragraph: a new generation makes every atom stamp stale at once.
    @inline(__always)
    func beginParagraph() {
        generation &+= 1
        if generation == 0 { restartGenerations() }
    }

    /// `text` copied into `paddedText` with `TokenScanner.padding` zero bytes after it
    /// (valid until the next call).
    @inline(__always)
    func padded(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        paddedText.reset()
        paddedText.reserve(text.count &+ TokenScanner.padding)
        let copy = paddedText.base
        if let start = text.baseAddress { copy.update(from: start, count: text.count) }
        UnsafeMutableRawPointer(copy + text.count).storeBytes(of: 0, as: UInt32.self)
        return UnsafeBufferPointer(start: copy, count: text.count)
    }

    /// Wrapped after 4 billion paragraphs: clear stamps so old marks cannot collide.
    private func restartGenerations() {
        atoms.clear()
        trace.present.clear()
        generation = 1
    }
}

/// The buffers `ClauseEvaluator` fills for one paragraph.
struct EvaluationBuffers {
    /// The occurrences of the atoms that clauses read, grouped by atom (each atom's run
    /// sorted by start).
    var grouped = ScratchBuffer<Occurrence>()
    /// The candidate clauses as bits, which puts them in clause order without sorting.
    var candidateBits: CandidateClauses
    /// The atoms of `candidates`, each once: the only ones worth grouping.
    var readAtoms = ScratchBuffer<Int32>()
    /// Clauses all of whose atoms occur, in clause order (so grouped by target).
    var candidates = ScratchBuffer<Int32>()
    /// The occurrences of the read atoms, in token order, before grouping.
    var found = ScratchBuffer<Occurrence>()
    var matches = ScratchBuffer<ClauseEvaluator.Hit>()
    var exclusions = ScratchBuffer<ClauseEvaluator.Hit>()
    var tagged = ScratchBuffer<Int32>()
    /// Surviving hits of tagged targets, and where each target's run starts in it.
    var survivors = ScratchBuffer<ClauseEvaluator.Hit>()
    var survivorStart = ScratchBuffer<Int32>()

    init(clauseCount: Int) {
        candidateBits = CandidateClauses(clauseCount: clauseCount)
    }

    func deallocate() {
        candidateBits.deallocate()
        grouped.deallocate()
        for buffer in [readAtoms, candidates, tagged, survivorStart] { buffer.deallocate() }
        found.deallocate()
        for buffer in [matches, exclusions, survivors] { buffer.deallocate() }
    }
}
