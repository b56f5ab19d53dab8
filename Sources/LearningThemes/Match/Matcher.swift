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
    /// The clauses to check when atom a occurs: clausesOfAtom[clausesOfAtomStart[a] ..<
    /// clausesOfAtomStart[a + 1]]. A `near/N` clause needs both its atoms, so it is listed
    /// under one only: the one fewer clauses use, as words many rules mention tend to be
    /// common in text, and checking from the rarer side touches the clause less often.
    let clausesOfAtomStart: FrozenArray<Int32>
    let clausesOfAtom: FrozenArray<Int32>
    /// Beside each entry of `clausesOfAtom`: the other atom that clause needs (its other
    /// side of `near/N`), or -1, so finding the clauses that can fire reads no clause.
    let otherAtomOfClausesOfAtom: FrozenArray<Int32>
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
        let usage = compiler.clausesByAtom.map(\.count)
        let listed = compiler.clausesByAtom.enumerated().map { atom, clauses in
            clauses.compactMap { clause -> (clause: Int32, otherAtom: Int32)? in
                let compiled = compiler.clauses[Int(clause)]
                guard compiled.nearAtom >= 0 && compiled.nearAtom != compiled.atom else { return (clause, -1) }
                let other = compiled.atom == Int32(atom) ? compiled.nearAtom : compiled.atom
                let checkedFrom = usage[Int(compiled.nearAtom)] < usage[Int(compiled.atom)] ? compiled.nearAtom : compiled.atom
                return checkedFrom == Int32(atom) ? (clause, other) : nil
            }
        }
        var starts: [Int32] = [0]
        for list in listed { starts.append(starts.last! + Int32(list.count)) }
        self.clausesOfAtomStart = FrozenArray(starts)
        self.clausesOfAtom = FrozenArray(listed.flatMap { $0.map(\.clause) })
        self.otherAtomOfClausesOfAtom = FrozenArray(listed.flatMap { $0.map(\.otherAtom) })
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
    /// the tokens that match some rule word and the phrase occurrences among them.
    ///
    /// Only such *classed* tokens are recorded: a phrase is a run of consecutive classed
    /// tokens, so occurrences index this shorter list, which keeps the common case (a word
    /// no rule mentions) to the scan alone.
    ///
    /// Runs in two passes, each a tight loop over few variables: words to classed tokens,
    /// then classed tokens to phrase occurrences.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout MatchScratch) {
        let buffers = scratch.buffers
        buffers.beginParagraph()
        var tokens = buffers.tokens
        var occurrences = buffers.occurrences
        tokens.reset()
        occurrences.reset()
        let tokenCount = wordTrie.collectClassedTokens(in: bytes, into: &tokens)
        let misses = phrases.collectOccurrences(in: tokens, trie: wordTrie, into: &occurrences, cache: buffers.phraseStates)
        buffers.tokens = tokens
        buffers.occurrences = occurrences
        scratch.work &+= tokenCount &+ tokens.count &+ misses &+ occurrences.count
    }
}

/// One phrase found in the text: atom id and first/last classed-token ordinal.
struct Occurrence: Sendable, BitwiseCopyable {
    var atom: Int32
    var start: Int32
    var end: Int32

}
