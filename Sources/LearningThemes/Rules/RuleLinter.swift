/// `rules check`: problems in a rule set that loading accepts but that are almost
/// certainly mistakes.
public enum RuleLinter {
    public struct Finding: Sendable, CustomStringConvertible {
        public var location: SourceLocation
        public var message: String
        public var description: String { "\(location): \(message)" }
    }

    public static func check(_ ruleSet: RuleSet) -> [Finding] {
        var findings: [Finding] = []
        let defined = Set(ruleSet.rules.map(\.id))
        for entry in ruleSet.taxonomy.entries where !defined.contains(entry.id) {
            findings.append(Finding(location: SourceLocation(file: ruleSet.directory.map { $0 + "/taxonomy.txt" } ?? "taxonomy.txt"),
                                    message: "\(entry.id) has no rule file, so it can never be tagged"))
        }
        for rule in ruleSet.rules {
            findings += checkExamples(rule) + checkClauses(rule)
        }
        return findings
    }

    private static func checkExamples(_ rule: ThemeRule) -> [Finding] {
        var findings: [Finding] = []
        if !rule.examples.contains(where: \.mustMatch) {
            findings.append(Finding(location: rule.location, message: "\(rule.id) has no must-match example"))
        }
        if !rule.examples.contains(where: { !$0.mustMatch }) {
            findings.append(Finding(location: rule.location, message: "\(rule.id) has no must-not-match example"))
        }
        return findings
    }

    private static func checkClauses(_ rule: ThemeRule) -> [Finding] {
        var findings: [Finding] = []
        let matches = rule.clauses.filter { $0.effect == .match }
        let exclusions = rule.clauses.filter { $0.effect == .exclude }
        if matches.isEmpty {
            findings.append(Finding(location: rule.location, message: "\(rule.id) has no match clause, so it can never be tagged"))
        }
        var seenPatterns: [RulePattern: String] = [:]
        for clause in rule.clauses {
            if let first = seenPatterns[clause.pattern] {
                findings.append(Finding(location: clause.location, message: "\(clause.id) has the same pattern as \(first)"))
            }
            seenPatterns[clause.pattern] = seenPatterns[clause.pattern] ?? clause.id
            for phrase in clause.pattern.phrases + (clause.pattern.near?.phrases ?? []) {
                if let long = phrase.first(where: { $0.folded.utf8.count > Tokenizer.maximumFoldedLength }) {
                    findings.append(Finding(location: clause.location, message: "\(clause.id): '\(long)' is longer than any word the tokenizer keeps, so it can never match"))
                }
            }
        }
        for clause in matches where clause.pattern.near == nil {
            for exclusion in exclusions where exclusion.pattern.near == nil {
                let cancelled = clause.pattern.phrases.filter { phrase in
                    exclusion.pattern.phrases.contains { covers($0, phrase) }
                }
                if cancelled.count == clause.pattern.phrases.count {
                    findings.append(Finding(location: exclusion.location, message: "exclusion \(exclusion.id) cancels every phrase of \(clause.id), so \(clause.id) can never fire"))
                } else if let phrase = cancelled.first {
                    findings.append(Finding(location: exclusion.location, message: "exclusion \(exclusion.id) cancels the phrase '\(phrase.map(\.description).joined(separator: " "))' of \(clause.id) wherever it occurs"))
                }
            }
        }
        return findings
    }

    /// Whether every occurrence of `phrase` contains an occurrence of `exclusion`: the
    /// exclusion's terms match a contiguous run of the phrase's terms.
    static func covers(_ exclusion: [RuleTerm], _ phrase: [RuleTerm]) -> Bool {
        guard !exclusion.isEmpty, exclusion.count <= phrase.count else { return false }
        for start in 0...(phrase.count - exclusion.count) {
            let matches = zip(exclusion, phrase[start...]).allSatisfy { exclusionTerm, phraseTerm in
                if exclusionTerm.isPrefix {
                    return phraseTerm.folded.hasPrefix(exclusionTerm.folded)
                }
                return !phraseTerm.isPrefix && phraseTerm.folded == exclusionTerm.folded
            }
            if matches { return true }
        }
        return false
    }
}
