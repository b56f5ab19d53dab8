/// Turns the phrase occurrences of one paragraph into clause hits, applies exclusions and
/// minimum evidence, and decides the tags.
///
/// Works on the scratch buffers and the matcher's tables as plain values and raw pointers,
/// so its loops do no reference counting. It lives only while its caller holds the matcher
/// and the scratch, so it does not retain them either: that would be two retains and two
/// releases per paragraph.
struct ClauseEvaluator {
    unowned(unsafe) let matcher: Matcher
    unowned(unsafe) let buffers: MatchBuffers
    let clauses: UnsafePointer<CompiledClause>
    /// Each token's sentence (see `TokenRecorder`).
    let sentences: UnsafePointer<Int32>
    let atoms: StampTable
    let generation: UInt32
    /// The buffers the evaluation fills, used where they are in `buffers`: copying them
    /// in and out would move a few hundred bytes per paragraph.
    var work: EvaluationBuffers {
        _read { yield buffers.evaluation }
        nonmutating _modify { yield &buffers.evaluation }
    }

    init(matcher: Matcher, scratch: MatchScratch) {
        self.matcher = matcher
        self.buffers = scratch.buffers
        clauses = UnsafePointer(matcher.clauses.base)
        sentences = UnsafePointer(buffers.sentences.base)
        atoms = buffers.atoms
        generation = buffers.generation
    }

    /// A clause that fired: the tokens it covers, and the parts that exclusions may cancel
    /// (`partB` is -1...-1 for a clause without `near/N`). Positions are token
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
        var evaluator = self
        evaluator.evaluate(keepingHits: true)
        let work = evaluator.work
        var result = Classification()
        var themeEvidence: [Evidence] = []
        var sourceEvidence: [Evidence] = []
        let spans = buffers.spans
        for index in 0..<work.tagged.count {
            let target = Int(work.tagged[index])
            let id = matcher.targetIDs[target]
            let isSource = matcher.targets[target].isSource
            if isSource { result.sources.append(id) } else { result.themes.append(id) }
            let hits = UnsafeBufferPointer(rebasing: work.survivors.elements[
                Int(work.survivorStart[index])..<Int(work.survivorStart[index + 1])])
            let evidence = ClauseEvaluator.outermost(hits).map { hit in
                let lower = Int(spans[Int(hit.start)].start)
                let upper = Int(spans[Int(hit.end)].end)
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

    /// Fills `tagged` with the targets (themes and sources) the paragraph gets, in target
    /// order, and with `keepingHits`, `survivors` with the hits behind each (sorted by
    /// position), delimited by `survivorStart`.
    mutating func evaluate(keepingHits: Bool) {
        // The buffers filled here are locals, stored back when done: passing a field of
        // `work` inout to a method of `self` would make Swift copy the whole evaluator each
        // time, and appending through `work` would retain the buffers around each append.
        var tagged = work.tagged, survivors = work.survivors, survivorStart = work.survivorStart
        tagged.reset()
        survivors.reset()
        survivorStart.reset()
        survivorStart.append(0)
        defer {
            work.tagged = tagged
            work.survivors = survivors
            work.survivorStart = survivorStart
        }
        findCandidates(keepingHits: keepingHits, tagged: &tagged)
        // Most paragraphs end here: a `near/N` clause needs both its sides, and words
        // common enough to be everywhere tend to be one side of one.
        guard !work.candidates.isEmpty else { return }
        groupOccurrencesOfReadAtoms()
        // The targets settled without hits come first: all go in target order at the end.
        let settled = tagged.count
        defer { if settled > 0 && tagged.count > settled { tagged.sort(by: <) } }
        var matches = work.matches
        var exclusions = work.exclusions
        defer {
            work.matches = matches
            work.exclusions = exclusions
        }
        forEachTargetGroup(of: work.candidates) { group in
            let target = clauses[Int(work.candidates[group.lowerBound])].target
            matches.reset()
            for index in group where !clauses[Int(work.candidates[index])].isExclusion {
                hits(of: work.candidates[index], into: &matches)
            }
            guard !matches.isEmpty else { return }
            // Exclusions only matter to a target with something to cancel.
            exclusions.reset()
            for index in group where clauses[Int(work.candidates[index])].isExclusion {
                hits(of: work.candidates[index], into: &exclusions)
            }
            matches.sort { ($0.start, $0.end, $0.clause) < ($1.start, $1.end, $1.clause) }
            if !exclusions.isEmpty { ClauseEvaluator.cancel(&matches, by: &exclusions) }
            guard !matches.isEmpty, score(matches) >= matcher.targets[Int(target)].minimumEvidence else { return }
            tagged.append(target)
            if keepingHits {
                for index in 0..<matches.count { survivors.append(matches[index]) }
                survivorStart.append(Int32(survivors.count))
            }
        }
    }

    private func hits(of clauseIndex: Int32, into hits: inout ScratchBuffer<Hit>) {
        let clause = clauses[Int(clauseIndex)]
        let occurrences = work.grouped
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
        // Occurrences are token ordinals, so the words between two are a difference.
        // Both lists are sorted by start; `low` only moves forward, and the window it opens
        // is bounded by the distance and the longest phrase, so this stays linear.
        let sentences = self.sentences
        func sentence(_ ordinal: Int32) -> Int32 { sentences[Int(ordinal)] }
        var low = second.lowerBound
        let reach = clause.distance + Int32(PatternParser.maximumPhraseLength) + 1
        for index in first {
            let a = occurrences[index]
            while low < second.upperBound, occurrences[low].start < a.start - reach { low += 1 }
            var candidate = low
            while candidate < second.upperBound,
                  occurrences[candidate].start <= a.end + clause.distance + 1 {
                let b = occurrences[candidate]
                candidate += 1
                if b.end >= a.start && b.start <= a.end { continue }  // the same words cannot be both parts
                let gap = b.start > a.end ? b.start - a.end - 1 : a.start - b.end - 1
                guard gap <= clause.distance,
                      sentence(a.start) == sentence(b.end),
                      sentence(b.start) == sentence(a.end) else { continue }
                hits.append(Hit(clause: clauseIndex, start: min(a.start, b.start), end: max(a.end, b.end),
                                partAStart: a.start, partAEnd: a.end, partBStart: b.start, partBEnd: b.end))
                // One pairing is evidence enough for a match; an exclusion must cancel every
                // phrase in reach ("the mother's history of self-harm and attempted suicide").
                if !clause.isExclusion { break }
            }
        }
    }

    /// Drops, in place, every hit a part of which overlaps an exclusion hit (`self-neglect`
    /// cancels the `neglect` inside it). `matches` is sorted by start.
    private static func cancel(_ matches: inout ScratchBuffer<Hit>, by exclusions: inout ScratchBuffer<Hit>) {
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
            let weight = clauses[Int(hit.clause)].weight
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
