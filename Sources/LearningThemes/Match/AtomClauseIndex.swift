/// The clauses to consider when an atom occurs: entries[start[a] ..< start[a + 1]] for
/// atom a. A `near/N` clause needs both its atoms, so it is listed under one only: the one
/// fewer clauses use, as words many rules mention tend to be common in text, and listing a
/// clause under the rarer side makes it a candidate less often. Its entry names the other
/// side, whose presence in the paragraph is then checked: such atoms are *queried*.
struct AtomClauseIndex: Sendable {
    /// A clause, and the other atom it needs (-1 if none).
    struct Entry: Sendable, BitwiseCopyable {
        var clause: Int32
        var otherAtom: Int32
    }

    let start: FrozenArray<Int32>
    let entries: FrozenArray<Entry>
    /// Per atom: whether some entry names it as `otherAtom`.
    let isQueried: FrozenArray<Bool>

    /// `alsoQueried`: atoms to mark present though no clause queries them.
    init(clausesByAtom: [[Int32]], clauses: [CompiledClause], alsoQueried: [Int32] = []) {
        let usage = clausesByAtom.map(\.count)
        let listed = clausesByAtom.enumerated().map { atom, clausesOfAtom in
            clausesOfAtom.compactMap { clause -> Entry? in
                let compiled = clauses[Int(clause)]
                guard compiled.nearAtom >= 0 && compiled.nearAtom != compiled.atom else { return Entry(clause: clause, otherAtom: -1) }
                let other = compiled.atom == Int32(atom) ? compiled.nearAtom : compiled.atom
                let checkedFrom = usage[Int(compiled.nearAtom)] < usage[Int(compiled.atom)] ? compiled.nearAtom : compiled.atom
                return checkedFrom == Int32(atom) ? Entry(clause: clause, otherAtom: other) : nil
            }
        }
        var starts: [Int32] = [0]
        for list in listed { starts.append(starts.last! + Int32(list.count)) }
        start = FrozenArray(starts)
        entries = FrozenArray(listed.flatMap { $0 })
        var queried = [Bool](repeating: false, count: clausesByAtom.count)
        for entry in listed.joined() where entry.otherAtom >= 0 { queried[Int(entry.otherAtom)] = true }
        for atom in alsoQueried { queried[Int(atom)] = true }
        isQueried = FrozenArray(queried)
    }

    /// Positions in `entries` of the entries listed under `atom`.
    func entries(of atom: Int32) -> Range<Int> { Int(start[Int(atom)])..<Int(start[Int(atom) + 1]) }
}
