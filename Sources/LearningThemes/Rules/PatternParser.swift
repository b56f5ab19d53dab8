/// Parses a clause's expression into a `RulePattern`.
///
///     pattern      := alternatives [ "near/N" alternatives ]
///     alternatives := sequence { "|" sequence }
///     sequence     := unit { unit }
///     unit         := word | word* | "quoted words" | "(" alternatives ")" [ "?" ]
///
/// Every word goes through the same `Tokenizer` as document text, so a rule and a
/// document fold alike. A hyphenated word also matches its joined form:
/// `multi-agency` matches "multi-agency", "multi agency" and "multiagency".
struct PatternParser {
    static let maximumPhrases = 4096
    static let maximumPhraseLength = 16
    static let maximumNesting = 16
    static let minimumPrefixLength = 3

    private var symbols: [PatternLexer.Located]
    private var position = 0
    /// Whether a '|' outside parentheses was read since the last reset.
    private var topLevelBar = false
    private let location: SourceLocation
    private let words: FoldedWordCache

    /// `words` keeps the terms of the words already folded, for every clause of a rules folder.
    static func parse(_ line: [UInt8], from offset: Int, location: SourceLocation,
                      words: FoldedWordCache) throws -> RulePattern {
        var parser = PatternParser(
            symbols: try PatternLexer.symbols(in: line, from: offset, location: location), location: location,
            words: words)
        return try parser.parsePattern()
    }

    private init(symbols: [PatternLexer.Located], location: SourceLocation, words: FoldedWordCache) {
        self.symbols = symbols
        self.location = location
        self.words = words
    }

    private var current: PatternLexer.Located { symbols[position] }

    private func fail(_ message: String, at column: Int? = nil) -> LearningThemesError {
        var where_ = location
        where_.column = column ?? current.column
        return LearningThemesError(.rules, message, at: where_)
    }

    private mutating func parsePattern() throws -> RulePattern {
        if current.symbol == .end { throw fail("empty pattern: expected at least one word after ':'") }
        let firstColumn = current.column
        let first = try parseAlternatives(depth: 0)
        let firstHasBar = topLevelBar
        var pattern = RulePattern(phrases: first)
        if case .near(let distance) = current.symbol {
            position += 1
            if current.symbol == .end { throw fail("expected words after near/\(distance)") }
            topLevelBar = false
            let secondColumn = current.column
            let second = try parseAlternatives(depth: 0)
            // `a | b near/3 c` reads two ways; make the writer say which with parentheses.
            if firstHasBar || topLevelBar {
                throw fail("put alternatives next to near/N in parentheses: (a | b) near/N (c | d)",
                           at: firstHasBar ? firstColumn : secondColumn)
            }
            pattern.near = RulePattern.Proximity(phrases: second, distance: distance)
        }
        switch current.symbol {
        case .end: return pattern
        case .near: throw fail("only one near/N is allowed in a clause; split it into two clauses")
        case .close: throw fail("unbalanced ')': no '(' is open")
        default: throw fail("unexpected \(describe(current.symbol))")
        }
    }

    private mutating func parseAlternatives(depth: Int) throws -> [[RuleTerm]] {
        guard depth <= PatternParser.maximumNesting else {
            throw fail("parentheses nested more than \(PatternParser.maximumNesting) deep")
        }
        var phrases = try parseSequence(depth: depth)
        while current.symbol == .bar {
            if depth == 0 { topLevelBar = true }
            position += 1
            let more = try parseSequence(depth: depth)
            if phrases.count + more.count > PatternParser.maximumPhrases {
                throw fail("pattern expands to more than \(PatternParser.maximumPhrases) phrases; split it into several clauses")
            }
            phrases += more
        }
        return phrases
    }

    private mutating func parseSequence(depth: Int) throws -> [[RuleTerm]] {
        // The units are multiplied out once, at the end: expanding after every unit would
        // rebuild each growing phrase once per unit that follows it.
        var units = PhraseProduct()
        while true {
            let start = current.column
            var unit: [[RuleTerm]]
            switch current.symbol {
            case .word(let text, let isPrefix):
                position += 1
                unit = try wordAlternatives(text, isPrefix: isPrefix, column: start)
            case .quoted(let text):
                position += 1
                unit = try quotedPhrase(text, column: start)
            case .open:
                position += 1
                unit = try parseAlternatives(depth: depth + 1)
                guard current.symbol == .close else { throw fail("expected ')' to close the '(' at column \(start)") }
                position += 1
                if current.symbol == .optional {
                    // `(new)?`: the group may be left out.
                    position += 1
                    if !unit.contains([]) { unit.append([]) }
                }
            default:
                if units.isEmpty { throw fail("expected a word, a \"quoted phrase\" or '(' but found \(describe(current.symbol))") }
                return units.phrases()
            }
            // Check the size before multiplying out: (a|b|c)(d|e|f)... grows geometrically.
            if units.count * unit.count > PatternParser.maximumPhrases {
                throw fail("pattern expands to more than \(PatternParser.maximumPhrases) phrases; split it into several clauses", at: start)
            }
            units.append(unit)
            if units.longest > PatternParser.maximumPhraseLength {
                let long = units.phrases().first { $0.count > PatternParser.maximumPhraseLength }!
                throw fail("phrase of \(long.count) words is longer than the limit of \(PatternParser.maximumPhraseLength)")
            }
            if units.canBeEmpty && !PatternParser.canStillGrow(symbols, from: position) {
                throw fail("every word of this phrase is optional: it could match nothing", at: start)
            }
        }
    }

    /// Whether the sequence being parsed continues after `position` (so an optional
    /// group can still be followed by a required word).
    private static func canStillGrow(_ symbols: [PatternLexer.Located], from position: Int) -> Bool {
        switch symbols[position].symbol {
        case .word, .quoted, .open: return true
        default: return false
        }
    }

    private func quotedPhrase(_ text: String, column: Int) throws -> [[RuleTerm]] {
        var words = PhraseProduct()
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let isPrefix = word.hasSuffix("*")
            let unit = try wordAlternatives(String(isPrefix ? word.dropLast() : word), isPrefix: isPrefix, column: column)
            if words.count * unit.count > PatternParser.maximumPhrases || words.firstLength >= PatternParser.maximumPhraseLength {
                throw fail("quoted phrase is too long or expands to too many phrases", at: column)
            }
            words.append(unit)
        }
        if words.isEmpty { throw fail("empty quoted phrase", at: column) }
        return words.phrases()
    }

    /// One written word as term sequences: usually one term, but `multi-agency` gives
    /// both [multi, agency] and [multiagency].
    private func wordAlternatives(_ text: String, isPrefix: Bool, column: Int) throws -> [[RuleTerm]] {
        let key = FoldedWordCache.Key(text: text, isPrefix: isPrefix)
        if let known = words.terms[key] { return known }
        let parts = words.tokenizer.tokens(in: text).map(\.folded)
        if parts.isEmpty && isPrefix {
            throw fail("wildcard '\(text)*' would match every word: give at least \(PatternParser.minimumPrefixLength) letters before *", at: column)
        }
        guard !parts.isEmpty else {
            throw fail("'\(text)' has no letters or digits to match (empty pattern)", at: column)
        }
        if isPrefix, let last = parts.last, last.utf8.count < PatternParser.minimumPrefixLength {
            throw fail("wildcard '\(text)*' would match almost every word: give at least \(PatternParser.minimumPrefixLength) letters before *", at: column)
        }
        func terms(_ words: [String]) -> [RuleTerm] {
            words.enumerated().map { index, word in RuleTerm(word, isPrefix: isPrefix && index == words.count - 1) }
        }
        let alternatives = parts.count == 1 ? [terms(parts)] : [terms(parts), terms([parts.joined()])]
        words.terms[key] = alternatives
        return alternatives
    }

    private func describe(_ symbol: PatternLexer.Symbol) -> String {
        switch symbol {
        case .word(let text, let isPrefix): "'\(text)\(isPrefix ? "*" : "")'"
        case .quoted(let text): "\"\(text)\""
        case .open: "'('"
        case .close: "')'"
        case .bar: "'|'"
        case .optional: "'?'"
        case .near(let distance): "'near/\(distance)'"
        case .end: "the end of the line"
        }
    }
}
