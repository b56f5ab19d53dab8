/// Turns the phrase occurrences of one paragraph into clause hits, applies exclusions and
/// minimum evidence, and decides the tags.
struct ClauseEvaluator {
    let matcher: Matcher

    /// A clause that fired: the tokens it covers, and the parts that exclusions may cancel.
    struct Hit {
        var clause: Int32
        var start: Int32
        var end: Int32
        var partA: ClosedRange<Int32>
        var partB: ClosedRange<Int32>?
    }

    /// The longest span a hit can have, in tokens: two phrases and the words between.
    /// Sweeps use it to bound how far back they look, which keeps them linear.
    static let maximumHitSpan = Int32(2 * PatternParser.maximumPhraseLength + 52)

    func classification(of bytes: UnsafeBufferPointer<UInt8>, scratch: inout MatchScratch) -> Classification {
        var result = Classification()
        var tagged: [(target: Int, hits: [Hit])] = []
        evaluate(scratch: &scratch) { target, survivors in tagged.append((target, survivors)) }
        var evidence: [Int: [Evidence]] = [:]
        for (target, survivors) in tagged {
            let compiled = matcher.targets[target]
            if compiled.isSource { result.sources.append(compiled.id) } else { result.themes.append(compiled.id) }
            evidence[target] = ClauseEvaluator.outermost(survivors).map { hit in
                let lower = Int(scratch.tokenStart[Int(hit.start)])
                let upper = Int(scratch.tokenEnd[Int(hit.end)])
                return Evidence(label: compiled.id, rule: matcher.clauses[Int(hit.clause)].id,
                                text: String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self),
                                bytes: lower..<upper)
            }
        }
        // Themes before sources, each in taxonomy order (targets are already in that order).
        let order = evidence.keys.sorted { (matcher.targets[$0].isSource ? 1 : 0, $0) < (matcher.targets[$1].isSource ? 1 : 0, $1) }
        result.evidence = order.flatMap { evidence[$0]! }
        return result
    }

    /// Hits not inside another hit of the same tag: "Safeguarding Practice Reviews" is shown
    /// once, not also as "Practice Reviews". Input is sorted by start, then end.
    static func outermost(_ hits: [Hit]) -> [Hit] {
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

    func taggedTargets(scratch: inout MatchScratch) -> [Int] {
        var tagged: [Int] = []
        evaluate(scratch: &scratch) { target, _ in tagged.append(target) }
        return tagged
    }

    /// Calls `tag` for each target (theme or source) the paragraph gets, in target order,
    /// with the hits that survived its exclusions, sorted by position.
    func evaluate(scratch: inout MatchScratch, tag: (Int, [Hit]) -> Void) {
        guard !scratch.occurrences.isEmpty else { return }
        scratch.occurrences.sort { $0.sortKey < $1.sortKey }
        let generation = scratch.generation
        var triggered: [Int32] = []
        for (index, occurrence) in scratch.occurrences.enumerated() {
            let atom = Int(occurrence.atom)
            guard scratch.atomStamp[atom] != generation else { continue }
            scratch.atomStamp[atom] = generation
            scratch.atomFirst[atom] = Int32(index)
            for clause in matcher.clausesByAtom[atom] where scratch.clauseStamp[Int(clause)] != generation {
                scratch.clauseStamp[Int(clause)] = generation
                triggered.append(clause)
            }
        }
        triggered.sort()
        var position = 0
        while position < triggered.count {
            let target = matcher.clauses[Int(triggered[position])].target
            var matches: [Hit] = []
            var exclusions: [Hit] = []
            while position < triggered.count, matcher.clauses[Int(triggered[position])].target == target {
                let clause = triggered[position]
                if matcher.clauses[Int(clause)].isExclusion {
                    hits(of: clause, scratch: &scratch, into: &exclusions)
                } else {
                    hits(of: clause, scratch: &scratch, into: &matches)
                }
                position += 1
            }
            guard !matches.isEmpty else { continue }
            matches.sort { ($0.start, $0.end, $0.clause) < ($1.start, $1.end, $1.clause) }
            let survivors = exclusions.isEmpty ? matches : cancel(matches, by: exclusions, work: &scratch.work)
            if score(survivors) >= matcher.targets[Int(target)].minimumEvidence {
                tag(Int(target), survivors)
            }
        }
    }

    /// The occurrences of an atom: a contiguous run of the sorted occurrence list.
    private func occurrences(of atom: Int32, scratch: MatchScratch) -> ArraySlice<Occurrence> {
        guard atom >= 0, scratch.atomStamp[Int(atom)] == scratch.generation else { return [] }
        let first = Int(scratch.atomFirst[Int(atom)])
        var last = first
        while last < scratch.occurrences.count, scratch.occurrences[last].atom == atom { last += 1 }
        return scratch.occurrences[first..<last]
    }

    private func hits(of clauseIndex: Int32, scratch: inout MatchScratch, into hits: inout [Hit]) {
        let clause = matcher.clauses[Int(clauseIndex)]
        let first = occurrences(of: clause.atom, scratch: scratch)
        guard clause.nearAtom >= 0 else {
            for occurrence in first {
                scratch.work &+= 1
                hits.append(Hit(clause: clauseIndex, start: occurrence.start, end: occurrence.end,
                                partA: occurrence.start...occurrence.end, partB: nil))
            }
            return
        }
        let second = occurrences(of: clause.nearAtom, scratch: scratch)
        guard !second.isEmpty else { return }
        // Both lists are sorted by start. `low` only moves forward, and the window it opens
        // is bounded by the distance and the longest phrase, so this stays linear.
        // Occurrences count classed tokens; distances count all words, via tokenIndex.
        let position = scratch.tokenIndex
        var low = second.startIndex
        let reach = clause.distance + Int32(PatternParser.maximumPhraseLength) + 1
        for a in first {
            while low < second.endIndex, position[Int(second[low].start)] < position[Int(a.start)] - reach { low += 1 }
            var candidate = low
            while candidate < second.endIndex, position[Int(second[candidate].start)] <= position[Int(a.end)] + clause.distance + 1 {
                scratch.work &+= 1
                let b = second[candidate]
                candidate += 1
                if b.end >= a.start && b.start <= a.end { continue }  // the same words cannot be both parts
                let gap = b.start > a.end ? position[Int(b.start)] - position[Int(a.end)] - 1
                    : position[Int(a.start)] - position[Int(b.end)] - 1
                guard gap <= clause.distance,
                      scratch.tokenSentence[Int(a.start)] == scratch.tokenSentence[Int(b.end)],
                      scratch.tokenSentence[Int(b.start)] == scratch.tokenSentence[Int(a.end)] else { continue }
                hits.append(Hit(clause: clauseIndex, start: min(a.start, b.start), end: max(a.end, b.end),
                                partA: a.start...a.end, partB: b.start...b.end))
                break
            }
        }
    }

    /// Drops every hit a part of which overlaps an exclusion hit (`self-neglect` cancels the
    /// `neglect` inside it).
    private func cancel(_ matches: [Hit], by exclusions: [Hit], work: inout Int) -> [Hit] {
        let exclusions = exclusions.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var low = 0
        return matches.filter { hit in
            while low < exclusions.count, exclusions[low].start < hit.start - ClauseEvaluator.maximumHitSpan { low += 1 }
            var index = low
            while index < exclusions.count, exclusions[index].start <= hit.end {
                work &+= 1
                let exclusion = exclusions[index]
                index += 1
                for part in [exclusion.partA] + (exclusion.partB.map { [$0] } ?? []) {
                    if part.overlaps(hit.partA) || (hit.partB?.overlaps(part) ?? false) { return false }
                }
            }
            return true
        }
    }

    /// Sum of weights, counting overlapping hits once (at the highest weight), so one phrase
    /// that several clauses match is one piece of evidence.
    private func score(_ hits: [Hit]) -> Int32 {
        var total: Int32 = 0
        var clusterEnd: Int32 = -1
        var clusterWeight: Int32 = 0
        for hit in hits {
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
