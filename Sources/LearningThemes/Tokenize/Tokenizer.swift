/// A word of a paragraph: where it is (UTF-8 byte offsets into the paragraph, so evidence
/// can quote the source exactly) and which sentence it belongs to (proximity rules stay
/// inside one sentence).
public struct Token: Sendable, Hashable {
    public var bytes: Range<Int>
    public var sentence: Int
    /// The folded form that rules are matched against (lower case, no accents or ligatures,
    /// no apostrophes or possessive 's).
    public var folded: String
}

/// Splits UTF-8 text into words and folds each one, in a single forward pass over the bytes.
///
/// Folding is what lets a rule written once match the spellings documents actually use:
/// case, curly quotes and apostrophes, the many Unicode dashes, ligatures left by PDF
/// extraction, and Latin accents. Hyphens and dashes separate words, so `multi-agency`
/// and `multi agency` are the same two words; rules add the joined form `multiagency`.
///
/// The matcher runs the same scanner with its own `FoldedWordSink`, stepping its word trie
/// as each folded byte is produced, so the text is never copied.
public struct Tokenizer: Sendable {
    public init() {}

    /// Every token of `text`, for callers that want values (tests, rule parsing).
    public func tokens(in text: String) -> [Token] {
        var result: [Token] = []
        var copy = text
        copy.withUTF8 { bytes in
            forEachToken(in: bytes) { range, sentence, folded in
                result.append(Token(bytes: range, sentence: sentence, folded: String(decoding: folded, as: UTF8.self)))
            }
        }
        return result
    }

    /// Calls `body` once per token, in order, with the token's byte range, sentence number
    /// and folded bytes (valid only during the call).
    public func forEachToken(in text: UnsafeBufferPointer<UInt8>,
                             _ body: (Range<Int>, Int, UnsafeBufferPointer<UInt8>) -> Void) {
        walkTokens(in: text, while: { range, sentence, folded in
            body(range, sentence, folded)
            return true
        })
    }

    /// As `forEachToken(in:_:)`, but stops after the first token for which `body` returns
    /// false: for callers that need only the words up to something they look for.
    func walkTokens(in text: UnsafeBufferPointer<UInt8>,
                    while body: (Range<Int>, Int, UnsafeBufferPointer<UInt8>) -> Bool) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Tokenizer.maximumFoldedLength) { buffer in
            var sink = BufferSink(buffer: buffer)
            TokenScanner.scan(text, sink: &sink) { sink, start, end, sentence, _ in
                body(start..<end, sentence, UnsafeBufferPointer(rebasing: buffer[0..<sink.count]))
            }
        }
    }

    /// Longer words are cut for matching (still quoted whole): no rule word is this long,
    /// and a bound keeps a 1 MB "word" from needing a 1 MB buffer.
    public static let maximumFoldedLength = 64
}

/// Receives each word's folded bytes as the scanner produces them.
protocol FoldedWordSink {
    /// The sink's `ByteCode` table: 256 entries that stay valid while it scans.
    var byteCodes: UnsafePointer<Int> { get }
    mutating func beginWord()
    /// Begins a word with its first two bytes, at `bytes`, if both are ASCII letters or
    /// digits, and says whether they were; otherwise leaves the sink as it was.
    mutating func beginWord(withPairAt bytes: UnsafePointer<UInt8>) -> Bool
    /// Takes the folded form of an ASCII letter or digit, as its code from `byteCodes`.
    /// Most of a text's bytes come this way, so a sink makes it one table step.
    mutating func step(_ code: Int)
    /// Takes a folded byte of a non-ASCII letter.
    mutating func append(_ byte: UInt8)
}

/// Collects a word's folded bytes into a buffer (for `Tokenizer`).
struct BufferSink: FoldedWordSink {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    /// An ASCII letter or digit's code is its folded byte.
    private nonisolated(unsafe) static let foldedCodes = ByteClass.permanent(ByteCode.table { Int($0) })

    var byteCodes: UnsafePointer<Int> { BufferSink.foldedCodes }

    mutating func beginWord() { count = 0 }

    @inline(__always)
    mutating func beginWord(withPairAt bytes: UnsafePointer<UInt8>) -> Bool {
        let first = byteCodes[Int(bytes[0])], second = byteCodes[Int(bytes[1])]
        guard ByteCode.isWord(first | second) else { return false }
        beginWord()
        step(first)
        step(second)
        return true
    }

    @inline(__always)
    mutating func step(_ code: Int) { append(UInt8(truncatingIfNeeded: code)) }

    /// Keeps the first `maximumFoldedLength` bytes of a word.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        guard count < buffer.count else { return }
        buffer[count] = byte
        count += 1
    }
}
