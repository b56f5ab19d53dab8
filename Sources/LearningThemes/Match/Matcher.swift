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
    /// Clauses that use atom a: clausesOfAtom[clausesOfAtomStart[a] ..< clausesOfAtomStart[a + 1]].
    let clausesOfAtomStart: FrozenArray<Int32>
    let clausesOfAtom: FrozenArray<Int32>
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
        var starts: [Int32] = [0]
        for list in compiler.clausesByAtom { starts.append(starts.last! + Int32(list.count)) }
        self.clausesOfAtomStart = FrozenArray(starts)
        self.clausesOfAtom = FrozenArray(compiler.clausesByAtom.flatMap { $0 })
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
        ClauseEvaluator(matcher: self, scratch: scratch).evaluate(keepingHits: false)
        return UnsafeBufferPointer(scratch.buffers.tagged.elements)
    }

    /// Tokenizes and runs the phrase automaton, filling `scratch` with the positions of
    /// the tokens that match some rule word and the phrase occurrences among them.
    ///
    /// Only such *classed* tokens are recorded: a phrase is a run of consecutive classed
    /// tokens, so occurrences index this shorter list, which keeps the common case (a word
    /// no rule mentions) to the scan alone.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout MatchScratch) {
        scratch.reset()
        let buffers = scratch.buffers
        let trie = wordTrie
        let phrases = self.phrases
        var scanner = TokenScanner(text: bytes, sink: TrieWalker(trie: trie))
        var active = buffers.active
        var next = buffers.next
        var work = 0
        var tokenIndex: Int32 = -1
        var lastClassedIndex: Int32 = -2
        while let token = scanner.next() {
            tokenIndex += 1
            let tokenClass = scanner.sink.tokenClass
            if tokenClass == WordTrie.noClass { continue }
            work &+= 1
            let ordinal = Int32(buffers.tokens.count)
            buffers.tokens.append(ClassedToken(start: Int32(truncatingIfNeeded: token.start),
                                               end: Int32(truncatingIfNeeded: token.end),
                                               sentence: Int32(truncatingIfNeeded: token.sentence), index: tokenIndex))
            // A word no rule knows breaks every phrase in progress.
            if lastClassedIndex != tokenIndex - 1 { active.reset() }
            lastClassedIndex = tokenIndex
            next.reset()
            let symbolLower = Int(trie.classSymbolStart[Int(tokenClass)])
            let symbolUpper = Int(trie.classSymbolStart[Int(tokenClass) + 1])
            for index in 0..<active.count {
                let node = active[index]
                for position in symbolLower..<symbolUpper {
                    work &+= 1
                    if let child = phrases.child(of: node, symbol: trie.classSymbols[position]) { next.append(child) }
                }
            }
            for position in Int(phrases.rootTargetStart[Int(tokenClass)])..<Int(phrases.rootTargetStart[Int(tokenClass) + 1]) {
                next.append(phrases.rootTargets[position])
            }
            for index in 0..<next.count {
                let node = Int(next[index])
                let lower = Int(phrases.outputStart[node])
                let upper = Int(phrases.outputStart[node + 1])
                guard lower < upper else { continue }
                let start = ordinal - phrases.depth[node] + 1
                for output in lower..<upper {
                    work &+= 1
                    buffers.occurrences.append(Occurrence(atom: phrases.outputAtoms[output], start: start, end: ordinal))
                }
            }
            swap(&active, &next)
        }
        scratch.work &+= work + Int(tokenIndex + 1)
    }
}

/// A token that matches some rule word: its bytes, sentence, and position among all
/// tokens (proximity counts every word, not only these).
struct ClassedToken: Sendable, BitwiseCopyable {
    var start: Int32
    var end: Int32
    var sentence: Int32
    var index: Int32
}

/// One phrase found in the text: atom id and first/last classed-token ordinal.
struct Occurrence: Sendable, BitwiseCopyable {
    var atom: Int32
    var start: Int32
    var end: Int32

}

/// Per-thread working memory for matching, reused from paragraph to paragraph.
public struct MatchScratch: Sendable {
    let buffers: MatchBuffers
    /// Elementary steps taken so far; tests use it to show that cost grows linearly.
    public internal(set) var work: Int = 0

    public init(matcher: Matcher) {
        buffers = MatchBuffers(atoms: matcher.atomCount, clauses: matcher.clauses.count,
                               nodes: matcher.phrases.nodeCount)
    }

    mutating func reset() { buffers.reset() }
}

/// The buffers behind `MatchScratch`, in one object so passing the scratch around moves
/// a single reference.
final class MatchBuffers: @unchecked Sendable {
    /// The tokens that match some rule word, in order.
    let tokens = ScratchBuffer<ClassedToken>()
    let active: ScratchBuffer<Int32>
    let next: ScratchBuffer<Int32>
    let occurrences = ScratchBuffer<Occurrence>()
    /// The occurrences grouped by atom (each atom's run sorted by start).
    let grouped = ScratchBuffer<Occurrence>()
    /// Atoms with occurrences in this paragraph, in first-seen order.
    let touchedAtoms = ScratchBuffer<Int32>()
    let triggered = ScratchBuffer<Int32>()
    let matches = ScratchBuffer<ClauseEvaluator.Hit>()
    let exclusions = ScratchBuffer<ClauseEvaluator.Hit>()
    let tagged = ScratchBuffer<Int32>()
    /// Surviving hits of tagged targets, and where each target's run starts in it.
    let survivors = ScratchBuffer<ClauseEvaluator.Hit>()
    let survivorStart = ScratchBuffer<Int32>()
    /// Per atom: first index and count in `grouped`.
    let atoms: StampTable
    /// One bit per clause, set while a paragraph is evaluated and cleared as it is read.
    let clauseBits: UnsafeMutablePointer<UInt64>
    private(set) var generation: UInt32 = 0

    init(atoms: Int, clauses: Int, nodes: Int) {
        self.atoms = StampTable(count: atoms)
        clauseBits = .allocate(capacity: clauses / 64 + 1)
        clauseBits.initialize(repeating: 0, count: clauses / 64 + 1)
        // Each step reaches every node at most once, plus the root's targets.
        active = ScratchBuffer(capacity: nodes + 1)
        next = ScratchBuffer(capacity: nodes + 1)
    }

    deinit { clauseBits.deallocate() }

    func reset() {
        tokens.reset()
        active.reset()
        next.reset()
        occurrences.reset()
        generation &+= 1
        if generation == 0 {
            // Wrapped after 4 billion paragraphs: clear stamps so old marks cannot collide.
            atoms.clear()
            generation = 1
        }
    }
}
