extension MetadataDetector {
    /// A local-authority place name found in text, as the table spells it.
    struct PlaceMention: Hashable {
        let authority: LocalAuthority
        let placeName: String
    }

    /// Finding the place names of `LocalAuthority.all` in text.
    enum PlaceNames {
        /// Every place name as a phrase, longest first, so that at any position "North East
        /// Lincolnshire" wins over "Lincolnshire" and "Kensington and Chelsea" is read whole
        /// rather than as "Kensington" and "Chelsea".
        private static let names: [PlaceMention] = {
            var byKey: [String: PlaceMention] = [:]
            for authority in LocalAuthority.all {
                for name in authority.placeNames {
                    byKey[TextCleaning.lookupKey(name)] = PlaceMention(authority: authority, placeName: name)
                }
            }
            // Lengths counted once, not at every comparison of the sort.
            return byKey.values.map { ($0, $0.placeName.count) }
                .sorted { ($0.1, $1.0.placeName) > ($1.1, $0.0.placeName) }
                .map(\.0)
        }()
        private static let index = PhraseIndex(names.map { Phrase($0.placeName) })
        static var phrases: [Phrase] { index.phrases }

        /// Whether some place name starts with the word whose key is `word`.
        static func mayStart(withWord word: UInt64) -> Bool { index.mayStart(withWord: word) }

        /// The place named at `offset` and where its name ends. A name starts a word (not
        /// after a letter or an apostrophe: "Derby's" is Derby, "'Bury" is not) and ends one.
        static func place(at offset: Int, in text: ScanText) -> (mention: PlaceMention, end: Int)? {
            if let previous = text.scalar(before: offset),
               ScalarClass.isWord(previous.value) || previous.value == 0x27 || previous.value == 0x2019 { return nil }
            return index.firstMatch(at: offset, in: text) { !text.isWord(at: $0) }.map { (names[$0.index], $0.end) }
        }

        /// Each place named in `text`, in order. A name must start with a capital, so that
        /// "further reading" or "bury" in prose is not read as Reading or Bury.
        static func mentions(in text: String) -> [PlaceMention] {
            mentions(in: ScanText(text))
        }

        static func mentions(in scan: ScanText) -> [PlaceMention] {
            var found: [PlaceMention] = []
            var offset = scan.start
            while offset < scan.end {
                guard ScalarClass.isASCIILetter(scan.bytes[offset]),
                      let (mention, end) = place(at: offset, in: scan) else { offset += 1; continue }
                let isCapitalised = scan.bytes[offset] >= 0x41 && scan.bytes[offset] <= 0x5A
                if isCapitalised, !found.contains(where: { $0.authority == mention.authority }) { found.append(mention) }
                offset = end
            }
            return found
        }

        /// Where a run of places ends that starts at `start`: several places in a row, as a
        /// joint partnership names its areas ("Kensington and Chelsea, and Westminster",
        /// "Cambridgeshire & Peterborough"). `known` holds the runs already followed, keyed
        /// by where they start: a later place of a run ends where the run does, so a long
        /// list of places is followed once, not once per place.
        static func runEnd(from start: Int, in text: ScanText, known: inout [Int: Int]) -> Int? {
            guard var end = place(at: start, in: text)?.end else { return nil }
            if let known = known[start] { return known }
            var visited = [start]
            while let next = nextPlace(after: end, in: text) {
                if let knownEnd = known[next.start] { end = knownEnd; break }
                visited.append(next.start)
                end = next.end
            }
            for place in visited { known[place] = end }
            return end
        }

        /// The place after a separator: ", and", "and", "&" or ",".
        private static func nextPlace(after offset: Int, in text: ScanText) -> (start: Int, end: Int)? {
            var position = offset
            if let comma = commaEnd(from: offset, in: text) { position = comma }
            if let space = text.gapEnd(from: position), let joined = Phrase.andEnd(at: space, in: text),
               let start = text.gapEnd(from: joined), let place = place(at: start, in: text) {
                return (start, place.end)
            }
            if let comma = commaEnd(from: offset, in: text), let start = text.gapEnd(from: comma),
               let place = place(at: start, in: text) {
                return (start, place.end)
            }
            return nil
        }

        private static func commaEnd(from offset: Int, in text: ScanText) -> Int? {
            let comma = text.spacesEnd(from: offset)
            return text.byte(comma) == UInt8(ascii: ",") ? comma + 1 : nil
        }
    }
}
