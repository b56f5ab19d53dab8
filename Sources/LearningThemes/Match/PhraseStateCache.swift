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

    /// State s: its nodes are nodes[nodeStart[s] ..< nodeStart[s + 1]] (sorted), its
    /// outputs outputs[outputStart[s] ..< outputStart[s + 1]].
    private var nodes = ScratchBuffer<Int32>()
    private var nodeStart = ScratchBuffer<Int32>()
    private(set) var outputs = ScratchBuffer<Output>()
    private(set) var outputStart = ScratchBuffer<Int32>()
    /// The state whose transitions a state shares: itself, or `empty` when none of its
    /// nodes has children (then only the root's targets can follow, as from `empty`).
    private(set) var lookupState = ScratchBuffer<Int32>()
    private var stateOfNodes: [[Int32]: Int32] = [:]

    /// Open addressing: keys (state << 32 | class, `vacant` if unused) and next states.
    private(set) var keys: UnsafeMutablePointer<UInt64>
    private(set) var targets: UnsafeMutablePointer<Int32>
    private(set) var mask: Int
    private var transitionCount = 0
    static let vacant = UInt64.max

    private static let initialSlots = 1 << 12
    private static let maximumSlots = 1 << 20
    private static let maximumStates = 1 << 18

    init() {
        keys = .allocate(capacity: PhraseStateCache.initialSlots)
        targets = .allocate(capacity: PhraseStateCache.initialSlots)
        mask = PhraseStateCache.initialSlots - 1
        clear()
    }

    deinit {
        for buffer in [nodes, nodeStart, outputStart, lookupState] { buffer.deallocate() }
        outputs.deallocate()
        keys.deallocate()
        targets.deallocate()
    }

    @inline(__always)
    static func key(_ state: Int32, _ tokenClass: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: state)) << 32 | UInt64(UInt32(bitPattern: tokenClass))
    }

    @inline(__always)
    static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The state after a token of `tokenClass` from `state` (a `lookupState`), on a miss
    /// of the hash table: one NFA step, remembered. May clear the cache and so renumber
    /// the states, but the state it returns is valid in the cache as it is afterwards.
    func step(from state: Int32, tokenClass: Int32, automaton: PhraseAutomaton, trie: WordTrie) -> Int32 {
        var next: [Int32] = []
        let symbols = trie.symbols(ofClass: Int(tokenClass))
        for index in Int(nodeStart[Int(state)])..<Int(nodeStart[Int(state) + 1]) {
            for symbol in symbols {
                let child = automaton.child(of: nodes[index], symbol: symbol)
                if child >= 0 { next.append(child) }
            }
        }
        for position in Int(automaton.rootTargetStart[Int(tokenClass)])..<Int(automaton.rootTargetStart[Int(tokenClass) + 1]) {
            next.append(automaton.rootTargets[position])
        }
        next.sort()
        if stateOfNodes[next] == nil && lookupState.count >= PhraseStateCache.maximumStates {
            clear()
            return addState(next, automaton: automaton)
        }
        let target = stateOfNodes[next] ?? addState(next, automaton: automaton)
        remember(PhraseStateCache.key(state, tokenClass), target)
        return target
    }

    private func addState(_ set: [Int32], automaton: PhraseAutomaton) -> Int32 {
        let state = Int32(lookupState.count)
        stateOfNodes[set] = state
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
        lookupState.append(continues ? state : PhraseStateCache.empty)
        return state
    }

    private func remember(_ key: UInt64, _ target: Int32) {
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
        transitionCount = 0
    }

    /// Forgets every state but `empty`, and every transition.
    private func clear() {
        nodes.reset()
        nodeStart.reset()
        outputs.reset()
        outputStart.reset()
        lookupState.reset()
        stateOfNodes = [[]: PhraseStateCache.empty]
        nodeStart.append(0)
        nodeStart.append(0)
        outputStart.append(0)
        outputStart.append(0)
        lookupState.append(PhraseStateCache.empty)
        clearTransitions()
    }
}
