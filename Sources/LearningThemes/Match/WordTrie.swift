/// Maps a folded token to its *token class*: the set of rule symbols (exact words and
/// wildcard prefixes) it matches. Built as a byte-level DFA stepped while the tokenizer
/// folds each byte, so classifying a token costs one table step per byte and no hashing;
/// most words fall out of the trie within a byte or two.
struct WordTrie: Sendable {
    /// Token class 0 matches nothing; the phrase automaton skips such tokens cheaply.
    static let noClass: Int32 = 0

    /// Folded byte -> its entry in a row of `transitions` (1 + its column; column 0 is
    /// for the bytes no rule word contains).
    let byteEntry: FrozenArray<UInt16>
    /// Raw text byte -> its `ByteCode`, whose code for an ASCII letter or digit is the
    /// address of its folded form's entry in the first row of `transitions` (whose memory
    /// never moves): folding, classifying and finding the column in one load, so a step is
    /// one more (see `TrieWalker`).
    let byteCodes: FrozenArray<Int>
    /// A complete DFA: row + entry -> next row, where a row is state * rowLength. Its
    /// states are the trie's nodes plus one *beyond* state per distinct set of wildcards
    /// a word can have matched when it leaves the trie; beyond states loop to themselves.
    /// Every byte is then one unconditional table step.
    ///
    /// Each row starts with one more entry, at `classEntry`: the class of a token whose
    /// last byte left the DFA in that state. It is read once per token, at the row itself,
    /// so it needs neither division nor an offset to find.
    let transitions: FrozenArray<Int32>
    static let classEntry = 0
    /// The symbols of class c: classSymbols[classSymbolStart[c] ..< classSymbolStart[c + 1]].
    let classSymbolStart: FrozenArray<Int32>
    let classSymbols: FrozenArray<Int32>
    let classCount: Int

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
                        transitions.append(contentsOf: repeatElement(-1, count: columns))
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
            var classes: [SymbolSequence: Int32] = [SymbolSequence([]): 0]
            var symbolsOfClass: [[Int32]] = [[]]
            func classID(_ symbols: [Int32]) -> Int32 {
                // Most nodes carry no symbol at all, neither as a word's end nor a wildcard's.
                guard !symbols.isEmpty else { return 0 }
                var distinct = symbols.sorted()
                distinct.removeDuplicates()
                let key = SymbolSequence(distinct)
                if let id = classes[key] { return id }
                let id = Int32(symbolsOfClass.count)
                classes[key] = id
                symbolsOfClass.append(distinct)
                return id
            }
            let classAtEnd = (0..<exact.count).map { classID(onPath[$0] + exact[$0]) }
            let classBeyond = (0..<exact.count).map { classID(onPath[$0]) }
            // Beyond states: one per distinct class a word can carry once it has left the
            // trie (the wildcards it matched on the way).
            var beyondState: [Int32: Int32] = [:]
            var classOfState = classAtEnd
            for tokenClass in Set(classBeyond).sorted() {
                beyondState[tokenClass] = Int32(classOfState.count)
                classOfState.append(tokenClass)
            }
            let rowLength = columns + 1
            var table = [Int32](repeating: 0, count: classOfState.count * rowLength)
            for node in 0..<exact.count {
                let beyond = beyondState[classBeyond[node]]!
                for column in 0..<columns {
                    let child = transitions[node * columns + column]
                    table[node * rowLength + 1 + column] = (child >= 0 ? child : beyond) * Int32(rowLength)
                }
            }
            for (_, state) in beyondState {
                for column in 0..<columns { table[Int(state) * rowLength + 1 + column] = state * Int32(rowLength) }
            }
            for (state, tokenClass) in classOfState.enumerated() { table[state * rowLength + WordTrie.classEntry] = tokenClass }
            var starts: [Int32] = [0]
            for symbols in symbolsOfClass { starts.append(starts.last! + Int32(symbols.count)) }
            let byteEntry = byteColumn.map { UInt16($0) + 1 }
            let frozenTable = FrozenArray(table)
            let columnAddresses = ByteCode.table { Int(bitPattern: frozenTable.base + Int(byteEntry[Int($0)])) }
            return WordTrie(byteEntry: FrozenArray(byteEntry), byteCodes: FrozenArray(columnAddresses), transitions: frozenTable,
                            classSymbolStart: FrozenArray(starts),
                            classSymbols: FrozenArray(symbolsOfClass.flatMap { $0 }), classCount: symbolsOfClass.count)
        }
    }

    /// The symbols of a class, for building the phrase automaton.
    func symbols(ofClass tokenClass: Int) -> [Int32] {
        (Int(classSymbolStart[tokenClass])..<Int(classSymbolStart[tokenClass + 1])).map { classSymbols[$0] }
    }
}

/// Steps the word DFA with each folded byte as the tokenizer produces it. Holds the
/// table as raw pointers, so a walker is free to copy and its steps do no reference counting.
struct TrieWalker: FoldedWordSink {
    let byteCodes: UnsafePointer<Int>
    private let byteEntry: UnsafePointer<UInt16>
    private let transitions: UnsafePointer<Int32>
    /// The current state's row (state * rowLength); an `Int`, so it indexes a column's
    /// address with no conversion.
    private var row = 0

    init(trie: WordTrie) {
        byteCodes = UnsafePointer(trie.byteCodes.base)
        byteEntry = UnsafePointer(trie.byteEntry.base)
        transitions = UnsafePointer(trie.transitions.base)
    }

    @inline(__always)
    mutating func beginWord() { row = 0 }

    /// `code` is the address of an ASCII letter or digit's column in the first row (see
    /// `WordTrie.byteCodes`): its entry in the current row is `row` entries on, so the
    /// step is a single indexed load, with no table base to add.
    @inline(__always)
    mutating func step(_ code: Int) {
        row = Int(UnsafePointer<Int32>(bitPattern: code).unsafelyUnwrapped[row])
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        row = Int(transitions[row &+ Int(byteEntry[Int(byte)])])
    }

    /// The class of the word just scanned.
    @inline(__always)
    var tokenClass: Int32 { transitions[row &+ WordTrie.classEntry] }
}

private extension Array where Element: Equatable {
    /// Removes each element equal to the one before it (all repeats, once sorted).
    mutating func removeDuplicates() {
        var kept = 0
        for index in indices where index == 0 || self[index] != self[kept - 1] {
            self[kept] = self[index]
            kept += 1
        }
        removeLast(count - kept)
    }
}
