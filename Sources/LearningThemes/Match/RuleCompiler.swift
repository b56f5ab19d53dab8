/// A `match`/`exclude` clause in compiled form: atoms instead of phrases. Plain values
/// only (the id is kept apart), so reading one costs no reference counting.
struct CompiledClause: Sendable, BitwiseCopyable {
    var target: Int32
    var isExclusion: Bool
    /// A `match` of one phrase set whose weight alone reaches its target's minimum
    /// evidence: one hit tags the paragraph, unless an exclusion cancels it.
    var settlesTarget: Bool
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
    private(set) var anaphorScreen: AnaphorScreen

    init(ruleSet: RuleSet) {
        // The compiler's tables are plain local values, not variables captured by nested
        // functions: those would cost a run-time exclusivity check at every access.
        var symbols = SymbolTable(spellings: ruleSet.spellings)
        var atoms = AtomTable()
        var clausesByAtom: [[Int32]] = []
        var clauses: [CompiledClause] = []
        var clauseIDs: [String] = []
        var targets: [CompiledTarget] = []
        var targetIDs: [String] = []
        for (targetIndex, rule) in ruleSet.rules.enumerated() {
            targets.append(CompiledTarget(isSource: rule.isSource, minimumEvidence: Int32(rule.minimumEvidence)))
            targetIDs.append(rule.id)
            for clause in rule.clauses {
                let index = Int32(clauses.count)
                let first = atoms.atom(clause.pattern.phrases, symbols: &symbols)
                let second = clause.pattern.near.map { atoms.atom($0.phrases, symbols: &symbols) } ?? -1
                // New atoms are numbered on from the last: give each its list of clauses.
                while clausesByAtom.count < atoms.count { clausesByAtom.append([]) }
                clausesByAtom[Int(first)].append(index)
                if second >= 0 && second != first { clausesByAtom[Int(second)].append(index) }
                clauseIDs.append(clause.id)
                clauses.append(CompiledClause(
                    target: Int32(targetIndex), isExclusion: clause.effect == .exclude,
                    settlesTarget: clause.effect == .match && second < 0 && clause.weight >= rule.minimumEvidence,
                    weight: Int32(clause.weight), atom: first, nearAtom: second,
                    distance: Int32(clause.pattern.near?.distance ?? 0)))
            }
        }
        let anaphorScreen = AnaphorScreen(
            endings: atoms.atom(AnaphorScreen.endingPhrases.map { $0.map { RuleTerm($0) } }, symbols: &symbols),
            openings: atoms.atom(AnaphorScreen.openingPhrases.map { $0.map { RuleTerm($0) } }, symbols: &symbols))
        while clausesByAtom.count < atoms.count { clausesByAtom.append([]) }
        let trie = symbols.trie.build()
        self.wordTrie = trie
        self.phrases = atoms.phrases.build(trie: trie)
        self.clausesByAtom = clausesByAtom
        self.clauses = clauses
        self.clauseIDs = clauseIDs
        self.targets = targets
        self.targetIDs = targetIDs
        self.atomCount = atoms.count
        self.anaphorScreen = anaphorScreen
    }
}

/// Rule terms numbered as symbols: the spellings of a `spelling` group share one, and the
/// word trie learns every spelling of each symbol.
private struct SymbolTable {
    private var spellingCanonical: [String: String] = [:]
    private var spellingVariants: [String: [String]] = [:]
    /// Terms recur across the phrases an alternative multiplies out to: each is looked up
    /// by its bytes, and canonicalized only the first time.
    private var symbolOfTerm = TermTable<Int32>()
    private var symbolOfCanonical = TermTable<Int32>()
    private var count: Int32 = 0
    private(set) var trie = WordTrie.Builder()

    init(spellings: [SpellingGroup]) {
        for group in spellings {
            let canonical = spellingCanonical[group.words[0]] ?? group.words[0]
            for word in group.words {
                spellingCanonical[word] = canonical
                if !spellingVariants[canonical, default: []].contains(word) { spellingVariants[canonical, default: []].append(word) }
            }
        }
    }

    mutating func symbol(_ term: RuleTerm) -> Int32 {
        if let symbol = symbolOfTerm.value(of: term) { return symbol }
        let canonical = RuleTerm(spellingCanonical[term.folded] ?? term.folded, isPrefix: term.isPrefix)
        let symbol = symbolOfCanonical.value(of: canonical) ?? count
        if symbol == count {
            count += 1
            symbolOfCanonical.add(canonical, value: symbol)
            for variant in spellingVariants[canonical.folded] ?? [canonical.folded] {
                trie.add(variant, symbol: symbol, isPrefix: term.isPrefix)
            }
        }
        symbolOfTerm.add(term, value: symbol)
        return symbol
    }
}

/// Atoms numbered by their phrases, whose symbols go into the phrase trie once per atom.
private struct AtomTable {
    /// Keyed by symbol ids: hashing thousands of multiplied-out phrases as strings was
    /// most of the cost of loading the rules. Each phrase ends with -1.
    private var atoms = SequenceTable()
    private var symbolList: [Int32] = []
    private(set) var phrases = PhraseAutomaton.Builder()

    var count: Int { atoms.count }

    /// The atom of `phrases`: a new one (numbered `count`) if no atom had these phrases.
    mutating func atom(_ phrases: [[RuleTerm]], symbols: inout SymbolTable) -> Int32 {
        symbolList.removeAll(keepingCapacity: true)
        // The phrases of a product come in order, the last unit varying fastest, so a term
        // is most often the one at its place in the phrase before: comparing the two is
        // cheaper than looking the term up.
        var previous: (phrase: [RuleTerm], start: Int) = ([], 0)
        for phrase in phrases {
            let start = symbolList.count
            for (place, term) in phrase.enumerated() {
                let isRepeat = place < previous.phrase.count && previous.phrase[place] == term
                symbolList.append(isRepeat ? symbolList[previous.start + place] : symbols.symbol(term))
            }
            symbolList.append(-1)
            previous = (phrase, start)
        }
        let (id, isNew) = atoms.insert(symbolList)
        guard isNew else { return id }
        var phraseStart = 0
        for index in symbolList.indices where symbolList[index] < 0 {
            self.phrases.add(symbolList[phraseStart..<index], atom: id)
            phraseStart = index + 1
        }
        return id
    }
}
