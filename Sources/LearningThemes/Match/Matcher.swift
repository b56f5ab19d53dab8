/// A rule set compiled for matching. Immutable and shareable across threads; each thread
/// brings its own `MatchScratch`.
///
/// Data flows: bytes -> tokens (TokenScanner) -> token classes (WordTrie, stepped as each
/// byte is folded) -> phrase occurrences (PhraseAutomaton, stepped as each word ends) ->
/// clause hits -> tags (ClauseEvaluator). Every step is a single forward pass, so the
/// cost of a paragraph grows linearly with its length, whatever the rules.
public final class Matcher: Sendable {
    let wordTrie: WordTrie
    let phrases: PhraseAutomaton
    let clauses: FrozenArray<CompiledClause>
    let clauseIDs: [String]
    /// The clauses that may fire when each atom occurs (see `AtomClauseIndex`).
    let atomClauses: AtomClauseIndex
    let targets: FrozenArray<CompiledTarget>
    let targetIDs: [String]
    let atomCount: Int
    /// What tells that a paragraph may hold a referring phrase (see `mayHoldAnaphor`).
    let anaphorScreen: AnaphorScreen
    public let ruleSet: RuleSet

    public init(ruleSet: RuleSet) {
        let compiler = RuleCompiler(ruleSet: ruleSet)
        self.ruleSet = ruleSet
        self.wordTrie = compiler.wordTrie
        self.phrases = compiler.phrases
        self.clauses = FrozenArray(compiler.clauses)
        self.clauseIDs = compiler.clauseIDs
        self.atomClauses = AtomClauseIndex(clausesByAtom: compiler.clausesByAtom, clauses: compiler.clauses,
                                           alsoQueried: compiler.anaphorScreen.queried)
        self.targets = FrozenArray(compiler.targets)
        self.targetIDs = compiler.targetIDs
        self.atomCount = compiler.atomCount
        self.anaphorScreen = compiler.anaphorScreen
    }

    /// Classifies one paragraph's text.
    public func classify(_ text: String) -> Classification {
        var scratch = MatchScratch(matcher: self)
        return classify(text, scratch: &scratch)
    }

    /// Classifies one paragraph's text, reusing `scratch` (one per thread) to avoid
    /// allocating per paragraph.
    public func classify(_ text: String, scratch: inout MatchScratch) -> Classification {
        var copy = text
        return copy.withUTF8 { bytes in
            scan(bytes, scratch: &scratch, recording: SpanRecorder.self)
            return ClauseEvaluator(matcher: self, scratch: scratch).classification(of: bytes)
        }
    }

    /// Only the indices (into `ruleSet.rules`) of the tags, without building evidence
    /// strings: what aggregation over a whole corpus needs.
    public func tagIndices(_ text: String, scratch: inout MatchScratch) -> [Int] {
        tags(text, scratch: &scratch).map { Int($0) }
    }

    /// `tagIndices` without an array: the buffer is valid until the scratch is used again.
    func tags(_ text: String, scratch: inout MatchScratch) -> UnsafeBufferPointer<Int32> {
        var copy = text
        return copy.withUTF8 { bytes in tags(bytes, scratch: &scratch) }
    }

    func tags(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout MatchScratch) -> UnsafeBufferPointer<Int32> {
        scan(bytes, scratch: &scratch, recording: SentenceRecorder.self)
        var evaluator = ClauseEvaluator(matcher: self, scratch: scratch)
        evaluator.evaluate(keepingHits: false)
        return UnsafeBufferPointer(scratch.buffers.evaluation.tagged.elements)
    }

    /// Whether the paragraph last classified or tagged with `scratch` may hold a referring
    /// phrase (`SourceAnaphor`): false when it holds none, so its words need not be read
    /// again for one.
    @inline(__always)
    func mayHoldAnaphor(_ scratch: MatchScratch) -> Bool {
        anaphorScreen.mayBeHeld(in: scratch.buffers)
    }

    /// Tokenizes and runs the phrase automaton in one pass, stepping it as each word is
    /// recognised: `scratch` gets the tokens that end some phrase, with their automaton
    /// states (see `PhraseTrace`), and a `Recorder` what it keeps of every token.
    ///
    /// Only tokens that match some rule word (*classed* tokens) step the automaton: a
    /// phrase is a run of consecutive classed tokens, so any other word just breaks the
    /// phrases in progress.
    @discardableResult
    func scan<Recorder: TokenRecorder>(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout MatchScratch,
                                       recording: Recorder.Type) -> Recorder {
        let buffers = scratch.buffers
        buffers.beginParagraph()
        // The buffers hold the cache throughout: passed on unretained, it costs no retain
        // and release per paragraph.
        let (recorder, steps) = Unmanaged.passUnretained(buffers.phraseStates)._withUnsafeGuaranteedRef { cache in
            scan(bytes, buffers: buffers, cache: cache, recording: Recorder.self)
        }
        scratch.work &+= steps
        return recorder
    }

    /// `scan` with the buffers and cache as arguments: the loop then uses them with no
    /// retain and release per paragraph. Returns the recorder and the work done.
    private func scan<Recorder: TokenRecorder>(_ bytes: UnsafeBufferPointer<UInt8>, buffers: MatchBuffers, cache: PhraseStateCache,
                                               recording: Recorder.Type) -> (Recorder, Int) {
        let tokenLimit = TokenScanner.maximumWordCount(byteCount: bytes.count)
        var recorder = Recorder(buffers: buffers, tokenLimit: tokenLimit)
        buffers.trace.reset(generation: buffers.generation)
        // At most one phrase end per token: with room for that many, the loop stores each
        // with no capacity check. Stored through a moving pointer: one value for the loop
        // to keep in a register, where a base and a count took two.
        buffers.trace.phraseEnds.reserve(tokenLimit)
        let phraseEnds = buffers.trace.phraseEnds.base
        var nextPhraseEnd = phraseEnds
        var steps = PhraseSteps(cache: cache)
        // The step key of the state to step from (see `PhraseStateCache.stepKey(of:endsPhrase:stepsAsEmpty:)`).
        let emptyKey = PhraseStateCache.emptyKey
        var from = emptyKey
        var misses = 0
        var walker = TrieWalker(trie: wordTrie)
        // Scanning a padded copy costs a copy per paragraph and saves a test per word.
        let tokenCount = TokenScanner.scan(buffers.padded(bytes), padded: true, sink: &walker,
                                           sentenceEnd: { recorder.endSentence(beforeOrdinal: $0) }) { walker, start, end, _, ordinal in
            let tokenClass = walker.tokenClass
            recorder.record(start: start, end: end, ordinal: ordinal, tokenClass: tokenClass)
            guard tokenClass != WordTrie.noClass else {
                from = emptyKey
                return true
            }
            // Through a copy: a miss takes the tables again, as it may grow or clear them.
            let current = steps
            let next = current.next(from: from, tokenClass: tokenClass) {
                // The trace must hold the phrase ends so far, in case the step clears the
                // cache and so detaches them.
                buffers.trace.phraseEnds.resize(to: nextPhraseEnd - phraseEnds)
                let next = cache.step(from: from, tokenClass: tokenClass, automaton: phrases, trie: wordTrie) {
                    buffers.trace.detach(cache: cache)
                }
                steps = PhraseSteps(cache: cache)
                misses &+= 1
                return next
            }
            if PhraseStateCache.endsPhrase(next) {
                nextPhraseEnd.initialize(to: PhraseTrace.PhraseEnd(ordinal: Int32(truncatingIfNeeded: ordinal),
                                                                   state: PhraseStateCache.state(next)))
                nextPhraseEnd += 1
            }
            from = next
            return true
        }
        buffers.trace.phraseEnds.adoptWritten(count: nextPhraseEnd - phraseEnds)
        recorder.finish(tokenCount: tokenCount)
        // A token is scanned, then takes at most one step, or a miss.
        return (recorder, tokenCount &* 2 &+ misses)
    }
}

/// One phrase found in the text: atom id and first/last token ordinal.
struct Occurrence: Sendable, BitwiseCopyable {
    var atom: Int32
    var start: Int32
    var end: Int32

}
