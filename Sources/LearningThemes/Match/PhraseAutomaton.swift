/// A trie of rule phrases over symbols, run as an NFA: the root is always active, so every
/// position can start a phrase, and each token moves each active node one step. With no
/// backtracking the cost per token is bounded by the number of trie nodes, whatever the
/// text: no rule can make a run hang. `PhraseStateCache` remembers the steps taken, so
/// most tokens cost one hash look-up.
struct PhraseAutomaton: Sendable {
    /// For each token class c, the nodes reached from the root (the common case,
    /// precomputed): rootTargets[rootTargetStart[c] ..< rootTargetStart[c + 1]].
    let rootTargetStart: FrozenArray<Int32>
    let rootTargets: FrozenArray<Int32>
    /// Children of node n are childSymbols/childNodes[childStart[n] ..< childStart[n + 1]],
    /// sorted by symbol.
    let childStart: FrozenArray<Int32>
    let childSymbols: FrozenArray<Int32>
    let childNodes: FrozenArray<Int32>
    /// Atoms completed at node n: outputAtoms[outputStart[n] ..< outputStart[n + 1]].
    let outputStart: FrozenArray<Int32>
    let outputAtoms: FrozenArray<Int32>
    /// Number of tokens from the root to node n (the phrase length when it completes).
    let depth: FrozenArray<Int32>

    var nodeCount: Int { depth.count }

    struct Builder {
        private var children: [[Int32: Int32]] = [[:]]
        private var outputs: [[Int32]] = [[]]
        private var depths: [Int32] = [0]

        mutating func add(_ symbols: [Int32], atom: Int32) {
            var node = 0
            for symbol in symbols {
                if let child = children[node][symbol] {
                    node = Int(child)
                } else {
                    let child = Int32(children.count)
                    children[node][symbol] = child
                    children.append([:])
                    outputs.append([])
                    depths.append(depths[node] + 1)
                    node = Int(child)
                }
            }
            if !outputs[node].contains(atom) { outputs[node].append(atom) }
        }

        func build(trie: WordTrie) -> PhraseAutomaton {
            var childStart: [Int32] = [0]
            var childSymbols: [Int32] = []
            var childNodes: [Int32] = []
            var outputStart: [Int32] = [0]
            var outputAtoms: [Int32] = []
            for node in 0..<children.count {
                for (symbol, child) in children[node].sorted(by: { $0.key < $1.key }) {
                    childSymbols.append(symbol)
                    childNodes.append(child)
                }
                childStart.append(Int32(childSymbols.count))
                outputAtoms += outputs[node].sorted()
                outputStart.append(Int32(outputAtoms.count))
            }
            var rootTargetStart: [Int32] = [0]
            var rootTargets: [Int32] = []
            for tokenClass in 0..<trie.classCount {
                rootTargets += trie.symbols(ofClass: tokenClass).compactMap { children[0][$0] }
                rootTargetStart.append(Int32(rootTargets.count))
            }
            return PhraseAutomaton(
                rootTargetStart: FrozenArray(rootTargetStart), rootTargets: FrozenArray(rootTargets),
                childStart: FrozenArray(childStart), childSymbols: FrozenArray(childSymbols),
                childNodes: FrozenArray(childNodes), outputStart: FrozenArray(outputStart),
                outputAtoms: FrozenArray(outputAtoms), depth: FrozenArray(depths))
        }
    }

    /// Runs the automaton over `tokens`, recording in `trace` the state of each token and
    /// which tokens end a phrase; `generation` identifies the paragraph. Returns the number
    /// of cache misses. Steps go through `cache`, which holds the states met so far (see
    /// `PhraseStateCache`).
    func trace(_ tokens: ScratchBuffer<ClassedToken>, trie: WordTrie, generation: UInt32,
               into trace: inout PhraseTrace, cache: PhraseStateCache) -> Int {
        trace.reset(tokenCount: tokens.count, generation: generation)
        let stateOfToken = trace.stateOfToken.base
        let fromEmpty = cache.fromEmpty
        var keys = cache.keys
        var targets = cache.targets
        var mask = cache.mask
        var lookupState = cache.lookupState.base
        var endsPhrase = cache.endsPhrase.base
        // A local while the loop runs, stored back around a miss, which may detach.
        var phraseEnds = trace.phraseEnds
        var from = PhraseStateCache.empty
        var misses = 0
        var previousIndex: Int32 = -2
        for ordinal in 0..<tokens.count {
            let token = tokens[ordinal]
            // A word no rule knows breaks every phrase in progress.
            if token.index != previousIndex &+ 1 { from = PhraseStateCache.empty }
            previousIndex = token.index
            var state: Int32
            if from == PhraseStateCache.empty {
                state = fromEmpty[Int(token.tokenClass)]
            } else {
                let key = PhraseStateCache.key(from, token.tokenClass)
                var slot = PhraseStateCache.slot(key, mask: mask)
                while true {
                    let probe = keys[slot]
                    if probe == key {
                        state = targets[slot]
                        break
                    }
                    if probe == PhraseStateCache.vacant {
                        state = PhraseStateCache.unknown
                        break
                    }
                    slot = (slot &+ 1) & mask
                }
            }
            if state == PhraseStateCache.unknown {
                trace.phraseEnds = phraseEnds
                state = cache.step(from: from, tokenClass: token.tokenClass, automaton: self, trie: trie) {
                    trace.detach(upTo: ordinal, cache: cache)
                }
                phraseEnds = trace.phraseEnds
                misses &+= 1
                // The step may have grown or cleared the cache.
                keys = cache.keys
                targets = cache.targets
                mask = cache.mask
                lookupState = cache.lookupState.base
                endsPhrase = cache.endsPhrase.base
            }
            stateOfToken[ordinal] = state
            if endsPhrase[Int(state)] { phraseEnds.append(Int32(truncatingIfNeeded: ordinal)) }
            from = lookupState[Int(state)]
        }
        trace.phraseEnds = phraseEnds
        return misses
    }

    /// The child of `node` along `symbol`, or -1.
    @inline(__always)
    func child(of node: Int32, symbol: Int32) -> Int32 {
        let symbols = childSymbols.base
        var low = Int(childStart[Int(node)])
        var high = Int(childStart[Int(node) &+ 1])
        while low < high {
            let middle = (low &+ high) >> 1
            let value = symbols[middle]
            if value == symbol { return childNodes[middle] }
            if value < symbol { low = middle &+ 1 } else { high = middle }
        }
        return -1
    }
}
