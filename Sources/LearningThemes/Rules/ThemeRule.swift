/// Which table of the taxonomy an id belongs to.
public enum ThemeGroup: String, Sendable, Hashable, CaseIterable {
    /// How professionals and agencies worked.
    case practice
    /// What children experienced.
    case harm
    /// Where the learning came from (rapid review, audit...).
    case source
}

/// Everything that decides one theme (or learning source): the `match` and `exclude`
/// clauses of its rule file, how much evidence a paragraph needs, and the example
/// sentences that must and must not be tagged.
public struct ThemeRule: Sendable {
    public var id: String
    public var label: String
    public var group: ThemeGroup
    /// Sum of clause weights a paragraph needs (overlapping hits count once).
    public var minimumEvidence: Int
    public var clauses: [RuleClause]
    public var examples: [RuleExample]
    /// Where the rule's `theme`/`source` line is.
    public var location: SourceLocation

    public var isSource: Bool { group == .source }

    public init(id: String, label: String, group: ThemeGroup, minimumEvidence: Int = 1,
                clauses: [RuleClause] = [], examples: [RuleExample] = [], location: SourceLocation) {
        self.id = id
        self.label = label
        self.group = group
        self.minimumEvidence = minimumEvidence
        self.clauses = clauses
        self.examples = examples
        self.location = location
    }
}

/// One `match` or `exclude` line. Its id is what evidence names.
public struct RuleClause: Sendable {
    public enum Effect: String, Sendable { case match, exclude }

    public var id: String
    public var effect: Effect
    public var weight: Int
    public var pattern: RulePattern
    public var location: SourceLocation

    public init(id: String, effect: Effect, weight: Int = 1, pattern: RulePattern, location: SourceLocation) {
        self.id = id
        self.effect = effect
        self.weight = weight
        self.pattern = pattern
        self.location = location
    }
}

/// A clause's pattern after parsing: a set of alternative word sequences, optionally
/// required to occur within `distance` words of a second set in the same sentence.
public struct RulePattern: Sendable, Hashable {
    public var phrases: [[RuleTerm]]
    public var near: Proximity?

    public struct Proximity: Sendable, Hashable {
        public var phrases: [[RuleTerm]]
        /// Most words allowed between the two parts.
        public var distance: Int
    }

    public init(phrases: [[RuleTerm]], near: Proximity? = nil) {
        self.phrases = phrases
        self.near = near
    }
}

/// One word of a phrase, already folded the way the tokenizer folds text.
public struct RuleTerm: Sendable, Hashable, CustomStringConvertible {
    public var folded: String
    /// `curios*`: any word beginning with `folded`.
    public var isPrefix: Bool

    public init(_ folded: String, isPrefix: Bool = false) {
        self.folded = folded
        self.isPrefix = isPrefix
    }

    public var description: String { isPrefix ? folded + "*" : folded }
}

/// A sentence that must (or must not) be tagged with its theme; `rules test` runs them.
public struct RuleExample: Sendable {
    public var text: String
    public var mustMatch: Bool
    public var location: SourceLocation

    public init(text: String, mustMatch: Bool, location: SourceLocation) {
        self.text = text
        self.mustMatch = mustMatch
        self.location = location
    }
}
