/// Turns the phrase occurrences of one paragraph into clause hits, applies exclusions and
/// minimum evidence, and decides the tags.
struct ClauseEvaluator {
    let matcher: Matcher
    let buffers: MatchBuffers

    init(matcher: Matcher, scratch: MatchScratch) {
        self.matcher = matcher
        self.buffers = scratch.buffers
    }

    /// A clause that fired: the tokens it covers, and the parts that exclusions may cancel
    /// (`partB` is -1...-1 for a clause without `near/N`). Positions are classed-token
    /// ordinals.
    struct Hit: BitwiseCopyable {
        var clause: Int32
        var start: Int32
        var end: Int32
        var partAStart: Int32
        var partAEnd: Int32
        var partBStart: Int32
        var partBEnd: Int32

        func partsOverlap(_ other: Hit) -> Bool {
            func overlap(_ a: Int32, _ b: Int32, _ c: Int32, _ d: Int32) -> Bool { a >= 0 && c >= 0 && a <= d && c <= b }
            return overlap(partAStart, partAEnd, other.partAStart, other.partAEnd)
                || overlap(partAStart, partAEnd, other.partBStart, other.partBEnd)
                || overlap(partBStart, partBEnd, other.partAStart, other.partAEnd)
                || overlap(partBStart, partBEnd, other.partBStart, other.partBEnd)
        }
    }

    /// The longest span a hit can have, in tokens: two phrases and the words between.
    /// Sweeps use it to bound how far back they look, which keeps them linear.
    static let maximumHitSpan = Int32(2 * PatternParser.maximumPhraseLength + 52)

    func classification(of bytes: UnsafeBufferPointer<UInt8>) -> Classification {
        evaluate(keepingHits: true)
        var result = Classification()
        var themeEvidence: [Evidence] = []
        var sourceEvidence: [Evidence] = []
        for index in 0..<buffers.tagged.count {
            let target = Int(buffers.tagged[index])
            let id = matcher.targetIDs[target]
            let isSource = matcher.targets[target].isSource
            if isSource { result.sources.append(id) } else { result.themes.append(id) }
            let hits = UnsafeBufferPointer(rebasing: buffers.survivors.elements[
                Int(buffers.survivorStart[index])..<Int(buffers.survivorStart[index + 1])])
            let evidence = ClauseEvaluator.outermost(hits).map { hit in
                let lower = Int(buffers.tokens[Int(hit.start)].start)
                let upper = Int(buffers.tokens[Int(hit.end)].end)
                return Evidence(label: id, rule: matcher.clauseIDs[Int(hit.clause)],
                                text: String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self),
                                bytes: lower..<upper)
            }
            if isSource { sourceEvidence += evidence } else { themeEvidence += evidence }
        }
        // Themes before sources, each in taxonomy order (targets are already in that order).
        result.evidence = themeEvidence + sourceEvidence
        return result
    }

    /// Hits not inside another hit of the same tag: "Safeguarding Practice Reviews" is shown
    /// once, not also as "Practice Reviews". Input is sorted by start, then end.
    static func outermost(_ hits: UnsafeBufferPointer<Hit>) -> [Hit] {
        var kept: [Hit] = []
        var coveredUntil: Int32 = -1
        for (index, hit) in hits.enumerated() {
            if hit.end <= coveredUntil { continue }
            // A later hit with the same start and a further end covers this one.
            if index + 1 < hits.count, hits[index + 1].start == hit.start, hits[index + 1].end > hit.end { continue }
            kept.append(hit)
            coveredUntil = max(coveredUntil, hit.end)
        }
        return kept
    }

    /// Fills `buffers.tagged` with the targets (themes and sources) the paragraph gets, in
    /// target order, and with `keepingHits`, `buffers.survivors` with the hits behind each
    /// (sorted by position), delimited by `buffers.survivorStart`.
    func evaluate(keepingHits: Bool) {
        buffers.tagged.reset()
        buffers.survivors.reset()
        buffers.survivorStart.reset()
        buffers.survivorStart.append(0)
        guard !buffers.occurrences.isEmpty else { return }
        groupOccurrencesByAtom()
        // Mark the clauses of every atom seen in a bit set, then read the bits back in
        // order: clause order without sorting (it groups clauses by target, in taxonomy order).
        let bits = buffers.clauseBits
        var lowestWord = Int.max
        var highestWord = -1
        for index in 0..<buffers.touchedAtoms.count {
            let atom = Int(buffers.touchedAtoms[index])
            for position in Int(matcher.clausesOfAtomStart[atom])..<Int(matcher.clausesOfAtomStart[atom + 1]) {
                let clause = Int(matcher.clausesOfAtom[position])
                bits[clause >> 6] |= 1 << UInt64(clause & 63)
                lowestWord = min(lowestWord, clause >> 6)
                highestWord = max(highestWord, clause >> 6)
            }
        }
        let triggered = buffers.triggered
        triggered.reset()
        if highestWord >= 0 {
            for word in lowestWord...highestWord {
                var value = bits[word]
                bits[word] = 0
                while value != 0 {
                    triggered.append(Int32(word << 6 + value.trailingZeroBitCount))
                    value &= value - 1
                }
            }
        }
        let matches = buffers.matches
        let exclusions = buffers.exclusions
        var position = 0
        while position < triggered.count {
            let target = matcher.clauses[Int(triggered[position])].target
            matches.reset()
            exclusions.reset()
            while position < triggered.count, matcher.clauses[Int(triggered[position])].target == target {
                let clause = triggered[position]
                hits(of: clause, into: matcher.clauses[Int(clause)].isExclusion ? exclusions : matches)
                position += 1
            }
            guard !matches.isEmpty else { continue }
            matches.sort { ($0.start, $0.end, $0.clause) < ($1.start, $1.end, $1.clause) }
            if !exclusions.isEmpty { cancel(matches, by: exclusions) }
            guard !matches.isEmpty, score(matches) >= matcher.targets[Int(target)].minimumEvidence else { continue }
            buffers.tagged.append(target)
            if keepingHits {
                for index in 0..<matches.count { buffers.survivors.append(matches[index]) }
                buffers.survivorStart.append(Int32(buffers.survivors.count))
            }
        }
    }

    /// Groups `occurrences` by atom into `grouped` with a counting sort (no comparisons
    /// between atoms), then orders each atom's run by start. Runs arrive in order of their
    /// last token, so they are nearly sorted and insertion sort is linear in practice.
    private func groupOccurrencesByAtom() {
        let occurrences = buffers.occurrences
        let atoms = buffers.atoms
        let touched = buffers.touchedAtoms
        let generation = buffers.generation
        touched.reset()
        for index in 0..<occurrences.count {
            let atom = Int(occurrences[index].atom)
            if atoms.stamps[atom] != generation {
                atoms.stamps[atom] = generation
                atoms.counts[atom] = 0
                touched.append(Int32(atom))
            }
            atoms.counts[atom] += 1
        }
        var offset: Int32 = 0
        for index in 0..<touched.count {
            let atom = Int(touched[index])
            atoms.values[atom] = offset
            offset += atoms.counts[atom]
            atoms.counts[atom] = 0  // reused below as the fill cursor, ending at the count again
        }
        let grouped = buffers.grouped
        grouped.resize(to: occurrences.count)
        for index in 0..<occurrences.count {
            let occurrence = occurrences[index]
            let atom = Int(occurrence.atom)
            grouped[Int(atoms.values[atom] + atoms.counts[atom])] = occurrence
            atoms.counts[atom] += 1
        }
        for index in 0..<touched.count {
            let atom = Int(touched[index])
            let lower = Int(atoms.values[atom])
            let upper = lower + Int(atoms.counts[atom])
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

    /// The occurrences of an atom: a contiguous run of `grouped`.
    private func occurrences(of atom: Int32) -> Range<Int> {
        guard atom >= 0, buffers.atoms.stamps[Int(atom)] == buffers.generation else { return 0..<0 }
        let first = Int(buffers.atoms.values[Int(atom)])
        return first..<(first + Int(buffers.atoms.counts[Int(atom)]))
    }

    private func hits(of clauseIndex: Int32, into hits: ScratchBuffer<Hit>) {
        let clause = matcher.clauses[Int(clauseIndex)]
        let occurrences = buffers.grouped
        let first = self.occurrences(of: clause.atom)
        guard clause.nearAtom >= 0 else {
            for index in first {
                let occurrence = occurrences[index]
                hits.append(Hit(clause: clauseIndex, start: occurrence.start, end: occurrence.end,
                                partAStart: occurrence.start, partAEnd: occurrence.end, partBStart: -1, partBEnd: -1))
            }
            return
        }
        let second = self.occurrences(of: clause.nearAtom)
        guard !second.isEmpty else { return }
        // Occurrences count classed tokens; distances count all words, via tokenIndex.
        // Both lists are sorted by start; `low` only moves forward, and the window it opens
        // is bounded by the distance and the longest phrase, so this stays linear.
        let tokens = buffers.tokens
        func position(_ ordinal: Int32) -> Int32 { tokens[Int(ordinal)].index }
        func sentence(_ ordinal: Int32) -> Int32 { tokens[Int(ordinal)].sentence }
        var low = second.lowerBound
        let reach = clause.distance + Int32(PatternParser.maximumPhraseLength) + 1
        for index in first {
            let a = occurrences[index]
            while low < second.upperBound, position(occurrences[low].start) < position(a.start) - reach { low += 1 }
            var candidate = low
            while candidate < second.upperBound,
                  position(occurrences[candidate].start) <= position(a.end) + clause.distance + 1 {
                let b = occurrences[candidate]
                candidate += 1
                if b.end >= a.start && b.start <= a.end { continue }  // the same words cannot be both parts
                let gap = b.start > a.end ? position(b.start) - position(a.end) - 1
                    : position(a.start) - position(b.end) - 1
                guard gap <= clause.distance,
                      sentence(a.start) == sentence(b.end),
                      sentence(b.start) == sentence(a.end) else { continue }
                hits.append(Hit(clause: clauseIndex, start: min(a.start, b.start), end: max(a.end, b.end),
                                partAStart: a.start, partAEnd: a.end, partBStart: b.start, partBEnd: b.end))
                break
            }
        }
    }

    /// Drops, in place, every hit a part of which overlaps an exclusion hit (`self-neglect`
    /// cancels the `neglect` inside it). `matches` is sorted by start.
    private func cancel(_ matches: ScratchBuffer<Hit>, by exclusions: ScratchBuffer<Hit>) {
        exclusions.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        var low = 0
        var kept = 0
        for index in 0..<matches.count {
            let hit = matches[index]
            while low < exclusions.count, exclusions[low].start < hit.start - ClauseEvaluator.maximumHitSpan { low += 1 }
            var excluded = false
            var candidate = low
            while candidate < exclusions.count, exclusions[candidate].start <= hit.end {
                if exclusions[candidate].partsOverlap(hit) {
                    excluded = true
                    break
                }
                candidate += 1
            }
            if !excluded {
                matches[kept] = hit
                kept += 1
            }
        }
        matches.truncate(to: kept)
    }

    /// Sum of weights, counting overlapping hits once (at the highest weight), so one phrase
    /// that several clauses match is one piece of evidence.
    private func score(_ hits: ScratchBuffer<Hit>) -> Int32 {
        var total: Int32 = 0
        var clusterEnd: Int32 = -1
        var clusterWeight: Int32 = 0
        for index in 0..<hits.count {
            let hit = hits[index]
            let weight = matcher.clauses[Int(hit.clause)].weight
            if hit.start <= clusterEnd {
                clusterWeight = max(clusterWeight, weight)
                clusterEnd = max(clusterEnd, hit.end)
            } else {
                total += clusterWeight
                clusterWeight = weight
                clusterEnd = hit.end
            }
        }
        return total + clusterWeight
    }
}
