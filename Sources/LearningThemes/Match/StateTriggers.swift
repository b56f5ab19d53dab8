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
    }

    /// An atom's bit in `Triggers.atomBits`.
    @inline(__always)
    static func bit(_ atom: Int32) -> UInt64 { 1 &<< UInt64(atom & 63) }

    private(set) var triggers = ScratchBuffer<Triggers>()
    private(set) var queriedAtoms = ScratchBuffer<Int32>()
    private(set) var entries = ScratchBuffer<AtomClauseIndex.Entry>()
    private let atomClauses: AtomClauseIndex
    /// The distinct atoms of the state being added.
    private var stateAtoms = ScratchBuffer<Int32>()

    init(atomClauses: AtomClauseIndex) {
        self.atomClauses = atomClauses
    }

    func deallocate() {
        triggers.deallocate()
        queriedAtoms.deallocate()
        entries.deallocate()
        stateAtoms.deallocate()
    }

    /// Forgets every state.
    mutating func reset() {
        triggers.reset()
        queriedAtoms.reset()
        entries.reset()
    }

    /// Adds the triggers of the next state, whose phrases' outputs are `outputs`.
    mutating func add(outputs: UnsafeBufferPointer<PhraseStateCache.Output>) {
        stateAtoms.reset()
        for output in outputs { stateAtoms.append(output.atom) }
        stateAtoms.sort(by: <)
        var distinct = 0
        for index in 0..<stateAtoms.count where index == 0 || stateAtoms[index] != stateAtoms[index - 1] {
            stateAtoms[distinct] = stateAtoms[index]
            distinct += 1
        }
        let atoms = UnsafeBufferPointer(rebasing: stateAtoms.elements[0..<distinct])
        let atomStart = Int32(queriedAtoms.count), entryStart = Int32(entries.count)
        for atom in atoms where atomClauses.isQueried[Int(atom)] { queriedAtoms.append(atom) }
        for atom in atoms {
            for position in atomClauses.entries(of: atom) {
                var entry = atomClauses.entries[position]
                if atoms.contains(entry.otherAtom) { entry.otherAtom = -1 }
                entries.append(entry)
            }
        }
        triggers.append(Triggers(atomStart: atomStart, atomEnd: Int32(queriedAtoms.count),
                                 entryStart: entryStart, entryEnd: Int32(entries.count),
                                 atomBits: atoms.reduce(0) { $0 | TriggerTable.bit($1) }))
    }
}
