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

    /// Builds the trie from phrases. Edges and outputs are kept as flat lists of packed
    /// (node, symbol) and (node, atom) pairs, grouped by node once at the end: a dictionary
    /// or an array per node made loading the rules allocate and hash for every node.
    struct Builder {
        /// Finds an edge's number by its `pair(node, symbol)` while phrases are added.
        private var edgeSlots = EntrySlots()
        /// `pair(node, symbol)` of every edge, in the order made: edge e made node e + 1.
        private var edges: [UInt64] = []
        /// `pair(node, atom)` of every phrase end, repeats included.
        private var ends: [UInt64] = []
        private var depths: [Int32] = [0]

        /// Two non-negative ids in one integer that sorts by the first, then the second.
        private static func pair(_ first: Int32, _ second: Int32) -> UInt64 {
            UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
        }

        private static func second(_ pair: UInt64) -> Int32 { Int32(truncatingIfNeeded: pair) }

        private static func hash(_ pair: UInt64) -> UInt64 { EntrySlots.spread(pair) }

        /// The positions of `pairs` grouped by node, their first id (node n's are
        /// order[start[n] ..< start[n + 1]]), and in increasing order of pair within a node:
        /// one counting pass, then a sort per node, where almost every node has one pair.
        private func grouped(_ pairs: [UInt64]) -> (start: [Int32], order: [Int32]) {
            var start = [Int32](repeating: 0, count: depths.count + 1)
            for pair in pairs { start[Int(pair >> 32) + 1] += 1 }
            for node in depths.indices { start[node + 1] += start[node] }
            var order = [Int32](repeating: 0, count: pairs.count)
            // Through buffers: the array writes cost a uniqueness check each, and sorting a
            // slice of an array would copy the array.
            var next = start
            next.withUnsafeMutableBufferPointer { next in
                order.withUnsafeMutableBufferPointer { order in
                    for (position, pair) in pairs.enumerated() {
                        let node = Int(pair >> 32)
                        order[Int(next[node])] = Int32(position)
                        next[node] += 1
                    }
                    for node in depths.indices where start[node + 1] - start[node] > 1 {
                        let list = UnsafeMutableBufferPointer(rebasing: order[Int(start[node])..<Int(start[node + 1])])
                        Self.sort(list) { pairs[Int($0)] < pairs[Int($1)] }
                    }
                }
            }
            return (start, order)
        }

        /// Sorts `list` in place: by insertion when short, as almost every node's list is.
        private static func sort(_ list: UnsafeMutableBufferPointer<Int32>, by isOrderedBefore: (Int32, Int32) -> Bool) {
            guard list.count <= 16 else {
                var list = list
                return list.sort(by: isOrderedBefore)
            }
            for index in 1..<list.count {
                let element = list[index]
                var place = index
                while place > 0 && isOrderedBefore(element, list[place - 1]) {
                    list[place] = list[place - 1]
                    place -= 1
                }
                list[place] = element
            }
        }

        mutating func add(_ symbols: some Sequence<Int32>, atom: Int32) {
            var node: Int32 = 0
            for symbol in symbols {
                let edge = Self.pair(node, symbol)
                let (slot, found) = edgeSlots.find(hash: Self.hash(edge)) { edges[$0] == edge }
                if let found {
                    node = Int32(found + 1)
                } else {
                    edges.append(edge)
                    depths.append(depths[Int(node)] + 1)
                    edgeSlots.fill(slot, with: edges.count - 1) { Self.hash(edges[$0]) }
                    node = Int32(edges.count)
                }
            }
            ends.append(Self.pair(node, atom))
        }

        func build(trie: WordTrie) -> PhraseAutomaton {
            // Each node's children in symbol order, and its atoms in order, each once.
            let (childStart, edgeOrder) = grouped(edges)
            let childSymbols = edgeOrder.map { Self.second(edges[Int($0)]) }
            let childNodes = edgeOrder.map { $0 + 1 }
            let (endStart, endOrder) = grouped(ends)
            var outputStart: [Int32] = [0]
            var outputAtoms: [Int32] = []
            for node in depths.indices {
                for position in Int(endStart[node])..<Int(endStart[node + 1]) {
                    let end = ends[Int(endOrder[position])]
                    if position == endStart[node] || end != ends[Int(endOrder[position - 1])] { outputAtoms.append(Self.second(end)) }
                }
                outputStart.append(Int32(outputAtoms.count))
            }
            var rootTargetStart: [Int32] = [0]
            var rootTargets: [Int32] = []
            for tokenClass in 0..<trie.classCount {
                for symbol in trie.symbols(ofClass: tokenClass) {
                    let edge = Self.pair(0, symbol)
                    if let found = edgeSlots.find(hash: Self.hash(edge), isEntry: { edges[$0] == edge }).entry {
                        rootTargets.append(Int32(found + 1))
                    }
                }
                rootTargetStart.append(Int32(rootTargets.count))
            }
            return PhraseAutomaton(
                rootTargetStart: FrozenArray(rootTargetStart), rootTargets: FrozenArray(rootTargets),
                childStart: FrozenArray(childStart), childSymbols: FrozenArray(childSymbols),
                childNodes: FrozenArray(childNodes), outputStart: FrozenArray(outputStart),
                outputAtoms: FrozenArray(outputAtoms), depth: FrozenArray(depths))
        }
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
