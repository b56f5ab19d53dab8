/// A trie of rule phrases over symbols, run as an NFA: the root is always active, so every
/// position can start a phrase, and each token moves each active node one step. With no
/// backtracking the cost per token is bounded by the number of trie nodes, whatever the
/// text: no rule can make a run hang.
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

    @inline(__always)
    func child(of node: Int32, symbol: Int32) -> Int32? {
        var low = Int(childStart[Int(node)])
        var high = Int(childStart[Int(node) + 1])
        while low < high {
            let middle = (low + high) / 2
            let value = childSymbols[middle]
            if value == symbol { return childNodes[middle] }
            if value < symbol { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}
