/// The first steps of `ClauseEvaluator`: which clauses can fire, and the occurrences of
/// the atoms they read. Each step walks the paragraph's phrase ends once or what an
/// earlier step found, never the rule set; expanding occurrences happens only when some
/// clause can fire, and only for the atoms such clauses read.
extension ClauseEvaluator {
    /// Lists in `candidates`, in clause order, the clauses of the entries the paragraph's
    /// tokens set off whose other atom is present (see `PhraseTrace`), and their atoms in
    /// `readAtoms`, each with no occurrence yet. Unless `keepingHits`, the targets that
    /// `isTaggedWithoutHits` settles go to `tagged` instead, in order, their clauses and
    /// atoms left out.
    mutating func findCandidates(keepingHits: Bool, tagged: inout ScratchBuffer<Int32>) {
        let phrases = buffers.trace.reader(cache: buffers.phraseStates)
        phrases.markPresent()
        let present = phrases.present, generation = self.generation
        var bits = work.candidateBits
        phrases.forEachEntry { entry in
            if present[Int(entry.otherAtom)] == generation { bits.insert(entry.clause) }
        }
        work.candidateBits = bits
        guard !bits.isEmpty else {
            work.candidates.reset()
            work.readAtoms.reset()
            return
        }
        listCandidates(keepingHits: keepingHits, tagged: &tagged)
    }

    /// Moves the clauses in `candidateBits` to `candidates` and their atoms to `readAtoms`,
    /// or settles their target (see `findCandidates`).
    @inline(__always)
    private mutating func listCandidates(keepingHits: Bool, tagged: inout ScratchBuffer<Int32>) {
        var bits = work.candidateBits
        var candidates = work.candidates
        var readAtoms = work.readAtoms
        defer {
            work.candidateBits = bits
            work.candidates = candidates
            work.readAtoms = readAtoms
        }
        candidates.reset()
        readAtoms.reset()
        let clauses = self.clauses, atoms = self.atoms, generation = self.generation
        func markRead(_ atom: Int32) {
            guard atoms.stamps[Int(atom)] != generation else { return }
            atoms.stamps[Int(atom)] = generation
            atoms.counts[Int(atom)] = 0
            readAtoms.append(atom)
        }
        bits.removeAll { clause in candidates.append(Int32(clause)) }
        // Kept groups move down over settled ones, which the loop has read already.
        var kept = 0
        forEachTargetGroup(of: candidates) { group in
            if !keepingHits && isTaggedWithoutHits(candidates, group) {
                tagged.append(clauses[Int(candidates[group.lowerBound])].target)
                return
            }
            for index in group {
                let clause = clauses[Int(candidates[index])]
                markRead(clause.atom)
                if clause.nearAtom >= 0 { markRead(clause.nearAtom) }
                candidates[kept] = candidates[index]
                kept += 1
            }
        }
        candidates.truncate(to: kept)
    }

    /// Calls `body` with the range of each target's clauses in `candidates` (which are in
    /// clause order, so grouped by target), in order.
    @inline(__always)
    func forEachTargetGroup(of candidates: ScratchBuffer<Int32>, _ body: (Range<Int>) -> Void) {
        var position = 0
        while position < candidates.count {
            let target = clauses[Int(candidates[position])].target
            let first = position
            while position < candidates.count, clauses[Int(candidates[position])].target == target { position += 1 }
            body(first..<position)
        }
    }

    /// Whether a target whose candidate clauses are `candidates[group]` is tagged whatever
    /// their hits: one of them `settlesTarget`, and none is an exclusion that could cancel
    /// it. Such a clause is a candidate only if its atom occurs, so it has a hit, and a
    /// paragraph's evidence is never below its weight. Counting tags needs no more: the
    /// occurrences of its atoms need not be expanded.
    @inline(__always)
    func isTaggedWithoutHits(_ candidates: ScratchBuffer<Int32>, _ group: Range<Int>) -> Bool {
        var isSettled = false
        for index in group {
            let clause = clauses[Int(candidates[index])]
            if clause.isExclusion { return false }
            isSettled = isSettled || clause.settlesTarget
        }
        return isSettled
    }

    /// Expands the occurrences of `readAtoms` into `grouped`, grouped by atom with a
    /// counting sort (no comparisons between atoms), then orders each atom's run by start.
    /// Tokens are walked in order and each token's phrases in the automaton's order, so
    /// runs arrive in order of their last token: nearly sorted, and insertion sort is
    /// linear in practice.
    mutating func groupOccurrencesOfReadAtoms() {
        let phrases = buffers.trace.reader(cache: buffers.phraseStates)
        let stamps = atoms.stamps, counts = atoms.counts, values = atoms.values
        var found = work.found
        defer { work.found = found }
        found.reset()
        var readBits: UInt64 = 0
        for index in 0..<work.readAtoms.count { readBits |= TriggerTable.bit(work.readAtoms[index]) }
        phrases.collectPhrases(ofAtomsStampedIn: stamps, readBits: readBits, into: &found)
        for index in 0..<found.count { counts[Int(found[index].atom)] &+= 1 }
        var offset: Int32 = 0
        for index in 0..<work.readAtoms.count {
            let atom = Int(work.readAtoms[index])
            values[atom] = offset
            offset += counts[atom]
            counts[atom] = 0  // reused below as the fill cursor, ending at the count again
        }
        // Resized as a local: resizing through `work` would retain the buffers around the call.
        var groupedBuffer = work.grouped
        groupedBuffer.resize(to: found.count)
        work.grouped = groupedBuffer
        let grouped = groupedBuffer.base
        for index in 0..<found.count {
            let occurrence = found[index]
            let atom = Int(occurrence.atom)
            grouped[Int(values[atom] &+ counts[atom])] = occurrence
            counts[atom] &+= 1
        }
        for index in 0..<work.readAtoms.count {
            let atom = Int(work.readAtoms[index])
            let lower = Int(values[atom])
            let upper = lower + Int(counts[atom])
            guard upper - lower > 1 else { continue }
            for position in (lower + 1)..<upper {
                let item = grouped[position]
                var slot = position
                while slot > lower, grouped[slot - 1].start > item.start {
                    grouped[slot] = grouped[slot - 1]
                    slot -= 1
                }
                grouped[slot] = item
            }
        }
    }

    /// The occurrences of an atom that a candidate clause reads: a contiguous run of `grouped`.
    @inline(__always)
    func occurrences(of atom: Int32) -> Range<Int> {
        let first = Int(atoms.values[Int(atom)])
        return first..<(first + Int(atoms.counts[Int(atom)]))
    }
}

/// The clauses that may fire in a paragraph, as bits in clause order (which groups clauses
/// by target, in taxonomy order), and the range of words holding them, so that reading
/// and clearing them costs nothing when none is set. Like `ScratchBuffer`, a view of
/// memory its owner frees.
struct CandidateClauses {
    let words: UnsafeMutablePointer<UInt64>
    private(set) var lowestWord = Int.max
    private(set) var highestWord = -1

    init(clauseCount: Int) {
        words = .allocate(capacity: clauseCount / 64 + 1)
        words.initialize(repeating: 0, count: clauseCount / 64 + 1)
    }

    func deallocate() { words.deallocate() }

    var isEmpty: Bool { highestWord < 0 }

    @inline(__always)
    mutating func insert(_ clause: Int32) {
        let word = Int(clause) >> 6
        words[word] |= 1 &<< UInt64(clause & 63)
        lowestWord = min(lowestWord, word)
        highestWord = max(highestWord, word)
    }

    /// Calls `body` with each clause in order, and clears them all.
    mutating func removeAll(_ body: (Int) -> Void) {
        guard highestWord >= 0 else { return }
        for word in lowestWord...highestWord {
            var value = words[word]
            words[word] = 0
            while value != 0 {
                body(word << 6 + value.trailingZeroBitCount)
                value &= value - 1
            }
        }
        lowestWord = Int.max
        highestWord = -1
    }
}
