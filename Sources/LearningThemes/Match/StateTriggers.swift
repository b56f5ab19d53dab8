/// Per state of a `PhraseStateCache`: what a token that leaves the phrase automaton in that
/// state sets off, worked out once from the atoms of the phrases that end there (see
/// `AtomClauseIndex`). The matcher then does per token only what can lead to a tag, not a
/// step per phrase: common words end many phrases that no clause could use here.
struct TriggerTable {
    /// State s sets off triggers[s]: it records the atoms queriedAtoms[atomStart ..< atomEnd]
    /// as present, and each entry of entries[entryStart ..< entryEnd] makes its clause a
    /// candidate once its other atom is present (-1 when the state itself holds it).
    struct Triggers: BitwiseCopyable {
        var atomStart: Int32
        var atomEnd: Int32
        var entryStart: Int32
        var entryEnd: Int32
        /// The state's atoms, hashed to one bit each: a token whose state shares no bit
        /// with the atoms a paragraph reads ends none of their phrases.
        var atomBits: UInt64
        /// The state's outputs are ordered by bucket, the byte of `atomBits` their atom's
        /// bit is in; byte b here is where bucket b ends, counted from the state's first
        /// output. A token whose state shares bits with the atoms read then has only
        /// the buckets of those bits read, a phrase or two instead of all its phrases
        /// (a common word ends a dozen). 0 if the state has too many outputs to count in
        /// a byte: then all are read.
        var outputBuckets: UInt64

        /// The outputs, counted from the state's first, that may hold an atom with a bit
        /// in `bits` (bits of `atomBits`), one bucket at a time, in order.
        @inline(__always)
        func forEachBucket(holding bits: UInt64, count: Int, _ body: (Range<Int>) -> Void) {
            guard outputBuckets != 0 else { return body(0..<count) }
            var bits = bits
            while bits != 0 {
                let shift = UInt64(bits.trailingZeroBitCount & ~7)
                let end = Int(truncatingIfNeeded: (outputBuckets &>> shift) & 0xFF)
                let start = Int(truncatingIfNeeded: ((outputBuckets &<< 8) &>> shift) & 0xFF)
                body(start..<end)
                bits &= ~(0xFF &<< shift)
            }
        }
    }

    /// An atom's bit in `Triggers.atomBits`.
    @inline(__always)
    static func bit(_ atom: Int32) -> UInt64 { 1 &<< UInt64(atom & 63) }

    /// An atom's bucket (see `Triggers.outputBuckets`).
    @inline(__always)
    static func bucket(_ atom: Int32) -> Int { Int(atom & 63) >> 3 }

    private(set) var triggers = ScratchBuffer<Triggers>()
    private(set) var queriedAtoms = ScratchBuffer<Int32>()
    private(set) var entries = ScratchBuffer<AtomClauseIndex.Entry>()
    private let atomClauses: AtomClauseIndex
    /// The distinct atoms of the state being added.
    private var stateAtoms = ScratchBuffer<Int32>()
    /// The outputs of the state being added, before they are ordered by bucket.
    private var unsorted = ScratchBuffer<PhraseStateCache.Output>()
    /// Per atom: the number of the last state added whose outputs hold it. A state's
    /// distinct atoms are then found, and looked up, without sorting or searching: some
    /// states end hundreds of phrases.
    private let lastHolder: UnsafeMutablePointer<UInt32>
    private let atomCount: Int
    private var statesAdded: UInt32 = 0

    init(atomClauses: AtomClauseIndex) {
        self.atomClauses = atomClauses
        atomCount = atomClauses.isQueried.count
        lastHolder = .allocate(capacity: max(1, atomCount))
        lastHolder.initialize(repeating: 0, count: max(1, atomCount))
    }

    func deallocate() {
        triggers.deallocate()
        queriedAtoms.deallocate()
        entries.deallocate()
        stateAtoms.deallocate()
        unsorted.deallocate()
        lastHolder.deallocate()
    }

    /// Forgets every state.
    mutating func reset() {
        triggers.reset()
        queriedAtoms.reset()
        entries.reset()
    }

    /// Adds the triggers of the next state, whose phrases' outputs are `outputs`, and
    /// orders those by bucket (see `Triggers.outputBuckets`).
    mutating func add(outputs: UnsafeMutableBufferPointer<PhraseStateCache.Output>) {
        let outputBuckets = orderByBucket(outputs)
        statesAdded &+= 1
        if statesAdded == 0 {
            // Wrapped: clear the marks so that old ones cannot pass for this state's.
            lastHolder.update(repeating: 0, count: max(1, atomCount))
            statesAdded = 1
        }
        let state = statesAdded
        // Which atoms are listed first changes nothing: they and their entries are only
        // ever marked or set.
        stateAtoms.reset()
        for output in outputs where lastHolder[Int(output.atom)] != state {
            lastHolder[Int(output.atom)] = state
            stateAtoms.append(output.atom)
        }
        let atoms = UnsafeBufferPointer(stateAtoms.elements)
        let atomStart = Int32(queriedAtoms.count), entryStart = Int32(entries.count)
        for atom in atoms where atomClauses.isQueried[Int(atom)] { queriedAtoms.append(atom) }
        for atom in atoms {
            for position in atomClauses.entries(of: atom) {
                var entry = atomClauses.entries[position]
                if entry.otherAtom >= 0 && lastHolder[Int(entry.otherAtom)] == state { entry.otherAtom = -1 }
                entries.append(entry)
            }
        }
        triggers.append(Triggers(atomStart: atomStart, atomEnd: Int32(queriedAtoms.count),
                                 entryStart: entryStart, entryEnd: Int32(entries.count),
                                 atomBits: atoms.reduce(0) { $0 | TriggerTable.bit($1) }, outputBuckets: outputBuckets))
    }

    /// Orders `outputs` by bucket, keeping their order within one (the order of a state's
    /// phrases changes no result: occurrences are grouped and sorted), and returns where
    /// each bucket ends (see `Triggers.outputBuckets`). A counting sort: states can have
    /// a few hundred outputs.
    private mutating func orderByBucket(_ outputs: UnsafeMutableBufferPointer<PhraseStateCache.Output>) -> UInt64 {
        guard outputs.count <= 0xFF else { return 0 }
        var ends: UInt64 = 0
        for output in outputs { ends &+= 1 &<< UInt64(TriggerTable.bucket(output.atom) * 8) }
        // Running totals: byte b becomes where bucket b ends.
        ends &+= ends &<< 8
        ends &+= ends &<< 16
        ends &+= ends &<< 32
        var next = (ends &<< 8)  // byte b: where bucket b starts
        unsorted.reset()
        unsorted.append(contentsOf: UnsafeBufferPointer(outputs))
        for index in 0..<unsorted.count {
            let shift = UInt64(TriggerTable.bucket(unsorted[index].atom) * 8)
            outputs[Int(truncatingIfNeeded: (next &>> shift) & 0xFF)] = unsorted[index]
            next &+= 1 &<< shift
        }
        return ends
    }
}
