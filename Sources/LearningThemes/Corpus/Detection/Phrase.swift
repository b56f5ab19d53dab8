extension MetadataDetector {
    /// A fixed phrase of the detector's tables (a place name, a kind of document, a label)
    /// and how to find it at a position in text, ignoring ASCII case.
    ///
    /// Spellings are written as the phrase reads, with these conventions:
    /// - a space stands for any space between words (`ScanText.gapEnd`), so a phrase
    ///   wrapped onto the next line is still found;
    /// - a hyphen matches a hyphen or such a space ("Stoke-on-Trent", "Stoke on Trent");
    /// - the word "and" matches "&"; the word "St" may be followed by a full stop;
    /// - a character followed by "?" may be missing ("reviews?");
    /// - "['s]" is an optional possessive: 's, ’s or a bare s ("children['s]").
    ///
    /// Every optional part is followed by a space or by the end of the phrase, where no
    /// letter can follow, so taking it whenever it is there is the only reading that can
    /// succeed: matching needs no backtracking and is linear in the phrase's length.
    struct Phrase: Sendable {
        enum Piece: Sendable, Equatable {
            /// A lower-case letter (matched in either case) or a punctuation byte.
            case literal(UInt8)
            case optional(UInt8)
            case possessive
            case space
            case hyphen
            case and
        }

        let spelling: String
        let pieces: [Piece]
        /// `pieces` as `end` reads them: runs of literals packed up to eight to a step, so
        /// that a word of a phrase is compared a machine word at a time. Every table's
        /// phrases are tried at many positions of every document.
        private let steps: [Step]

        private enum Step: Sendable {
            /// Up to eight literals, the first in the lowest byte: `bytes` as the phrase
            /// writes them (lower case), `fold` 0x20 in the bytes of letters, so that the
            /// text's capital matches too (only "A" and "a" give "a" with that bit set).
            case literals(bytes: UInt64, fold: UInt64, count: Int)
            case optional(UInt8)
            case possessive
            case space
            case hyphen
            case and
        }

        /// Read from the spelling's bytes: every table is built from hundreds of these, and
        /// walking them as `Character`s cost more than a document's whole detection.
        init(_ spelling: String) {
            self.spelling = spelling
            var pieces: [Piece] = []
            let words = Array(spelling.utf8).split(separator: 0x20)
            for (index, word) in words.enumerated() {
                if index > 0 { pieces.append(.space) }
                if word.elementsEqual(Self.andWord) { pieces.append(.and); continue }
                var rest = word[...]
                while let byte = rest.first {
                    if rest.starts(with: Self.possessiveSpelling) {
                        pieces.append(.possessive)
                        rest = rest.dropFirst(Self.possessiveSpelling.count)
                        continue
                    }
                    rest = rest.dropFirst()
                    switch byte {
                    case UInt8(ascii: "-"): pieces.append(.hyphen)
                    case UInt8(ascii: "?"):
                        guard case .literal(let letter)? = pieces.last else { preconditionFailure("\"?\" after no letter in \(spelling)") }
                        pieces[pieces.count - 1] = .optional(letter)
                    default:
                        guard byte < 0x80 else { preconditionFailure("non-ASCII phrase \(spelling)") }
                        pieces.append(.literal(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte))
                    }
                }
                if word.elementsEqual(Self.saint) { pieces.append(.optional(UInt8(ascii: "."))) }
            }
            self.pieces = pieces
            steps = Self.steps(of: pieces)
        }

        private static func steps(of pieces: [Piece]) -> [Step] {
            var steps: [Step] = []
            var bytes: UInt64 = 0, fold: UInt64 = 0, count = 0
            func flush() {
                if count > 0 { steps.append(.literals(bytes: bytes, fold: fold, count: count)) }
                (bytes, fold, count) = (0, 0, 0)
            }
            for piece in pieces {
                if case .literal(let byte) = piece {
                    if count == 8 { flush() }
                    bytes |= UInt64(byte) << (8 * UInt64(count))
                    if ScalarClass.isASCIILetter(byte) { fold |= 0x20 << (8 * UInt64(count)) }
                    count += 1
                    continue
                }
                flush()
                switch piece {
                case .literal: break
                case .optional(let byte): steps.append(.optional(byte))
                case .possessive: steps.append(.possessive)
                case .space: steps.append(.space)
                case .hyphen: steps.append(.hyphen)
                case .and: steps.append(.and)
                }
            }
            flush()
            return steps
        }

        private static let possessiveSpelling = Array("['s]".utf8), saint = Array("St".utf8)

        /// Where the phrase ends when it is written at `offset`, or nil.
        func end(at offset: Int, in text: ScanText) -> Int? {
            var position = offset
            for step in steps {
                switch step {
                case .literals(let bytes, let fold, let count):
                    guard position + count <= text.end, Self.literals(bytes, fold: fold, count: count, at: position, in: text) else { return nil }
                    position += count
                case .optional(let byte):
                    if text.folded(position) == byte { position += 1 }
                case .possessive:
                    position = Self.possessiveEnd(at: position, in: text)
                case .space:
                    guard let next = text.gapEnd(from: position) else { return nil }
                    position = next
                case .hyphen:
                    if text.byte(position) == UInt8(ascii: "-") {
                        position += 1
                    } else {
                        guard let next = text.gapEnd(from: position) else { return nil }
                        position = next
                    }
                case .and:
                    guard let next = Self.andEnd(at: position, in: text) else { return nil }
                    position = next
                }
            }
            return position
        }

        /// Whether the `count` literals of a step are written at `position`, which has
        /// that many bytes of the text from it.
        @inline(__always)
        private static func literals(_ literals: UInt64, fold: UInt64, count: Int, at position: Int, in text: ScanText) -> Bool {
            text.bytes.withUnsafeBytes { raw in
                // Eight bytes are read when the array holds them: those past the step's
                // literals (maybe past the text) are masked out.
                if position + 8 <= raw.count {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                    let kept: UInt64 = count == 8 ? ~0 : (1 << (8 * UInt64(count))) - 1
                    return ((word | fold) ^ literals) & kept == 0
                }
                var word: UInt64 = 0
                for index in 0..<count { word |= UInt64(raw[position + index]) << (8 * UInt64(index)) }
                return ((word | fold) ^ literals) == 0
            }
        }

        /// After "and" or "&" at `offset`.
        static func andEnd(at offset: Int, in text: ScanText) -> Int? {
            if let end = text.wordEnd(andWord, at: offset) { return end }
            return text.byte(offset) == UInt8(ascii: "&") ? offset + 1 : nil
        }

        private static let andWord = Array("and".utf8)
        private static let s = UInt8(ascii: "s")

        private static func possessiveEnd(at offset: Int, in text: ScanText) -> Int {
            if text.byte(offset) == UInt8(ascii: "'"), text.folded(offset + 1) == s { return offset + 2 }
            // ’ is E2 80 99 in UTF-8.
            if text.byte(offset) == 0xE2, text.byte(offset + 1) == 0x80, text.byte(offset + 2) == 0x99,
               text.folded(offset + 3) == s { return offset + 4 }
            return text.folded(offset) == s ? offset + 1 : offset
        }

        /// The words a phrase can start with, in lower case: its first word, and that word
        /// with the optional letter of "audits?" or "children['s]" when one follows it.
        /// (Digits start no word: "7-minute briefing" starts with the empty word.)
        var firstWords: [[UInt8]] {
            var word: [UInt8] = []
            for piece in pieces {
                switch piece {
                case .literal(let byte) where ScalarClass.isASCIILetter(byte): word.append(byte)
                case .optional(let byte) where ScalarClass.isASCIILetter(byte): return [word, word + [byte]]
                case .possessive: return [word, word + [Self.s]]
                default: return [word]
                }
            }
            return [word]
        }
    }
}
