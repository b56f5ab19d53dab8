/// What the matcher's scan keeps of each token as it steps the phrase automaton, by the
/// token's ordinal among all the paragraph's words. Counting tags needs only each token's
/// sentence (for `near/N`); evidence also needs its bytes. The automaton's state is not
/// kept per token at all (see `PhraseTrace`).
protocol TokenRecorder {
    /// A recorder for a text of at most `tokenLimit` tokens, keeping what it records in
    /// `buffers`.
    init(buffers: MatchBuffers, tokenLimit: Int)
    /// The token `ordinal`, of class `tokenClass`, spans bytes `start..<end`; it belongs to
    /// the sentence after the last `endSentence` (the first, numbered 0, if none).
    mutating func record(start: Int, end: Int, ordinal: Int, tokenClass: Int32)
    /// A sentence ends before the token `ordinal`, which is yet to be recorded.
    mutating func endSentence(beforeOrdinal ordinal: Int)
    /// The scan is over, after `tokenCount` tokens.
    mutating func finish(tokenCount: Int)
}

/// Where a token's bytes are, for evidence.
struct TokenSpan: Sendable, BitwiseCopyable {
    var start: Int32
    var end: Int32
}

/// Keeps each token's sentence in `MatchBuffers.sentences`: what counting tags needs.
///
/// Stored a sentence at a time, as each ends, not with each token: the scan's loop then
/// holds neither the sentence number nor the array.
struct SentenceRecorder: TokenRecorder {
    /// Sentences are stored this many tokens at a time, running on past a sentence's end
    /// into room that the next sentence overwrites.
    private typealias Block = SIMD8<Int32>
    private let sentences: UnsafeMutablePointer<Int32>
    /// The tokens before this one have their sentence stored.
    private var stored = 0
    private var sentence: Int32 = 0

    /// Makes room for `tokenLimit` tokens and a block more, so that storing needs no
    /// capacity check.
    @inline(__always)
    init(buffers: MatchBuffers, tokenLimit: Int) {
        buffers.sentences.reset()
        buffers.sentences.resize(to: tokenLimit + Block.scalarCount)
        sentences = buffers.sentences.base
    }

    @inline(__always)
    func record(start: Int, end: Int, ordinal: Int, tokenClass: Int32) {}

    @inline(__always)
    mutating func endSentence(beforeOrdinal ordinal: Int) {
        store(upTo: ordinal)
        sentence &+= 1
    }

    @inline(__always)
    mutating func finish(tokenCount: Int) { store(upTo: tokenCount) }

    @inline(__always)
    private mutating func store(upTo ordinal: Int) {
        let block = Block(repeating: sentence)
        var index = stored
        while index < ordinal {
            UnsafeMutableRawPointer(sentences + index).storeBytes(of: block, as: Block.self)
            index &+= Block.scalarCount
        }
        stored = ordinal
    }
}

/// Keeps each token's sentence and bytes, in `MatchBuffers.sentences` and `spans`: what
/// evidence needs.
struct SpanRecorder: TokenRecorder {
    private var sentences: SentenceRecorder
    private let spans: UnsafeMutablePointer<TokenSpan>

    @inline(__always)
    init(buffers: MatchBuffers, tokenLimit: Int) {
        sentences = SentenceRecorder(buffers: buffers, tokenLimit: tokenLimit)
        buffers.spans.reset()
        buffers.spans.resize(to: tokenLimit)
        spans = buffers.spans.base
    }

    @inline(__always)
    func record(start: Int, end: Int, ordinal: Int, tokenClass: Int32) {
        spans[ordinal] = TokenSpan(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end))
    }

    @inline(__always)
    mutating func endSentence(beforeOrdinal ordinal: Int) { sentences.endSentence(beforeOrdinal: ordinal) }

    @inline(__always)
    mutating func finish(tokenCount: Int) { sentences.finish(tokenCount: tokenCount) }
}
