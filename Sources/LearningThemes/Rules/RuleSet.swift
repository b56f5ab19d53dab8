import Foundation

/// All themes and sources of a rules folder, checked against the taxonomy.
public struct RuleSet: Sendable {
    public var taxonomy: Taxonomy
    /// In taxonomy order, themes first then sources (the order outputs use).
    public var rules: [ThemeRule]
    public var spellings: [SpellingGroup]
    /// The folder the rules came from, for messages.
    public var directory: String?

    public var themes: [ThemeRule] { rules.filter { !$0.isSource } }
    public var sources: [ThemeRule] { rules.filter(\.isSource) }

    public func rule(_ id: String) -> ThemeRule? { rules.first { $0.id == id } }

    /// Reads `taxonomy.txt` and every `*.rules` file below `directory` (in path order, so
    /// results never depend on the file system's listing order).
    public static func load(directory: String) throws -> RuleSet {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LearningThemesError(.rules, "rules folder not found", at: SourceLocation(file: directory))
        }
        let taxonomyPath = (directory as NSString).appendingPathComponent("taxonomy.txt")
        let taxonomy = try Taxonomy.parse(try readRuleFile(taxonomyPath), file: taxonomyPath)
        var files: [(String, [UInt8])] = []
        if let walker = manager.enumerator(atPath: directory) {
            for case let relative as String in walker where relative.hasSuffix(".rules") {
                let path = (directory as NSString).appendingPathComponent(relative)
                files.append((path, try readRuleFile(path)))
            }
        }
        files.sort { $0.0 < $1.0 }
        var set = try build(taxonomy: taxonomy, files: files)
        set.directory = directory
        return set
    }

    /// Builds a rule set from in-memory files (tests, `rules test` on an edited file).
    public static func build(taxonomy: Taxonomy, files: [(name: String, bytes: [UInt8])]) throws -> RuleSet {
        var byID: [String: ThemeRule] = [:]
        var clauseOwners: [String: SourceLocation] = [:]
        var spellings: [SpellingGroup] = []
        let words = FoldedWordCache()
        for file in files {
            let parsed = try RuleFileParser.parse(file.bytes, file: file.name, words: words)
            spellings += parsed.spellings
            for var rule in parsed.themes {
                guard let entry = taxonomy.entry(rule.id) else {
                    let hint = NearestName.suggestion(for: rule.id, among: taxonomy.entries.map(\.id))
                    throw LearningThemesError(.rules, "unknown theme id '\(rule.id)'\(hint): ids come from taxonomy.txt", at: rule.location)
                }
                if (entry.group == .source) != rule.isSource {
                    let keyword = entry.group == .source ? "source" : "theme"
                    throw LearningThemesError(.rules, "'\(rule.id)' is a \(entry.group == .source ? "learning source" : "theme"): write '\(keyword) \(rule.id)'", at: rule.location)
                }
                if let first = byID[rule.id] {
                    throw LearningThemesError(.rules, "duplicate theme id '\(rule.id)' (first defined at \(first.location))", at: rule.location)
                }
                for clause in rule.clauses {
                    if let first = clauseOwners[clause.id] {
                        throw LearningThemesError(.rules, "duplicate rule id '\(clause.id)' (first at \(first))", at: clause.location)
                    }
                    clauseOwners[clause.id] = clause.location
                }
                rule.group = entry.group
                rule.label = entry.label
                byID[rule.id] = rule
            }
        }
        let ordered = taxonomy.entries.filter { $0.group != .source }.compactMap { byID[$0.id] }
            + taxonomy.entries.filter { $0.group == .source }.compactMap { byID[$0.id] }
        return RuleSet(taxonomy: taxonomy, rules: ordered, spellings: spellings, directory: nil)
    }

    private static func readRuleFile(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LearningThemesError(.rules, "cannot read rule file", at: SourceLocation(file: path))
        }
        return [UInt8](data)
    }
}
