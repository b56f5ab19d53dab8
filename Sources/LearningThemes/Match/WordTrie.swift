/// Maps a folded token to its *token class*: the set of rule symbols (exact words and
/// wildcard prefixes) it matches. Built as a byte-level DFA, so classifying a token is one
/// table step per byte and no hashing; most words fall out of the trie within a byte or two.
struct WordTrie: Sendable {
    /// Token class 0 matches nothing; the phrase automaton skips such tokens cheaply.
    static let noClass: Int32 = 0

    /// byte -> column in `transitions` (0 = a byte no rule word contains).
    private let byteColumn: [UInt8]
    private let columnCount: Int
    /// node * columnCount + column -> child node, or -1.
    private let transitions: [Int32]
    /// Class of a token that ends exactly at the node.
    private let classAtEnd: [Int32]
    /// Class of a token that runs on past the node (only wildcard prefixes still count).
    private let classBeyond: [Int32]
    /// The symbols of each class.
    let classSymbols: [[Int32]]

    struct Builder {
        var words: [(bytes: [UInt8], symbol: Int32, isPrefix: Bool)] = []

        mutating func add(_ folded: String, symbol: Int32, isPrefix: Bool) {
            words.append((Array(folded.utf8), symbol, isPrefix))
        }

        func build() -> WordTrie {
            var byteColumn = [UInt8](repeating: 0, count: 256)
            var columns = 1
            for word in words {
                for byte in word.bytes where byteColumn[Int(byte)] == 0 {
                    byteColumn[Int(byte)] = UInt8(columns)
                    columns += 1
                }
            }
            var transitions = [Int32](repeating: -1, count: columns)
            var exact: [[Int32]] = [[]]
            var prefix: [[Int32]] = [[]]
            for word in words {
                var node = 0
                for byte in word.bytes {
                    let slot = node * columns + Int(byteColumn[Int(byte)])
                    if transitions[slot] < 0 {
                        transitions[slot] = Int32(exact.count)
                        transitions += [Int32](repeating: -1, count: columns)
                        exact.append([])
                        prefix.append([])
                    }
                    node = Int(transitions[slot])
                }
                if word.isPrefix { prefix[node].append(word.symbol) } else { exact[node].append(word.symbol) }
            }
            // Walk the trie once to give each node the wildcard symbols on its path.
            var onPath = [[Int32]](repeating: [], count: exact.count)
            var stack: [(node: Int, inherited: [Int32])] = [(0, [])]
            while let (node, inherited) = stack.popLast() {
                onPath[node] = inherited + prefix[node]
                for column in 1..<columns {
                    let child = transitions[node * columns + column]
                    if child >= 0 { stack.append((Int(child), onPath[node])) }
                }
            }
            var classes: [[Int32]: Int32] = [[]: 0]
            var classSymbols: [[Int32]] = [[]]
            func classID(_ symbols: [Int32]) -> Int32 {
                let key = Array(Set(symbols)).sorted()
                if let id = classes[key] { return id }
                let id = Int32(classSymbols.count)
                classes[key] = id
                classSymbols.append(key)
                return id
            }
            let classAtEnd = (0..<exact.count).map { classID(onPath[$0] + exact[$0]) }
            let classBeyond = (0..<exact.count).map { classID(onPath[$0]) }
            return WordTrie(byteColumn: byteColumn, columnCount: columns, transitions: transitions,
                            classAtEnd: classAtEnd, classBeyond: classBeyond, classSymbols: classSymbols)
        }
    }

    @inline(__always)
    func tokenClass(of folded: UnsafeBufferPointer<UInt8>) -> Int32 {
        var node = 0
        for byte in folded {
            let column = Int(byteColumn[Int(byte)])
            let child = transitions[node * columnCount + column]
            if child < 0 { return classBeyond[node] }
            node = Int(child)
        }
        return classAtEnd[node]
    }

    var classCount: Int { classSymbols.count }
}
