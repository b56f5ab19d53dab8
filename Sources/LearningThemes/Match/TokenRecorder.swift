/// What the matcher's scan keeps of each token as it steps the phrase automaton, by the
/// token's ordinal among all the paragraph's words. Counting tags needs only each token's
/// sentence (for `near/N`); evidence also needs its bytes. The automaton's state is not
/// kept per token at all (see `PhraseTrace`).
protocol TokenRecorder {
    /// A recorder for a text of at most `tokenLimit` tokens, keeping what it records in
    /// `buffers`.
    init(buffers: MatchBuffers, tokenLimit: Int)
    /// The token `ordinal`, of class `tokenClass`, spans bytes `start..<end` in sentence
    /// `sentence`.
    mutating func record(start: Int, end: Int, sentence: Int, ordinal: Int, tokenClass: Int32)
}

/// Where a token's bytes are, for evidence.
struct TokenSpan: Sendable, BitwiseCopyable {
    var start: Int32
    var end: Int32
}

/// Keeps each token's sentence in `MatchBuffers.sentences`: what counting tags needs.
struct SentenceRecorder: TokenRecorder {
    private let sentences: UnsafeMutablePointer<Int32>

    /// Makes room for `tokenLimit` tokens, so that recording needs no capacity check.
    @inline(__always)
    init(buffers: MatchBuffers, tokenLimit: Int) {
        buffers.sentences.reset()
        buffers.sentences.resize(to: tokenLimit)
        sentences = buffers.sentences.base
    }

    @inline(__always)
    func record(start: Int, end: Int, sentence: Int, ordinal: Int, tokenClass: Int32) {
        sentences[ordinal] = Int32(truncatingIfNeeded: sentence)
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
    func record(start: Int, end: Int, sentence: Int, ordinal: Int, tokenClass: Int32) {
        sentences.record(start: start, end: end, sentence: sentence, ordinal: ordinal, tokenClass: tokenClass)
        spans[ordinal] = TokenSpan(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end))
    }
}
