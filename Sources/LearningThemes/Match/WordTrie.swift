/// Maps a folded token to its *token class*: the set of rule symbols (exact words and
/// wildcard prefixes) it matches. Built as a byte-level DFA stepped while the tokenizer
/// folds each byte, so classifying a token costs one table step per byte and no hashing;
/// most words fall out of the trie within a byte or two.
struct WordTrie: Sendable {
    /// Token class 0 matches nothing; the phrase automaton skips such tokens cheaply.
    static let noClass: Int32 = 0

    /// Folded byte -> its entry in a row of `table` (1 + its column; column 0 is
    /// for the bytes no rule word contains).
    let byteEntry: FrozenArray<UInt16>
    /// The DFA's tables, in one block (see `TrieTable`).
    ///
    /// Raw text byte -> its `ByteCode`, whose code for an ASCII letter or digit is the
    /// address of its folded form's entry in the first row (whose memory never moves):
    /// folding, classifying and finding the column in one load, so a step is one more
    /// (see `TrieWalker`).
    ///
    /// The rows: a complete DFA, row + entry -> next row, where a row is state * rowLength.
    /// Its states are the trie's nodes plus one *beyond* state per distinct set of wildcards
    /// a word can have matched when it leaves the trie; beyond states loop to themselves.
    /// Every byte is then one unconditional table step.
    ///
    /// Each row starts with one more entry, at `classEntry`: the class of a token whose
    /// last byte left the DFA in that state. It is read once per token, at the row itself,
    /// so it needs neither division nor an offset to find.
    ///
    /// The *pair rows*: for each pair of text bytes, the first in the low byte of the index,
    /// the row a word is in after them, or -1 unless both are ASCII letters or digits. One
    /// look-up then does the work of two tests and two steps at the start of most words.
    let table: TrieTable
    static let classEntry = 0
    static let pairRowCount = 1 << 16
    /// Raw text byte -> its `ByteCode` (see `table`).
    var byteCodes: UnsafePointer<Int> { UnsafePointer(table.codes) }
    /// The symbols of class c: classSymbols[classSymbolStart[c] ..< classSymbolStart[c + 1]].
    let classSymbolStart: FrozenArray<Int32>
    let classSymbols: FrozenArray<Int32>
    let classCount: Int

    /// A rule word as the builder keeps it: its bytes end at `end` in the builder's spelling.
    private struct Word {
        var end: Int
        var symbol: Int32
        var isPrefix: Bool
    }

    struct Builder {
        /// The bytes of every word added, one after another.
        private var spelling: [UInt8] = []
        private var words: [Word] = []

        mutating func add(_ folded: String, symbol: Int32, isPrefix: Bool) {
            spelling.append(contentsOf: folded.utf8)
            words.append(Word(end: spelling.count, symbol: symbol, isPrefix: isPrefix))
        }

        func build() -> WordTrie {
            var byteColumn = [UInt8](repeating: 0, count: 256)
            var columns = 1
            for byte in spelling where byteColumn[Int(byte)] == 0 {
                byteColumn[Int(byte)] = UInt8(columns)
                columns += 1
            }
            // The trie, as each node's parent and the column of the byte that leads to it,
            // with children as linked lists to find them while words are added: the full
            // table is made once, when the number of states is known.
            var parent: [Int32] = [-1]
            var columnOfNode: [UInt8] = [0]
            var firstChild: [Int32] = [-1]
            var nextSibling: [Int32] = [-1]
            var nodeOfWord: [Int32] = []
            var wordStart = 0
            for word in words {
                var node = 0
                for byte in spelling[wordStart..<word.end] {
                    let column = byteColumn[Int(byte)]
                    var child = Int(firstChild[node])
                    while child >= 0 && columnOfNode[child] != column { child = Int(nextSibling[child]) }
                    if child < 0 {
                        child = parent.count
                        parent.append(Int32(node))
                        columnOfNode.append(column)
                        firstChild.append(-1)
                        nextSibling.append(firstChild[node])
                        firstChild[node] = Int32(child)
                    }
                    node = child
                }
                nodeOfWord.append(Int32(node))
                wordStart = word.end
            }
            let nodes = TrieNodes(parent: parent, words: words, nodeOfWord: nodeOfWord)
            let nodeCount = parent.count
            var classes = SequenceTable()
            _ = classes.insert([])
            var symbols: [Int32] = []
            var classAtEnd: [Int32] = [], classBeyond: [Int32] = []
            for node in 0..<nodeCount {
                nodes.symbols(matchedBy: node, endingThere: true, into: &symbols)
                classAtEnd.append(Self.classID(of: &symbols, in: &classes))
            }
            for node in 0..<nodeCount {
                nodes.symbols(matchedBy: node, endingThere: false, into: &symbols)
                classBeyond.append(Self.classID(of: &symbols, in: &classes))
            }
            // Beyond states: one per distinct class a word can carry once it has left the
            // trie (the wildcards it matched on the way), in order of class.
            var beyondState = [Int32](repeating: -1, count: classes.count)
            for tokenClass in classBeyond { beyondState[Int(tokenClass)] = 0 }
            var classOfState = classAtEnd
            for tokenClass in beyondState.indices where beyondState[tokenClass] == 0 {
                beyondState[tokenClass] = Int32(classOfState.count)
                classOfState.append(Int32(tokenClass))
            }
            let rowLength = columns + 1
            let table = TrieTable(rowEntries: classOfState.count * rowLength)
            let rows = table.rows
            // Every byte leads out of the trie, to the state's beyond state, but for the
            // bytes of its children.
            for (state, tokenClass) in classOfState.enumerated() {
                let row = state * rowLength
                let beyond = state < nodeCount ? beyondState[Int(classBeyond[state])] : Int32(state)
                rows[row + WordTrie.classEntry] = tokenClass
                for entry in (row + 1)..<(row + rowLength) { rows[entry] = beyond * Int32(rowLength) }
            }
            for node in 1..<nodeCount {
                rows[Int(parent[node]) * rowLength + 1 + Int(columnOfNode[node])] = Int32(node * rowLength)
            }
            func step(_ row: Int32, _ byte: Int) -> Int32 {
                rows[Int(row) + 1 + Int(byteColumn[Int(ByteClass.lower[byte])])]
            }
            let pairRows = table.pairRows
            pairRows.initialize(repeating: -1, count: WordTrie.pairRowCount)
            let wordBytes = (0..<256).filter { ByteClass.table[$0] == ByteClass.word }
            for first in wordBytes {
                for second in wordBytes { pairRows[first | second << 8] = step(step(0, first), second) }
            }
            let byteEntry = byteColumn.map { UInt16($0) + 1 }
            let codes = ByteCode.table { Int(bitPattern: rows + Int(byteEntry[Int($0)])) }
            table.codes.initialize(from: codes, count: codes.count)
            return WordTrie(byteEntry: FrozenArray(byteEntry), table: table,
                            classSymbolStart: FrozenArray(classes.starts),
                            classSymbols: FrozenArray(classes.elements), classCount: classes.count)
        }

        /// The class of a set of symbols (`symbols`, sorted on the way), numbered in `classes`.
        private static func classID(of symbols: inout [Int32], in classes: inout SequenceTable) -> Int32 {
            // Most nodes carry no symbol at all, neither as a word's end nor a wildcard's.
            guard !symbols.isEmpty else { return 0 }
            symbols.sort()
            symbols.removeDuplicates()
            return classes.insert(symbols).id
        }
    }

    /// The trie's nodes while it is built: each node's parent and the words that end there.
    private struct TrieNodes {
        let parent: [Int32]
        let words: [Word]
        /// The words ending at each node, as linked lists: most nodes end none or one.
        private let firstWord: [Int32]
        private let nextWord: [Int32]
        /// The nearest node on each node's path (itself included) where a wildcard ends:
        /// following these links from a node visits every wildcard it matches.
        private let wildcardNode: [Int32]

        init(parent: [Int32], words: [Word], nodeOfWord: [Int32]) {
            self.parent = parent
            self.words = words
            var firstWord = [Int32](repeating: -1, count: parent.count)
            var nextWord = [Int32](repeating: -1, count: words.count)
            var hasWildcard = [Bool](repeating: false, count: parent.count)
            for (word, node) in nodeOfWord.enumerated().reversed() {
                nextWord[word] = firstWord[Int(node)]
                firstWord[Int(node)] = Int32(word)
                if words[word].isPrefix { hasWildcard[Int(node)] = true }
            }
            // A parent is always numbered before its children.
            var wildcardNode = [Int32](repeating: -1, count: parent.count)
            for node in parent.indices {
                wildcardNode[node] = hasWildcard[node] ? Int32(node) : node == 0 ? -1 : wildcardNode[Int(parent[node])]
            }
            self.firstWord = firstWord
            self.nextWord = nextWord
            self.wildcardNode = wildcardNode
        }

        /// Replaces `symbols` by those a word matches if it ends at `node` (`endingThere`),
        /// or runs on past it out of the trie: the wildcards on its path, and the exact words
        /// ending there.
        func symbols(matchedBy node: Int, endingThere: Bool, into symbols: inout [Int32]) {
            symbols.removeAll(keepingCapacity: true)
            var wildcard = wildcardNode[node]
            while wildcard >= 0 {
                appendSymbols(at: Int(wildcard), isPrefix: true, to: &symbols)
                wildcard = wildcard == 0 ? -1 : wildcardNode[Int(parent[Int(wildcard)])]
            }
            if endingThere { appendSymbols(at: node, isPrefix: false, to: &symbols) }
        }

        private func appendSymbols(at node: Int, isPrefix: Bool, to symbols: inout [Int32]) {
            var word = firstWord[node]
            while word >= 0 {
                if words[Int(word)].isPrefix == isPrefix { symbols.append(words[Int(word)].symbol) }
                word = nextWord[Int(word)]
            }
        }
    }

    /// The symbols of a class, for building the phrase automaton.
    func symbols(ofClass tokenClass: Int) -> UnsafeBufferPointer<Int32> {
        let start = Int(classSymbolStart[tokenClass])
        return UnsafeBufferPointer(start: classSymbols.base + start, count: Int(classSymbolStart[tokenClass + 1]) - start)
    }
}

/// Steps the word DFA with each folded byte as the tokenizer produces it. Holds the
/// table as raw pointers, so a walker is free to copy and its steps do no reference counting.
struct TrieWalker: FoldedWordSink {
    /// The start of the trie's `TrieTable`: the pair rows and rows are reached from it at
    /// fixed offsets, so the scan holds one address in a register for all three tables.
    let byteCodes: UnsafePointer<Int>
    private let byteEntry: UnsafePointer<UInt16>
    /// The current state's row (state * rowLength); an `Int`, so it indexes a column's
    /// address with no conversion.
    private var row = 0

    init(trie: WordTrie) {
        byteCodes = UnsafePointer(trie.table.codes)
        byteEntry = UnsafePointer(trie.byteEntry.base)
    }

    @inline(__always)
    private var pairRows: UnsafePointer<Int32> { TrieTable.pairRows(after: byteCodes) }

    @inline(__always)
    private var rows: UnsafePointer<Int32> { TrieTable.rows(after: byteCodes) }

    @inline(__always)
    mutating func beginWord() { row = 0 }

    @inline(__always)
    mutating func beginWord(withPairAt bytes: UnsafePointer<UInt8>) -> Bool {
        // Both bytes in one load, the first as the low byte whatever the byte order.
        let pair = UInt16(littleEndian: unsafeBitCast(UnsafeRawPointer(bytes).loadUnaligned(as: SIMD2<UInt8>.self), to: UInt16.self))
        let pairRow = pairRows[Int(pair)]
        guard pairRow >= 0 else { return false }
        row = Int(pairRow)
        return true
    }

    /// `code` is the address of an ASCII letter or digit's column in the first row (see
    /// `WordTrie.table`): its entry in the current row is `row` entries on, so the
    /// step is a single indexed load, with no table base to add.
    @inline(__always)
    mutating func step(_ code: Int) {
        row = Int(UnsafePointer<Int32>(bitPattern: code).unsafelyUnwrapped[row])
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        row = Int(rows[row &+ Int(byteEntry[Int(byte)])])
    }

    /// The class of the word just scanned.
    @inline(__always)
    var tokenClass: Int32 { rows[row &+ WordTrie.classEntry] }
}

/// The word DFA's tables in one block of memory that never moves, in this order: the 256
/// byte codes (`Int`), the pair rows and the rows (`Int32`). The scan reaches all three
/// from the address of the byte codes, which it holds anyway, at fixed offsets: three
/// tables then cost one register in its loop (each a register more spilled to memory).
final class TrieTable: @unchecked Sendable {
    let codes: UnsafeMutablePointer<Int>
    private let entryCount: Int
    private static let codeCount = 256

    /// A table with room for `rowEntries` row entries, uninitialized.
    init(rowEntries: Int) {
        entryCount = WordTrie.pairRowCount + rowEntries
        let codeBytes = Self.codeCount * MemoryLayout<Int>.stride
        let raw = UnsafeMutableRawPointer.allocate(byteCount: codeBytes + entryCount * MemoryLayout<Int32>.stride,
                                                   alignment: MemoryLayout<Int>.alignment)
        codes = raw.bindMemory(to: Int.self, capacity: Self.codeCount)
        (raw + codeBytes).bindMemory(to: Int32.self, capacity: entryCount)
    }

    deinit { UnsafeMutableRawPointer(codes).deallocate() }

    var pairRows: UnsafeMutablePointer<Int32> { UnsafeMutablePointer(mutating: Self.pairRows(after: codes)) }
    var rows: UnsafeMutablePointer<Int32> { UnsafeMutablePointer(mutating: Self.rows(after: codes)) }

    @inline(__always)
    static func pairRows(after codes: UnsafePointer<Int>) -> UnsafePointer<Int32> {
        UnsafeRawPointer(codes + codeCount).assumingMemoryBound(to: Int32.self)
    }

    @inline(__always)
    static func rows(after codes: UnsafePointer<Int>) -> UnsafePointer<Int32> {
        pairRows(after: codes) + WordTrie.pairRowCount
    }
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
