/// Reads one rule file. The format is line-based so an analyst can edit it in any
/// text editor:
///
///     # comment
///     theme professional-curiosity          (or: source rapid-review)
///     min-evidence 1                        (optional; default 1)
///     match pc-phrase: professional curiosity | professionally curious
///     match pc-probe weight 2: (lack|absence) of curiosity
///     match pc-near: curios* near/5 practitioner* | professional*
///     exclude pc-children: curiosity of (children|the child)
///     must-match: Practitioners lacked professional curiosity about the new partner.
///     must-not-match: Children are naturally curious.
///     spelling scepticism skepticism        (words folded as one, for all rules)
struct RuleFileParser {
    struct Result {
        var themes: [ThemeRule] = []
        var spellings: [SpellingGroup] = []
    }

    static let directives = ["theme", "source", "min-evidence", "match", "exclude", "must-match:",
                             "must-not-match:", "spelling"]

    /// `words` carries folded words from file to file (see `FoldedWordCache`).
    static func parse(_ bytes: [UInt8], file: String, words: FoldedWordCache) throws -> Result {
        var result = Result()
        var current: ThemeRule?
        for (number, line) in Lines(bytes).enumerated() {
            let location = SourceLocation(file: file, line: number + 1, column: 1)
            var reader = LineReader(line: line, location: location)
            guard let keyword = reader.word() else { continue }  // blank or comment line
            func requireTheme() throws {
                if current == nil {
                    throw reader.fail("'\(keyword)' before any 'theme' or 'source' line", at: 0)
                }
            }
            switch keyword {
            case "theme", "source":
                if let finished = current { result.themes.append(finished) }
                let id = try reader.identifier(what: "\(keyword) id")
                try reader.expectEnd()
                current = ThemeRule(id: id, label: id, group: keyword == "source" ? .source : .practice,
                                    location: location)
            // The theme is changed in place: a copy would copy its clauses at every line.
            case "min-evidence":
                try requireTheme()
                let minimum = try reader.number(what: "minimum evidence", range: 1...100)
                try reader.expectEnd()
                current!.minimumEvidence = minimum
            case "match", "exclude":
                try requireTheme()
                current!.clauses.append(try clause(keyword, &reader, line: line, location: location, words: words))
            case "must-match:", "must-not-match:":
                try requireTheme()
                let text = reader.rest()
                if text.isEmpty { throw reader.fail("expected an example sentence after '\(keyword)'") }
                current!.examples.append(RuleExample(text: text, mustMatch: keyword == "must-match:", location: location))
            case "spelling":
                var words: [String] = []
                while let word = reader.word() { words.append(word) }
                let group = try SpellingGroup(words: words, location: location)
                result.spellings.append(group)
            default:
                let hint = NearestName.suggestion(for: keyword, among: directives)
                throw reader.fail("unknown directive '\(keyword)'\(hint); expected one of \(directives.joined(separator: ", "))", at: 0)
            }
        }
        if let finished = current { result.themes.append(finished) }
        return result
    }

    private static func clause(_ keyword: String, _ reader: inout LineReader, line: ArraySlice<UInt8>,
                               location: SourceLocation, words: FoldedWordCache) throws -> RuleClause {
        let id = try reader.identifier(what: "rule id")
        var weight = 1
        if reader.peekWord() == "weight" {
            _ = reader.word()
            weight = try reader.number(what: "weight", range: 1...100)
        }
        try reader.expect(UInt8(ascii: ":"), what: "':' after the rule id")
        let pattern = try PatternParser.parse(Array(line), from: reader.offset, location: location, words: words)
        return RuleClause(id: id, effect: keyword == "match" ? .match : .exclude, weight: weight,
                          pattern: pattern, location: location)
    }
}

/// Words written as one for matching: `spelling behaviour behavior` makes a rule for
/// either spelling match both.
public struct SpellingGroup: Sendable, Hashable {
    public var words: [String]

    init(words: [String], location: SourceLocation) throws {
        let folded = words.map { word in Tokenizer().tokens(in: word).map(\.folded).joined() }
        guard folded.count >= 2, !folded.contains(where: \.isEmpty) else {
            throw LearningThemesError(.rules, "'spelling' needs at least two words", at: location)
        }
        self.words = folded
    }
}

/// The lines of a file as byte slices, accepting \n and \r\n.
struct Lines: Sequence {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func makeIterator() -> AnyIterator<ArraySlice<UInt8>> {
        var start = 0
        return AnyIterator {
            guard start < bytes.count else { return nil }
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var line = bytes[start..<end]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            start = end + 1
            return line
        }
    }
}
