/// A rule set compiled for matching. Immutable and shareable across threads; each thread
/// brings its own `MatchScratch`.
///
/// Data flows: bytes -> tokens (Tokenizer) -> token classes (WordTrie) -> phrase
/// occurrences (PhraseAutomaton) -> clause hits -> tags (ClauseEvaluator). Every step is a
/// single forward pass, so the cost of a paragraph grows linearly with its length.
public final class Matcher: Sendable {
    let wordTrie: WordTrie
    let phrases: PhraseAutomaton
    let clauses: [CompiledClause]
    /// atom -> clauses that use it.
    let clausesByAtom: [[Int32]]
    let targets: [CompiledTarget]
    let atomCount: Int
    public let ruleSet: RuleSet

    public init(ruleSet: RuleSet) {
        let compiler = RuleCompiler(ruleSet: ruleSet)
        self.ruleSet = ruleSet
        self.wordTrie = compiler.wordTrie
        self.phrases = compiler.phrases
        self.clauses = compiler.clauses
        self.clausesByAtom = compiler.clausesByAtom
        self.targets = compiler.targets
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
            return ClauseEvaluator(matcher: self).classification(of: bytes, scratch: &scratch)
        }
    }

    /// Only the indices (into `ruleSet.rules`) of the tags, without building evidence
    /// strings: what aggregation over a whole corpus needs.
    public func tagIndices(_ text: String, scratch: inout MatchScratch) -> [Int] {
        var copy = text
        return copy.withUTF8 { bytes in
            scan(bytes, scratch: &scratch)
            return ClauseEvaluator(matcher: self).taggedTargets(scratch: &scratch)
        }
    }

    /// Tokenizes and runs the phrase automaton, filling `scratch` with the positions of
    /// the tokens that match some rule word and the phrase occurrences among them.
    ///
    /// Only such *classed* tokens are recorded: a phrase is a run of consecutive classed
    /// tokens, so occurrences index this shorter list, which keeps the common case (a word
    /// no rule mentions) to the scan alone.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout MatchScratch) {
        scratch.reset()
        let trie = wordTrie
        let phrases = self.phrases
        var scanner = TokenScanner(text: bytes, sink: TrieWalker(trie: trie))
        var active = scratch.active
        var next = scratch.next
        var tokenIndex: Int32 = -1
        var lastClassedIndex: Int32 = -2
        while let token = scanner.next() {
            tokenIndex += 1
            let tokenClass = scanner.sink.tokenClass
            if tokenClass == WordTrie.noClass { continue }
            scratch.work &+= 1
            let ordinal = Int32(scratch.tokenStart.count)
            scratch.tokenStart.append(Int32(token.start))
            scratch.tokenEnd.append(Int32(token.end))
            scratch.tokenSentence.append(Int32(token.sentence))
            scratch.tokenIndex.append(tokenIndex)
            // A word no rule knows breaks every phrase in progress.
            if lastClassedIndex != tokenIndex - 1 { active.count = 0 }
            lastClassedIndex = tokenIndex
            next.count = 0
            let symbolLower = Int(trie.classSymbolStart[Int(tokenClass)])
            let symbolUpper = Int(trie.classSymbolStart[Int(tokenClass) + 1])
            for index in 0..<active.count {
                let node = active.nodes[index]
                for position in symbolLower..<symbolUpper {
                    scratch.work &+= 1
                    if let child = phrases.child(of: node, symbol: trie.classSymbols[position]) { next.append(child) }
                }
            }
            for position in Int(phrases.rootTargetStart[Int(tokenClass)])..<Int(phrases.rootTargetStart[Int(tokenClass) + 1]) {
                next.append(phrases.rootTargets[position])
            }
            for index in 0..<next.count {
                let node = Int(next.nodes[index])
                let lower = Int(phrases.outputStart[node])
                let upper = Int(phrases.outputStart[node + 1])
                guard lower < upper else { continue }
                let start = ordinal - phrases.depth[node] + 1
                for output in lower..<upper {
                    scratch.work &+= 1
                    scratch.occurrences.append(Occurrence(atom: phrases.outputAtoms[output], start: start, end: ordinal))
                }
            }
            swap(&active, &next)
        }
        scratch.work &+= Int(tokenIndex + 1)
        scratch.active = active
        scratch.next = next
    }
}

/// One phrase found in the text: atom id and first/last classed-token ordinal.
struct Occurrence: Sendable {
    var atom: Int32
    var start: Int32
    var end: Int32

    /// Sorts by atom, then start: one integer comparison instead of a tuple's three.
    var sortKey: UInt64 { UInt64(UInt32(bitPattern: atom)) << 32 | UInt64(UInt32(bitPattern: start)) }
}

/// A set of phrase-automaton nodes with room for every node, so adding never allocates.
/// A node appears at most once per step (each is reached from one parent by one symbol).
struct NodeSet: @unchecked Sendable {
    private let storage: FrozenNodeStorage
    var count = 0

    init(capacity: Int) { storage = FrozenNodeStorage(capacity: capacity) }

    var nodes: UnsafeMutablePointer<Int32> { storage.base }

    @inline(__always)
    mutating func append(_ node: Int32) {
        storage.base[count] = node
        count += 1
    }
}

final class FrozenNodeStorage: @unchecked Sendable {
    let base: UnsafeMutablePointer<Int32>
    init(capacity: Int) { base = .allocate(capacity: max(1, capacity)) }
    deinit { base.deallocate() }
}

/// Per-thread working memory for matching, reused from paragraph to paragraph.
public struct MatchScratch: Sendable {
    var tokenStart: [Int32] = []
    var tokenEnd: [Int32] = []
    var tokenSentence: [Int32] = []
    /// Position of each classed token among all tokens (for proximity distances).
    var tokenIndex: [Int32] = []
    var active: NodeSet
    var next: NodeSet
    var occurrences: [Occurrence] = []
    var atomFirst: [Int32]
    var atomStamp: [UInt32]
    var clauseStamp: [UInt32]
    var generation: UInt32 = 0
    /// Elementary steps taken so far; tests use it to show that cost grows linearly.
    public internal(set) var work: Int = 0

    public init(matcher: Matcher) {
        // Each step reaches every node at most once, plus the root's targets.
        active = NodeSet(capacity: matcher.phrases.nodeCount + 1)
        next = NodeSet(capacity: matcher.phrases.nodeCount + 1)
        atomFirst = [Int32](repeating: 0, count: matcher.atomCount)
        atomStamp = [UInt32](repeating: 0, count: matcher.atomCount)
        clauseStamp = [UInt32](repeating: 0, count: matcher.clauses.count)
    }

    mutating func reset() {
        tokenStart.removeAll(keepingCapacity: true)
        tokenEnd.removeAll(keepingCapacity: true)
        tokenSentence.removeAll(keepingCapacity: true)
        tokenIndex.removeAll(keepingCapacity: true)
        active.count = 0
        occurrences.removeAll(keepingCapacity: true)
        generation &+= 1
        if generation == 0 {
            // Wrapped after 4 billion paragraphs: clear stamps so old marks cannot collide.
            for index in atomStamp.indices { atomStamp[index] = 0 }
            for index in clauseStamp.indices { clauseStamp[index] = 0 }
            generation = 1
        }
    }
}
