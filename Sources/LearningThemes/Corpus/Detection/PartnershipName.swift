import Foundation

extension MetadataDetector {
    /// Reading a safeguarding partnership's full name: the place(s) it serves plus the
    /// kind of body, e.g. "Camden" + "Safeguarding Children Partnership".
    ///
    /// A name with no place ("the Local Safeguarding Children Partnership") is completed
    /// from a place that follows it ("... for / across / covering Kensington and Chelsea
    /// and Westminster") and is then written place-first, the way most partnerships are
    /// named: "Kensington and Chelsea and Westminster Local Safeguarding Children
    /// Partnership". A name whose place cannot be found is not reported at all, because
    /// a bare "Local Safeguarding Children Partnership" would merge every such partnership
    /// in a comparison.
    enum PartnershipName {
        /// How the body part of a name is written, most specific first. Children's bodies
        /// come before the generic "Safeguarding Partnership" so that a joint report of the
        /// "Camden Safeguarding Partnerships" is credited to the children's partnership.
        private static let bodies: [(pattern: String, canonical: String, isChildrens: Bool)] = [
            ("local safeguarding children partnership", "Local Safeguarding Children Partnership", true),
            ("safeguarding children partnership", "Safeguarding Children Partnership", true),
            ("children safeguarding partnership", "Children's Safeguarding Partnership", true),
            ("local safeguarding children board", "Local Safeguarding Children Board", true),
            ("safeguarding children board", "Safeguarding Children Board", true),
            ("safeguarding partnerships", "Safeguarding Partnership", false),
        ]

        /// Words that put the place after the body: "Partnership for Westminster".
        private static let placeAfterWords = "for|across|covering|serving"

        private static let pattern: TextPattern = {
            let gap = PatternPiece.gap
            let alternatives = bodies.enumerated().map { index, body in
                let words = PatternPiece.phrase(body.pattern)
                    .replacingOccurrences(of: "children", with: "children(?:['’]?s)?")
                    .replacingOccurrences(of: "partnerships", with: "partnerships?")
                return "(?<body\(index)>\(words))"
            }
            return TextPattern(
                "(?:(?<before>\(PlaceNames.chainPattern))(?:['’]s)?\(gap))?"
                + "(?<![\\w])(?:\(alternatives.joined(separator: "|")))(?![\\w])"
                + "(?:\(gap)(?:\(placeAfterWords))\(gap)(?:the\(gap))?(?<after>\(PlaceNames.chainPattern)))?")
        }()

        struct Mention {
            let fullName: String
            let places: [PlaceMention]
            let isChildrens: Bool
            let line: Int
            let evidence: String
        }

        static func mentions(in window: TextWindow) -> [Mention] {
            pattern.matches(in: window.text).compactMap { match in
                guard let body = bodies.indices.first(where: { match.groupRange("body\($0)") != nil }) else { return nil }
                let places = PlaceNames.mentions(in: [match.group("before"), match.group("after")]
                    .compactMap { $0 }.joined(separator: " and "))
                guard !places.isEmpty else { return nil }
                return Mention(
                    fullName: listed(places.map(\.placeName)) + " " + bodies[body].canonical,
                    places: places, isChildrens: bodies[body].isChildrens,
                    line: window.lineNumber(at: match.range.location),
                    evidence: window.evidence(for: match.range))
            }
        }

        /// "A", "A and B", "A, B and C".
        static func listed(_ names: [String]) -> String {
            guard names.count > 1 else { return names.first ?? "" }
            return names.dropLast().joined(separator: ", ") + " and " + names.last!
        }

        /// The partnership a document is about: a children's body before a generic one, a
        /// name in the title before one only in the text, then the name mentioned most,
        /// then the earliest (and the name itself, so that the answer never depends on
        /// dictionary order).
        static func best(title: [Mention], opening: [Mention]) -> Mention? {
            let titleNames = Set(title.map(\.fullName))
            let all = title + opening
            let counts = Dictionary(all.map { ($0.fullName, 1) }, uniquingKeysWith: +)
            var firsts: [String: Mention] = [:]
            for mention in all where firsts[mention.fullName] == nil { firsts[mention.fullName] = mention }
            let rank = { (m: Mention) in
                (m.isChildrens ? 0 : 1, titleNames.contains(m.fullName) ? 0 : 1, -counts[m.fullName]!, m.line, m.fullName)
            }
            return firsts.values.min { rank($0) < rank($1) }
        }
    }
}
