/// A rule set compiled for matching. Immutable and shareable across threads; each thread
/// brings its own `MatchScratch`.
///
/// Data flows: bytes -> tokens (TokenScanner) -> token classes (WordTrie, stepped as each
/// byte is folded) -> phrase occurrences (PhraseAutomaton) -> clause hits -> tags
/// (ClauseEvaluator). Every step is a single forward pass, so the cost of a paragraph
/// grows linearly with its length, whatever the rules.
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
    public let ruleSet: RuleSet

    public init(ruleSet: RuleSet) {
        let compiler = RuleCompiler(ruleSet: ruleSet)
        self.ruleSet = ruleSet
        self.wordTrie = compiler.wordTrie
        self.phrases = compiler.phrases
        self.clauses = FrozenArray(compiler.clauses)
        self.clauseIDs = compiler.clauseIDs
        self.atomClauses = AtomClauseIndex(clausesByAtom: compiler.clausesByAtom, clauses: compiler.clauses)
        self.targets = FrozenArray(compiler.targets)
        self.targetIDs = compiler.targetIDs
        self.atomCount = compiler.atomCount
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
            scan(bytes, scratch: &scratch)
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
        scan(bytes, scratch: &scratch)
        var evaluator = ClauseEvaluator(matcher: self, scratch: scratch)
        evaluator.evaluate(keepingHits: false)
        return UnsafeBufferPointer(scratch.buffers.evaluation.tagged.elements)
    }

    /// Tokenizes and runs the phrase automaton, filling `scratch` with the positions of
    /// the tokens that match some rule word, the automaton state of each, and the clauses
    /// that may fire.
    ///
    /// Only such *classed* tokens are recorded: a phrase is a run of consecutive classed
    /// tokens, so occurrences index this shorter list, which keeps the common case (a word
    /// no rule mentions) to the scan alone.
    ///
    /// Runs in two passes, each a tight loop over few variables: words to classed tokens,
    /// then classed tokens to automaton states and candidate clauses.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout MatchScratch) {
        let buffers = scratch.buffers
        buffers.beginParagraph()
        var tokens = buffers.tokens
        tokens.reset()
        let tokenCount = wordTrie.collectClassedTokens(in: bytes, into: &tokens)
        buffers.tokens = tokens
        // In place: the trace is too large a value to copy out and back per paragraph.
        let misses = phrases.trace(tokens, trie: wordTrie, generation: buffers.generation, into: &buffers.trace,
                                   cache: buffers.phraseStates)
        scratch.work &+= tokenCount &+ tokens.count &+ misses
    }
}

/// One phrase found in the text: atom id and first/last classed-token ordinal.
struct Occurrence: Sendable, BitwiseCopyable {
    var atom: Int32
    var start: Int32
    var end: Int32

}
