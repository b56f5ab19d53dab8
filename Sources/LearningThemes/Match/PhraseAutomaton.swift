/// A trie of rule phrases over symbols, run as an NFA: the root is always active, so every
/// position can start a phrase, and each token moves each active node one step. With no
/// backtracking the cost per token is bounded by the number of trie nodes, whatever the
/// text: no rule can make a run hang.
struct PhraseAutomaton: Sendable {
    /// For each token class, the nodes reached from the root (the common case, precomputed).
    let rootTargets: [[Int32]]
    /// Children of node n are childSymbols/childNodes[childStart[n] ..< childStart[n + 1]],
    /// sorted by symbol.
    let childStart: [Int32]
    let childSymbols: [Int32]
    let childNodes: [Int32]
    /// Atoms completed at node n: outputAtoms[outputStart[n] ..< outputStart[n + 1]].
    let outputStart: [Int32]
    let outputAtoms: [Int32]
    /// Number of tokens from the root to node n (the phrase length when it completes).
    let depth: [Int32]

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

        func build(classSymbols: [[Int32]]) -> PhraseAutomaton {
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
            let rootTargets = classSymbols.map { symbols in symbols.compactMap { children[0][$0] } }
            return PhraseAutomaton(rootTargets: rootTargets, childStart: childStart, childSymbols: childSymbols,
                                   childNodes: childNodes, outputStart: outputStart, outputAtoms: outputAtoms,
                                   depth: depths)
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
