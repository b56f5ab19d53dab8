/// What the phrase automaton leaves for `ClauseEvaluator`: the state each classed token
/// left the automaton in, and which tokens end some phrase. From the states of those it
/// reads what the tokens set off (see `TriggerTable`): the queried atoms present, and the
/// clause entries. Most classed tokens end no phrase (they start or continue one), so the
/// passes after the scan visit only the tokens that do.
///
/// A token's phrases are its state's outputs, read only when a candidate clause needs
/// them. Common words complete many atoms, so most phrases found are never read, and not
/// listing them is most of what a paragraph would otherwise cost after the scan. If the
/// state cache starts again within a paragraph, state ids are reused: the tokens before
/// that point first get what they set off recorded and their outputs copied out
/// (*detached*).
struct PhraseTrace {
    /// Per classed token: its state in the cache, or ~d for detached output list d.
    var stateOfToken = ScratchBuffer<Int32>()
    /// The ordinals of the tokens whose state ends some phrase, in order; the automaton
    /// appends to it as it goes. The first `detachedPhraseEnds` are detached tokens.
    var phraseEnds = ScratchBuffer<Int32>()
    private var detachedPhraseEnds = 0
    /// Detached list d is detachedOutputs[detachedStart[d] ..< detachedStart[d + 1]].
    private var detachedStart = ScratchBuffer<Int32>()
    private var detachedOutputs = ScratchBuffer<PhraseStateCache.Output>()
    /// The tokens before this ordinal are detached.
    private var detachedUpTo = 0
    /// Per atom: the generation of the last paragraph in which it was present, for queried
    /// atoms (see `AtomClauseIndex`).
    let present: StampTable
    /// The paragraph being matched (see `MatchBuffers.generation`).
    private(set) var generation: UInt32 = 0
    /// The entries the detached tokens set off (the others are read from the cache).
    private var detachedEntries = ScratchBuffer<AtomClauseIndex.Entry>()

    init(atomCount: Int) {
        present = StampTable(count: atomCount)
    }

    func deallocate() {
        stateOfToken.deallocate()
        phraseEnds.deallocate()
        detachedStart.deallocate()
        detachedOutputs.deallocate()
        present.deallocate()
        detachedEntries.deallocate()
    }

    /// Starts a paragraph of `tokenCount` classed tokens, whose states are then written
    /// through `stateOfToken.base`.
    mutating func reset(tokenCount: Int, generation: UInt32) {
        self.generation = generation
        stateOfToken.resize(to: tokenCount)
        phraseEnds.reset()
        detachedPhraseEnds = 0
        detachedStart.reset()
        detachedStart.append(0)
        detachedOutputs.reset()
        detachedEntries.reset()
        detachedUpTo = 0
    }

    /// Detaches the tokens before `end`, while their states are still in `cache`.
    mutating func detach(upTo end: Int, cache: PhraseStateCache) {
        markPresent(cache: cache)
        forEachAttachedEntry(cache: cache) { detachedEntries.append($0) }
        detachedPhraseEnds = phraseEnds.count
        for ordinal in detachedUpTo..<end {
            let state = Int(stateOfToken[ordinal])
            for output in Int(cache.outputStart[state])..<Int(cache.outputStart[state + 1]) {
                detachedOutputs.append(cache.outputs[output])
            }
            stateOfToken[ordinal] = ~Int32(detachedStart.count - 1)
            detachedStart.append(Int32(detachedOutputs.count))
        }
        detachedUpTo = end
    }

    /// Records the queried atoms of the paragraph as present. Call once all its tokens
    /// are traced, before `forEachEntry`. Inlined: a call would copy the whole trace.
    @inline(__always)
    func markPresent(cache: PhraseStateCache) {
        let triggers = cache.triggers.triggers.base, atoms = cache.triggers.queriedAtoms.base
        let present = self.present.stamps, generation = self.generation
        for index in detachedPhraseEnds..<phraseEnds.count {
            let sets = triggers[Int(stateOfToken[Int(phraseEnds[index])])]
            for position in Int(sets.atomStart)..<Int(sets.atomEnd) { present[Int(atoms[position])] = generation }
        }
    }

    /// Calls `body` with each entry the paragraph's tokens set off (see `TriggerTable`).
    func forEachEntry(cache: PhraseStateCache, _ body: (AtomClauseIndex.Entry) -> Void) {
        for index in 0..<detachedEntries.count { body(detachedEntries[index]) }
        forEachAttachedEntry(cache: cache, body)
    }

    private func forEachAttachedEntry(cache: PhraseStateCache, _ body: (AtomClauseIndex.Entry) -> Void) {
        let triggers = cache.triggers.triggers.base, entries = cache.triggers.entries.base
        for index in detachedPhraseEnds..<phraseEnds.count {
            let sets = triggers[Int(stateOfToken[Int(phraseEnds[index])])]
            for position in Int(sets.entryStart)..<Int(sets.entryEnd) { body(entries[position]) }
        }
    }

    /// Reads the phrases that end at each token, through raw pointers (valid until the
    /// cache or the trace next changes).
    struct Reader {
        fileprivate let stateOfToken: UnsafeMutablePointer<Int32>
        fileprivate let phraseEnds: UnsafeMutableBufferPointer<Int32>
        fileprivate let detachedPhraseEnds: Int
        fileprivate let outputs: UnsafeMutablePointer<PhraseStateCache.Output>
        fileprivate let outputStart: UnsafeMutablePointer<Int32>
        fileprivate let detachedOutputs: UnsafeMutablePointer<PhraseStateCache.Output>
        fileprivate let detachedStart: UnsafeMutablePointer<Int32>
        fileprivate let triggers: UnsafeMutablePointer<TriggerTable.Triggers>

        /// The (atom, length) of each phrase that ends at token `ordinal`, in the order the
        /// automaton lists them.
        func outputs(ofToken ordinal: Int) -> UnsafeBufferPointer<PhraseStateCache.Output> {
            let state = Int(stateOfToken[ordinal])
            let (list, starts) = state >= 0 ? (outputs, outputStart) : (detachedOutputs, detachedStart)
            let index = state >= 0 ? state : Int(~state)
            let lower = Int(starts[index])
            return UnsafeBufferPointer(start: list + lower, count: Int(starts[index + 1]) &- lower)
        }

        /// Calls `body` with each token that may end a phrase of an atom whose bit (see
        /// `TriggerTable.bit`) is in `atomBits`, and the phrases that end there, as
        /// `outputs(ofToken:)` lists them.
        ///
        /// The detached tokens come first in `phraseEnds`: the loop over the others, nearly
        /// always all of them, then reads the cache's lists alone, with few enough pointers
        /// to keep them all in registers.
        @inline(__always)
        func forEachPhraseEnd(mayEndingOneOf atomBits: UInt64,
                              _ body: (_ token: Int32, _ phrases: UnsafeBufferPointer<PhraseStateCache.Output>) -> Void) {
            for index in 0..<detachedPhraseEnds {
                let end = phraseEnds[index]
                let list = Int(~stateOfToken[Int(end)])
                let lower = Int(detachedStart[list])
                body(end, UnsafeBufferPointer(start: detachedOutputs + lower, count: Int(detachedStart[list + 1]) &- lower))
            }
            for index in detachedPhraseEnds..<phraseEnds.count {
                let end = phraseEnds[index]
                let state = Int(stateOfToken[Int(end)])
                guard triggers[state].atomBits & atomBits != 0 else { continue }
                let lower = Int(outputStart[state])
                body(end, UnsafeBufferPointer(start: outputs + lower, count: Int(outputStart[state &+ 1]) &- lower))
            }
        }
    }

    func reader(cache: PhraseStateCache) -> Reader {
        Reader(stateOfToken: stateOfToken.base, phraseEnds: phraseEnds.elements, detachedPhraseEnds: detachedPhraseEnds,
               outputs: cache.outputs.base, outputStart: cache.outputStart.base,
               detachedOutputs: detachedOutputs.base, detachedStart: detachedStart.base,
               triggers: cache.triggers.triggers.base)
    }
}
