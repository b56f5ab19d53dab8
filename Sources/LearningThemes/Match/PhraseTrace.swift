/// What the phrase automaton leaves for `ClauseEvaluator`: which tokens end some
/// phrase, and the state each of those left the automaton in. From those states it
/// reads what the tokens set off (see `TriggerTable`): the queried atoms present, and the
/// clause entries. Most tokens end no phrase (they start or continue one), so the
/// passes after the scan visit only the tokens that do.
///
/// A token's phrases are its state's outputs, read only when a candidate clause needs
/// them. Common words complete many atoms, so most phrases found are never read, and not
/// listing them is most of what a paragraph would otherwise cost after the scan. If the
/// state cache starts again within a paragraph, state ids are reused: the tokens before
/// that point first get what they set off recorded and their outputs copied out
/// (*detached*).
struct PhraseTrace {
    /// A token whose state ends some phrase: its ordinal, and its state in the
    /// cache, or ~d for detached output list d. Only these tokens' states are ever read,
    /// so only they are stored, with the state at hand for the passes that read it.
    struct PhraseEnd: BitwiseCopyable {
        var ordinal: Int32
        var state: Int32
    }

    /// The tokens whose state ends some phrase, in order; the automaton appends to it as
    /// it goes. The first `detachedPhraseEnds` are detached tokens.
    var phraseEnds = ScratchBuffer<PhraseEnd>()
    private var detachedPhraseEnds = 0
    /// Detached list d is detachedOutputs[detachedStart[d] ..< detachedStart[d + 1]].
    private var detachedStart = ScratchBuffer<Int32>()
    private var detachedOutputs = ScratchBuffer<PhraseStateCache.Output>()
    /// Per atom: the generation of the last paragraph in which it was present, for queried
    /// atoms (see `AtomClauseIndex`), at `presence[atom]`. Atom -1, the other atom of an
    /// entry that needs none, is marked present in every paragraph: each entry is then
    /// checked with one load and one test.
    let present: StampTable
    private var presence: UnsafeMutablePointer<UInt32> { present.stamps + 1 }
    /// The paragraph being matched (see `MatchBuffers.generation`).
    private(set) var generation: UInt32 = 0
    /// The entries the detached tokens set off (the others are read from the cache).
    private var detachedEntries = ScratchBuffer<AtomClauseIndex.Entry>()

    init(atomCount: Int) {
        present = StampTable(count: atomCount + 1)
    }

    func deallocate() {
        phraseEnds.deallocate()
        detachedStart.deallocate()
        detachedOutputs.deallocate()
        present.deallocate()
        detachedEntries.deallocate()
    }

    /// Starts a paragraph.
    mutating func reset(generation: UInt32) {
        self.generation = generation
        phraseEnds.reset()
        detachedPhraseEnds = 0
        detachedStart.reset()
        detachedStart.append(0)
        detachedOutputs.reset()
        detachedEntries.reset()
    }

    /// Detaches the tokens so far, while their states are still in `cache`.
    mutating func detach(cache: PhraseStateCache) {
        let phrases = reader(cache: cache)
        phrases.markPresent()
        // Appending may move `detachedEntries`; the attached entries are read from the cache.
        phrases.forEachAttachedEntry { detachedEntries.append($0) }
        for index in detachedPhraseEnds..<phraseEnds.count {
            let state = Int(phraseEnds[index].state)
            for output in Int(cache.outputStart[state])..<Int(cache.outputStart[state + 1]) {
                detachedOutputs.append(cache.outputs[output])
            }
            phraseEnds[index].state = ~Int32(detachedStart.count - 1)
            detachedStart.append(Int32(detachedOutputs.count))
        }
        detachedPhraseEnds = phraseEnds.count
    }

    /// Reads what the paragraph's tokens left in the trace and the cache (the phrases that
    /// end at each token, and what they set off) through raw pointers, valid until the
    /// cache or the trace next changes.
    struct Reader {
        fileprivate let phraseEnds: UnsafeMutableBufferPointer<PhraseEnd>
        fileprivate let detachedPhraseEnds: Int
        fileprivate let outputs: UnsafeMutablePointer<PhraseStateCache.Output>
        fileprivate let outputStart: UnsafeMutablePointer<Int32>
        fileprivate let detachedOutputs: UnsafeMutablePointer<PhraseStateCache.Output>
        fileprivate let detachedStart: UnsafeMutablePointer<Int32>
        fileprivate let triggers: UnsafeMutablePointer<TriggerTable.Triggers>
        fileprivate let queriedAtoms: UnsafeMutablePointer<Int32>
        fileprivate let entries: UnsafeMutablePointer<AtomClauseIndex.Entry>
        fileprivate let detachedEntries: UnsafeMutableBufferPointer<AtomClauseIndex.Entry>
        /// The paragraph's marks, by atom (see `PhraseTrace.present`).
        let present: UnsafeMutablePointer<UInt32>
        let generation: UInt32

        /// Calls `body` with what each attached token that ends a phrase sets off, in order.
        /// Walks `phraseEnds` by pointer: the passes after the scan visit every such token,
        /// and this loop is most of their cost.
        @inline(__always)
        private func forEachAttachedTriggers(_ body: (TriggerTable.Triggers) -> Void) {
            var end = UnsafePointer(phraseEnds.baseAddress!) + detachedPhraseEnds
            let last = UnsafePointer(phraseEnds.baseAddress!) + phraseEnds.count
            while end < last {
                body(triggers[Int(end.pointee.state)])
                end += 1
            }
        }

        /// Records the queried atoms of the attached tokens as present, and atom -1. Call
        /// once all the paragraph's tokens are traced, before `forEachEntry`.
        @inline(__always)
        func markPresent() {
            let present = self.present, generation = self.generation, atoms = queriedAtoms
            present[-1] = generation
            forEachAttachedTriggers { sets in
                var position = Int(sets.atomStart)
                while position < Int(sets.atomEnd) {
                    present[Int(atoms[position])] = generation
                    position &+= 1
                }
            }
        }

        /// Calls `body` with each entry the paragraph's tokens set off (see `TriggerTable`).
        @inline(__always)
        func forEachEntry(_ body: (AtomClauseIndex.Entry) -> Void) {
            for entry in detachedEntries { body(entry) }
            forEachAttachedEntry(body)
        }

        @inline(__always)
        fileprivate func forEachAttachedEntry(_ body: (AtomClauseIndex.Entry) -> Void) {
            let entries = self.entries
            forEachAttachedTriggers { sets in
                var position = Int(sets.entryStart)
                while position < Int(sets.entryEnd) {
                    body(entries[position])
                    position &+= 1
                }
            }
        }

        /// The (atom, length) of each phrase that ends at the token of `phraseEnds[index]`,
        /// in the order the automaton lists them.
        func outputs(ofPhraseEnd index: Int) -> UnsafeBufferPointer<PhraseStateCache.Output> {
            let state = Int(phraseEnds[index].state)
            let (list, starts) = state >= 0 ? (outputs, outputStart) : (detachedOutputs, detachedStart)
            let index = state >= 0 ? state : Int(~state)
            let lower = Int(starts[index])
            return UnsafeBufferPointer(start: list + lower, count: Int(starts[index + 1]) &- lower)
        }

        /// Appends to `found`, in token order, each phrase whose atom `readAtoms` stamps
        /// with the paragraph's generation. `readBits` holds those atoms' bits (see
        /// `TriggerTable.bit`), which turns most tokens away with one test, and leaves
        /// only a bucket or two of the others' phrases to look at (`Triggers.outputBuckets`).
        ///
        /// The detached tokens come first in `phraseEnds`: the loop over the others, nearly
        /// always all of them, then reads the cache's lists alone.
        @inline(__always)
        func collectPhrases(ofAtomsStampedIn readAtoms: UnsafeMutablePointer<UInt32>, readBits: UInt64,
                            into found: inout ScratchBuffer<Occurrence>) {
            let generation = self.generation
            func collect(_ end: Int32, _ phrases: UnsafeBufferPointer<PhraseStateCache.Output>) {
                for output in phrases where readAtoms[Int(output.atom)] == generation {
                    found.append(Occurrence(atom: output.atom, start: end &- output.length &+ 1, end: end))
                }
            }
            for index in 0..<detachedPhraseEnds { collect(phraseEnds[index].ordinal, outputs(ofPhraseEnd: index)) }
            var end = UnsafePointer(phraseEnds.baseAddress!) + detachedPhraseEnds
            let last = UnsafePointer(phraseEnds.baseAddress!) + phraseEnds.count
            while end < last {
                let state = Int(end.pointee.state)
                let sets = triggers[state]
                let bits = sets.atomBits & readBits
                if bits != 0 {
                    let first = outputs + Int(outputStart[state])
                    sets.forEachBucket(holding: bits, count: Int(outputStart[state &+ 1] &- outputStart[state])) { bucket in
                        collect(end.pointee.ordinal, UnsafeBufferPointer(start: first + bucket.lowerBound, count: bucket.count))
                    }
                }
                end += 1
            }
        }
    }

    /// Whether a phrase of the queried atom `atom` ends at some token of the paragraph,
    /// once the evaluator has marked them (see `Reader.markPresent`).
    @inline(__always)
    func isPresent(_ atom: Int32) -> Bool { presence[Int(atom)] == generation }

    /// Whether a phrase of `atom` ends at the paragraph's first token.
    @inline(__always)
    func firstTokenEndsPhrase(of atom: Int32, cache: PhraseStateCache) -> Bool {
        guard phraseEnds.count > 0, phraseEnds[0].ordinal == 0 else { return false }
        return reader(cache: cache).outputs(ofPhraseEnd: 0).contains { $0.atom == atom }
    }

    func reader(cache: PhraseStateCache) -> Reader {
        Reader(phraseEnds: phraseEnds.elements, detachedPhraseEnds: detachedPhraseEnds,
               outputs: cache.outputs.base, outputStart: cache.outputStart.base,
               detachedOutputs: detachedOutputs.base, detachedStart: detachedStart.base,
               triggers: cache.triggers.triggers.base, queriedAtoms: cache.triggers.queriedAtoms.base,
               entries: cache.triggers.entries.base, detachedEntries: detachedEntries.elements,
               present: presence, generation: generation)
    }
}
