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

    /// Tokenizes and runs the phrase automaton, filling `scratch` with token positions and
    /// phrase occurrences.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout MatchScratch) {
        scratch.reset()
        let trie = wordTrie
        let phrases = self.phrases
        var tokenIndex: Int32 = 0
        Tokenizer().forEachToken(in: bytes) { range, sentence, folded in
            scratch.work &+= 1
            scratch.tokenStart.append(Int32(range.lowerBound))
            scratch.tokenEnd.append(Int32(range.upperBound))
            scratch.tokenSentence.append(Int32(sentence))
            let tokenClass = trie.tokenClass(of: folded)
            defer { tokenIndex += 1 }
            if tokenClass == WordTrie.noClass {
                scratch.active.removeAll(keepingCapacity: true)
                return
            }
            scratch.next.removeAll(keepingCapacity: true)
            let symbols = trie.classSymbols[Int(tokenClass)]
            for node in scratch.active {
                for symbol in symbols {
                    scratch.work &+= 1
                    if let child = phrases.child(of: node, symbol: symbol) { scratch.next.append(child) }
                }
            }
            scratch.next += phrases.rootTargets[Int(tokenClass)]
            for node in scratch.next {
                let lower = Int(phrases.outputStart[Int(node)])
                let upper = Int(phrases.outputStart[Int(node) + 1])
                guard lower < upper else { continue }
                let start = tokenIndex - phrases.depth[Int(node)] + 1
                for output in lower..<upper {
                    scratch.work &+= 1
                    scratch.occurrences.append(Occurrence(atom: phrases.outputAtoms[output], start: start, end: tokenIndex))
                }
            }
            swap(&scratch.active, &scratch.next)
        }
    }
}

/// One phrase found in the text: atom id and first/last token index.
struct Occurrence: Sendable {
    var atom: Int32
    var start: Int32
    var end: Int32
}

/// Per-thread working memory for matching, reused from paragraph to paragraph.
public struct MatchScratch: Sendable {
    var tokenStart: [Int32] = []
    var tokenEnd: [Int32] = []
    var tokenSentence: [Int32] = []
    var active: [Int32] = []
    var next: [Int32] = []
    var occurrences: [Occurrence] = []
    var atomFirst: [Int32]
    var atomStamp: [UInt32]
    var clauseStamp: [UInt32]
    var generation: UInt32 = 0
    /// Elementary steps taken so far; tests use it to show that cost grows linearly.
    public internal(set) var work: Int = 0

    public init(matcher: Matcher) {
        atomFirst = [Int32](repeating: 0, count: matcher.atomCount)
        atomStamp = [UInt32](repeating: 0, count: matcher.atomCount)
        clauseStamp = [UInt32](repeating: 0, count: matcher.clauses.count)
    }

    mutating func reset() {
        tokenStart.removeAll(keepingCapacity: true)
        tokenEnd.removeAll(keepingCapacity: true)
        tokenSentence.removeAll(keepingCapacity: true)
        active.removeAll(keepingCapacity: true)
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
