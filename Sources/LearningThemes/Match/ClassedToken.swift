/// A token that matches some rule word: its bytes, sentence, position among all tokens
/// (proximity counts every word, not only these), and token class.
struct ClassedToken: Sendable, BitwiseCopyable {
    var start: Int32
    var end: Int32
    var sentence: Int32
    var index: Int32
    var tokenClass: Int32
}

extension WordTrie {
    /// Tokenizes `bytes`, appending the tokens that match some rule word to `tokens`, and
    /// returns how many tokens there were in all.
    func collectClassedTokens(in bytes: UnsafeBufferPointer<UInt8>, into tokens: inout ScratchBuffer<ClassedToken>) -> Int {
        // Words are separated by at least one byte, so a text has at most half its bytes
        // (rounded up) as words: with room for that many, the loop stores each token with
        // no capacity check.
        tokens.reserve(bytes.count / 2 + 1)
        let first = tokens.base + tokens.count
        var next = first
        var walker = TrieWalker(trie: self)
        let count = TokenScanner.scan(bytes, sink: &walker) { walker, start, end, sentence, ordinal in
            let tokenClass = walker.tokenClass
            if tokenClass != WordTrie.noClass {
                next.initialize(to: ClassedToken(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end),
                                                 sentence: Int32(truncatingIfNeeded: sentence),
                                                 index: Int32(truncatingIfNeeded: ordinal),
                                                 tokenClass: tokenClass))
                next += 1
            }
            return true
        }
        tokens.resize(to: tokens.count + (next - first))
        return count
    }
}
