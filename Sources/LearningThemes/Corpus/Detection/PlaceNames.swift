import Foundation

extension MetadataDetector {
    /// A local-authority place name found in text, as the table spells it.
    struct PlaceMention: Hashable {
        let authority: LocalAuthority
        let placeName: String
    }

    /// Finding the place names of `LocalAuthority.all` in text.
    enum PlaceNames {
        /// One place name, as a pattern. Longest names come first so that at any position
        /// "North East Lincolnshire" wins over "Lincolnshire" and "Kensington and Chelsea"
        /// is read whole rather than as "Kensington" and "Chelsea".
        static let placePattern: String = {
            let names = byKey.values.map(\.placeName).sorted { $0.count > $1.count }
            return "(?<![\\w’'])(?:" + names.map(PatternPiece.phrase).joined(separator: "|") + ")(?![\\w])"
        }()

        /// Several places in a row, as a joint partnership names its areas:
        /// "Kensington and Chelsea, and Westminster", "Cambridgeshire & Peterborough".
        static let chainPattern: String = {
            let separator = "(?:\\s*,)?\(PatternPiece.gap)(?:and|&)\(PatternPiece.gap)|\\s*,\(PatternPiece.gap)"
            return "\(placePattern)(?:(?:\(separator))\(placePattern))*"
        }()

        private static let place = TextPattern(placePattern)

        /// Each place named in `text`, in order. A name must start with a capital, so that
        /// "further reading" or "bury" in prose is not read as Reading or Bury.
        static func mentions(in text: String) -> [PlaceMention] {
            var found: [PlaceMention] = []
            for match in place.matches(in: text) where match.matched.first?.isUppercase == true {
                guard let mention = byKey[TextCleaning.lookupKey(match.matched)],
                      !found.contains(where: { $0.authority == mention.authority }) else { continue }
                found.append(mention)
            }
            return found
        }

        private static let byKey: [String: PlaceMention] = {
            var table: [String: PlaceMention] = [:]
            for authority in LocalAuthority.all {
                for name in authority.placeNames {
                    table[TextCleaning.lookupKey(name)] = PlaceMention(authority: authority, placeName: name)
                }
            }
            return table
        }()
    }
}
