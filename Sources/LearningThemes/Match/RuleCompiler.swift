/// A `match`/`exclude` clause in compiled form: atoms instead of phrases. Plain values
/// only (the id is kept apart), so reading one costs no reference counting.
struct CompiledClause: Sendable, BitwiseCopyable {
    var target: Int32
    var isExclusion: Bool
    var weight: Int32
    /// The clause's phrase set, and for `near/N` clauses the second set (-1 otherwise).
    var atom: Int32
    var nearAtom: Int32
    var distance: Int32
}

/// A theme or source in compiled form.
struct CompiledTarget: Sendable, BitwiseCopyable {
    var isSource: Bool
    var minimumEvidence: Int32
}

/// Turns a `RuleSet` into the tables the matcher runs. An *atom* is a set of alternative
/// phrases (one side of a clause); identical atoms are shared between clauses, and every
/// phrase of every atom goes into one trie, so the text is scanned once for all rules.
struct RuleCompiler {
    private(set) var wordTrie: WordTrie
    private(set) var phrases: PhraseAutomaton
    private(set) var clauses: [CompiledClause]
    private(set) var clauseIDs: [String]
    private(set) var clausesByAtom: [[Int32]]
    private(set) var targets: [CompiledTarget]
    private(set) var targetIDs: [String]
    private(set) var atomCount: Int

    init(ruleSet: RuleSet) {
        var spellingCanonical: [String: String] = [:]
        var spellingVariants: [String: [String]] = [:]
        for group in ruleSet.spellings {
            let canonical = spellingCanonical[group.words[0]] ?? group.words[0]
            for word in group.words {
                spellingCanonical[word] = canonical
                if !spellingVariants[canonical, default: []].contains(word) { spellingVariants[canonical, default: []].append(word) }
            }
        }
        var trieBuilder = WordTrie.Builder()
        var phraseBuilder = PhraseAutomaton.Builder()
        var symbolIDs: [RuleTerm: Int32] = [:]
        var atoms = SequenceTable()
        var symbols: [Int32] = []
        var clausesByAtom: [[Int32]] = []
        var clauses: [CompiledClause] = []
        var clauseIDs: [String] = []
        var targets: [CompiledTarget] = []
        var targetIDs: [String] = []

        // Terms recur across the phrases an alternative multiplies out to: look each up once.
        var symbolOfTerm = TermTable<Int32>()
        func symbol(_ term: RuleTerm) -> Int32 {
            symbolOfTerm.value(of: term) { canonicalSymbol(term) }
        }
        func canonicalSymbol(_ term: RuleTerm) -> Int32 {
            let canonical = RuleTerm(spellingCanonical[term.folded] ?? term.folded, isPrefix: term.isPrefix)
            if let id = symbolIDs[canonical] { return id }
            let id = Int32(symbolIDs.count)
            symbolIDs[canonical] = id
            for variant in spellingVariants[canonical.folded] ?? [canonical.folded] {
                trieBuilder.add(variant, symbol: id, isPrefix: term.isPrefix)
            }
            return id
        }
        func atom(_ phrases: [[RuleTerm]]) -> Int32 {
            // Keyed by symbol ids: hashing thousands of multiplied-out phrases as strings
            // was most of the cost of loading the rules. Each phrase ends with -1.
            symbols.removeAll(keepingCapacity: true)
            for phrase in phrases {
                for term in phrase { symbols.append(symbol(term)) }
                symbols.append(-1)
            }
            let (id, isNew) = atoms.insert(symbols)
            guard isNew else { return id }
            clausesByAtom.append([])
            var phraseStart = 0
            for index in symbols.indices where symbols[index] < 0 {
                phraseBuilder.add(symbols[phraseStart..<index], atom: id)
                phraseStart = index + 1
            }
            return id
        }

        for (targetIndex, rule) in ruleSet.rules.enumerated() {
            targets.append(CompiledTarget(isSource: rule.isSource, minimumEvidence: Int32(rule.minimumEvidence)))
            targetIDs.append(rule.id)
            for clause in rule.clauses {
                let index = Int32(clauses.count)
                let first = atom(clause.pattern.phrases)
                let second = clause.pattern.near.map { atom($0.phrases) } ?? -1
                clausesByAtom[Int(first)].append(index)
                if second >= 0 && second != first { clausesByAtom[Int(second)].append(index) }
                clauseIDs.append(clause.id)
                clauses.append(CompiledClause(
                    target: Int32(targetIndex), isExclusion: clause.effect == .exclude,
                    weight: Int32(clause.weight), atom: first, nearAtom: second,
                    distance: Int32(clause.pattern.near?.distance ?? 0)))
            }
        }
        let trie = trieBuilder.build()
        self.wordTrie = trie
        self.phrases = phraseBuilder.build(trie: trie)
        self.clausesByAtom = clausesByAtom
        self.clauses = clauses
        self.clauseIDs = clauseIDs
        self.targets = targets
        self.targetIDs = targetIDs
        self.atomCount = atoms.count
    }
}
