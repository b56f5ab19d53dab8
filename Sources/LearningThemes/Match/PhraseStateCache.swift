/// The phrase automaton run as a DFA over token classes, built lazily: each set of active
/// nodes met so far is a state, and each (state, class) step taken so far is remembered in
/// a hash table, so a token costs one look-up instead of a step of every active node by
/// every symbol of its class. Like RE2's lazy DFA, a state is made only when the text
/// needs it, from one ordinary NFA step, and everything is dropped when the cache passes
/// a bound: memory stays bounded and a token never costs more than one NFA step, whatever
/// the rules. The results are those of the NFA; only the speed depends on the cache.
///
/// Per thread (it lives in `MatchBuffers`); the automaton itself stays immutable.
final class PhraseStateCache: @unchecked Sendable {
    /// What a state outputs: an atom and the length of its phrase, in tokens.
    struct Output: BitwiseCopyable {
        var atom: Int32
        var length: Int32
    }

    /// The state of no active nodes, where every text starts and every unknown word leads.
    static let empty: Int32 = 0

    // Only the matcher's own thread uses the cache, reading its tables once per paragraph
    // and growing them on a miss: unchecked exclusivity spares each access a runtime check.

    /// State s: its nodes are nodes[nodeStart[s] ..< nodeStart[s + 1]] (sorted), its
    /// outputs outputs[outputStart[s] ..< outputStart[s + 1]].
    @exclusivity(unchecked) private var nodes = ScratchBuffer<Int32>()
    @exclusivity(unchecked) private var nodeStart = ScratchBuffer<Int32>()
    @exclusivity(unchecked) private(set) var outputs = ScratchBuffer<Output>()
    @exclusivity(unchecked) private(set) var outputStart = ScratchBuffer<Int32>()
    /// Each state's step key (see `stepKey(of:endsPhrase:stepsAsEmpty:)`).
    @exclusivity(unchecked) private(set) var stepKeys = ScratchBuffer<UInt64>()
    /// What a token in each state sets off.
    @exclusivity(unchecked) private(set) var triggers: TriggerTable
    /// The states by their node sets (see `StateSetTable`), so a miss finds an existing
    /// state without allocating.
    @exclusivity(unchecked) private var statesByNodes: StateSetTable
    /// The node set of the step being taken.
    @exclusivity(unchecked) private var stepNodes = ScratchBuffer<Int32>()

    /// The step keys of the steps from `empty`, by token class (`vacant` if not taken yet).
    /// Most classed tokens follow a word no rule knows, so they step from `empty`: one load
    /// instead of a probe.
    let fromEmpty: UnsafeMutablePointer<UInt64>
    private let classCount: Int

    /// Open addressing: keys (see `key`; `vacant` if unused) and the step keys of the
    /// states they lead to.
    @exclusivity(unchecked) private(set) var keys: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private(set) var targets: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private(set) var mask: Int
    @exclusivity(unchecked) private var transitionCount = 0
    /// How many times the cache has started again (for tests).
    private(set) var restarts = 0
    static let vacant = UInt64.max

    private static let initialSlots = 1 << 12
    private static let maximumSlots = 1 << 20
    /// Past this many states the cache starts again (tests lower it to exercise that).
    let maximumStates: Int
    static let defaultMaximumStates = 1 << 18

    init(classCount: Int, atomClauses: AtomClauseIndex, maximumStates: Int = PhraseStateCache.defaultMaximumStates) {
        precondition(classCount < PhraseStateCache.classLimit, "too many token classes for a step key")
        self.classCount = classCount
        triggers = TriggerTable(atomClauses: atomClauses)
        self.maximumStates = max(2, maximumStates)
        fromEmpty = .allocate(capacity: max(1, classCount))
        statesByNodes = StateSetTable()
        keys = .allocate(capacity: PhraseStateCache.initialSlots)
        targets = .allocate(capacity: PhraseStateCache.initialSlots)
        mask = PhraseStateCache.initialSlots - 1
        clear()
    }

    deinit {
        for buffer in [nodes, nodeStart, outputStart, stepNodes] { buffer.deallocate() }
        stepKeys.deallocate()
        triggers.deallocate()
        outputs.deallocate()
        statesByNodes.deallocate()
        fromEmpty.deallocate()
        keys.deallocate()
        targets.deallocate()
    }

    /// A state as the scan carries it from token to token, and as the steps lead to it:
    /// the state in the high half, and in the low a hash of it (below 2^28) and two flags.
    /// The steps from the state are found by this key: adding a token class (also below
    /// 2^28) makes a key unique to the state and class whose low bits are already a slot,
    /// so a look-up hashes nothing. The flags say what the scan tests of every state with
    /// no table to load: `endsPhraseFlag`, and `stepsAsEmptyFlag`.
    @inline(__always)
    static func stepKey(of state: Int32, endsPhrase: Bool, stepsAsEmpty: Bool) -> UInt64 {
        let state = UInt64(UInt32(bitPattern: state))
        return state << 32 | (state &* 0x9E37_79B9_7F4A_7C15) >> 36
            | (endsPhrase ? endsPhraseFlag : 0) | (stepsAsEmpty ? stepsAsEmptyFlag : 0)
    }

    /// Set when the state ends some phrase (has outputs): only tokens in such states set
    /// anything off. A function of the state, so keys with it stay unique.
    static let endsPhraseFlag: UInt64 = 1 << 29
    /// Set when the state steps as `empty` does: it is `empty`, or none of its nodes has
    /// children, so only the root's targets can follow. Its steps are looked up in
    /// `fromEmpty`, never by key.
    static let stepsAsEmptyFlag: UInt64 = 1 << 31
    /// Token classes stay below this, so adding one to a step key leaves its flags alone.
    static let classLimit = 1 << 28
    /// The step key of `empty`.
    static var emptyKey: UInt64 { stepKey(of: empty, endsPhrase: false, stepsAsEmpty: true) }

    /// Whether the state of a step key ends some phrase.
    @inline(__always)
    static func endsPhrase(_ stepKey: UInt64) -> Bool { stepKey & endsPhraseFlag != 0 }

    /// Whether the state of a step key steps as `empty` does.
    @inline(__always)
    static func stepsFromEmpty(_ stepKey: UInt64) -> Bool { stepKey & stepsAsEmptyFlag != 0 }

    /// The state of a step key.
    @inline(__always)
    static func state(_ stepKey: UInt64) -> Int32 { Int32(truncatingIfNeeded: stepKey >> 32) }

    /// The key of the step by `tokenClass` from the state whose step key is `stepKey`.
    @inline(__always)
    static func key(_ stepKey: UInt64, _ tokenClass: Int32) -> UInt64 {
        stepKey &+ UInt64(UInt32(bitPattern: tokenClass))
    }

    @inline(__always)
    static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: key) & mask
    }

    /// The step key of the state after a token of `tokenClass` from the state whose step
    /// key is `stepKey`, on a miss of the cache: one NFA step, remembered. May clear the
    /// cache and so renumber the states, but the state it returns is valid in the cache as
    /// it is afterwards; before clearing it calls `beforeRestart`, while the old states can
    /// still be read. Out of line: misses are rare, and inlined into the matcher's loop it
    /// would crowd its registers.
    @inline(never)
    func step(from stepKey: UInt64, tokenClass: Int32, automaton: PhraseAutomaton, trie: WordTrie,
              beforeRestart: () -> Void) -> UInt64 {
        let state = Self.stepsFromEmpty(stepKey) ? PhraseStateCache.empty : Self.state(stepKey)
        stepNodes.reset()
        let symbolRange = Int(trie.classSymbolStart[Int(tokenClass)])..<Int(trie.classSymbolStart[Int(tokenClass) + 1])
        for index in Int(nodeStart[Int(state)])..<Int(nodeStart[Int(state) + 1]) {
            for position in symbolRange {
                let child = automaton.child(of: nodes[index], symbol: trie.classSymbols[position])
                if child >= 0 { stepNodes.append(child) }
            }
        }
        for position in Int(automaton.rootTargetStart[Int(tokenClass)])..<Int(automaton.rootTargetStart[Int(tokenClass) + 1]) {
            stepNodes.append(automaton.rootTargets[position])
        }
        stepNodes.sort(by: <)
        let set = UnsafeBufferPointer(stepNodes.elements)
        let hash = StateSetTable.hash(set)
        var target = statesByNodes.find(set, hash: hash, nodes: nodes, nodeStart: nodeStart)
        if target < 0 {
            if stepKeys.count >= maximumStates {
                beforeRestart()
                clear()
                restarts += 1
                return stepKeys[Int(addState(set, hash: hash, automaton: automaton))]
            }
            target = addState(set, hash: hash, automaton: automaton)
        }
        let targetKey = stepKeys[Int(target)]
        if state == PhraseStateCache.empty {
            fromEmpty[Int(tokenClass)] = targetKey
        } else {
            remember(PhraseStateCache.key(stepKey, tokenClass), targetKey)
        }
        return targetKey
    }

    private func addState(_ set: UnsafeBufferPointer<Int32>, hash: UInt64, automaton: PhraseAutomaton) -> Int32 {
        let state = Int32(stepKeys.count)
        var continues = false
        for node in set {
            nodes.append(node)
            continues = continues || automaton.childStart[Int(node)] < automaton.childStart[Int(node) + 1]
            for output in Int(automaton.outputStart[Int(node)])..<Int(automaton.outputStart[Int(node) + 1]) {
                outputs.append(Output(atom: automaton.outputAtoms[output], length: automaton.depth[Int(node)]))
            }
        }
        nodeStart.append(Int32(nodes.count))
        outputStart.append(Int32(outputs.count))
        stepKeys.append(Self.stepKey(of: state, endsPhrase: outputs.count > Int(outputStart[Int(state)]), stepsAsEmpty: !continues))
        triggers.add(outputs: UnsafeMutableBufferPointer(rebasing: outputs.elements[Int(outputStart[Int(state)])...]))
        statesByNodes.insert(state, hash: hash)
        return state
    }

    private func remember(_ key: UInt64, _ target: UInt64) {
        if (transitionCount + 1) * 2 > mask + 1 {
            if mask + 1 < PhraseStateCache.maximumSlots { resize(to: (mask + 1) * 2) } else { clearTransitions() }
        }
        var slot = PhraseStateCache.slot(key, mask: mask)
        while keys[slot] != PhraseStateCache.vacant { slot = (slot + 1) & mask }
        keys[slot] = key
        targets[slot] = target
        transitionCount += 1
    }

    private func resize(to slots: Int) {
        let oldKeys = keys, oldTargets = targets, oldSlots = mask + 1
        keys = .allocate(capacity: slots)
        targets = .allocate(capacity: slots)
        mask = slots - 1
        clearTransitions()
        for index in 0..<oldSlots where oldKeys[index] != PhraseStateCache.vacant {
            remember(oldKeys[index], oldTargets[index])
        }
        oldKeys.deallocate()
        oldTargets.deallocate()
    }

    private func clearTransitions() {
        keys.initialize(repeating: PhraseStateCache.vacant, count: mask + 1)
        fromEmpty.initialize(repeating: PhraseStateCache.vacant, count: max(1, classCount))
        transitionCount = 0
    }

    /// Forgets every state but `empty`, and every transition.
    private func clear() {
        nodes.reset()
        nodeStart.reset()
        outputs.reset()
        outputStart.reset()
        stepKeys.reset()
        triggers.reset()
        statesByNodes.clear()
        nodeStart.append(0)
        nodeStart.append(0)
        outputStart.append(0)
        outputStart.append(0)
        stepKeys.append(Self.emptyKey)
        triggers.add(outputs: UnsafeMutableBufferPointer(start: nil, count: 0))
        statesByNodes.insert(PhraseStateCache.empty, hash: StateSetTable.hash(UnsafeBufferPointer(start: nil, count: 0)))
        clearTransitions()
    }
}

/// The tables of a `PhraseStateCache` that a step reads, as raw pointers the scan keeps in
/// locals. A miss may grow or clear them: the scan then takes them again.
struct PhraseSteps {
    private let fromEmpty: UnsafeMutablePointer<UInt64>
    private let keys: UnsafeMutablePointer<UInt64>
    private let targets: UnsafeMutablePointer<UInt64>
    private let mask: Int

    init(cache: PhraseStateCache) {
        fromEmpty = cache.fromEmpty
        keys = cache.keys
        targets = cache.targets
        mask = cache.mask
    }

    /// The step key of the state after a token of `tokenClass` from the state whose step
    /// key is `stepKey`, or what `miss` returns if that step has not been taken yet.
    /// Each way of finding the step is told apart from a miss on its own: a step found in
    /// the table then needs no test for a miss.
    @inline(__always)
    func next(from stepKey: UInt64, tokenClass: Int32, miss: () -> UInt64) -> UInt64 {
        if PhraseStateCache.stepsFromEmpty(stepKey) {
            let next = fromEmpty[Int(tokenClass)]
            // Marked rare, so that the compiler keeps the scan's values in registers for
            // the steps found, and saves them around the miss.
            return _fastPath(next != PhraseStateCache.vacant) ? next : miss()
        }
        let key = PhraseStateCache.key(stepKey, tokenClass)
        var slot = PhraseStateCache.slot(key, mask: mask)
        while true {
            let probe = keys[slot]
            if probe == key { return targets[slot] }
            if _slowPath(probe == PhraseStateCache.vacant) { return miss() }
            slot = (slot &+ 1) & mask
        }
    }
}
