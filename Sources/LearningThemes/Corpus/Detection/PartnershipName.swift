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
        private static let bodies: [(spelling: String, canonical: String, isChildrens: Bool)] = [
            ("local safeguarding children['s] partnership", "Local Safeguarding Children Partnership", true),
            ("safeguarding children['s] partnership", "Safeguarding Children Partnership", true),
            ("children['s] safeguarding partnership", "Children's Safeguarding Partnership", true),
            ("local safeguarding children['s] board", "Local Safeguarding Children Board", true),
            ("safeguarding children['s] board", "Safeguarding Children Board", true),
            ("safeguarding partnerships?", "Safeguarding Partnership", false),
        ]
        static let bodyIndex = PhraseIndex(bodies.map { Phrase($0.spelling) })

        /// Words that put the place after the body: "Partnership for Westminster".
        private static let placeAfterWords = ["for", "across", "covering", "serving"].map { Array($0.utf8) }
        private static let the = Array("the".utf8)
        private static let joiner = Array(" and ".utf8)

        struct Mention {
            let fullName: String
            let places: [PlaceMention]
            let isChildrens: Bool
            let line: Int
            let window: TextWindow
            let range: Range<Int>

            var evidence: String { window.evidence(for: range) }
        }

        /// A name as written: where it starts and ends, which body it names, and the
        /// stretches naming places before the body and after "for" / "across" ...
        private struct Match {
            let start: Int
            let end: Int
            let body: Int
            let before: Range<Int>?
            let after: Range<Int>?
        }

        /// The names in `window`, in order. Names do not overlap: after one, the search
        /// goes on where it ended, as a place that ended one name cannot start the next.
        static func mentions(in window: TextWindow) -> [Mention] {
            let text = window.text
            var found: [Mention] = []
            var runs: [Int: Int] = [:]
            var offset = text.start
            for reach in NameReach.startRanges(in: text) {
                // A range starts after a byte that is no ASCII letter: the search below
                // reaches from there the same positions it would from the text's start.
                offset = max(offset, reach.lowerBound)
                while offset < reach.upperBound {
                    guard ScalarClass.isASCIILetter(text.bytes[offset]) else {
                        offset += 1
                        continue
                    }
                    let word = text.word(at: offset)
                    if !text.isWord(before: offset),
                       PlaceNames.mayStart(withWord: word.key) || bodyIndex.mayStart(withWord: word.key),
                       let match = match(at: offset, in: text, runs: &runs) {
                        if let mention = mention(match, in: window) { found.append(mention) }
                        offset = match.end
                        continue
                    }
                    // No name starts inside a word.
                    offset = word.end
                    while offset < text.end, ScalarClass.isASCIIWord(text.bytes[offset]) { offset += 1 }
                }
            }
            return found
        }

        /// Only a line with "partnership" or "board" in it can name a partnership: a cheap
        /// test that spares most lines of a long document the full search.
        static func mayBeNamed(in text: ScanText) -> Bool {
            text.bytes.withUnsafeBytes { raw in
                WordScan.forEachCandidate(in: text.start..<text.end, reach: 8, marks: { offset in
                    let word = WordScan.folded(WordScan.word(at: offset, in: raw))
                    return ByteWords.zeroBytes(word ^ 0x7070_7070_7070_7070) | ByteWords.zeroBytes(word ^ 0x6262_6262_6262_6262)
                }) { offset in
                    switch text.bytes[offset] | 0x20 {
                    case UInt8(ascii: "p"): text.wordEnd(partnership, at: offset) != nil
                    case UInt8(ascii: "b"): text.wordEnd(board, at: offset) != nil
                    default: false
                    }
                }
            }
        }

        private static let partnership = Array("partnership".utf8), board = Array("board".utf8)

        /// A name starting at `offset`, with places before the body if they are there.
        private static func match(at offset: Int, in text: ScanText, runs: inout [Int: Int]) -> Match? {
            if let placesEnd = PlaceNames.runEnd(from: offset, in: text, known: &runs),
               let bodyStart = text.gapEnd(from: apostropheSEnd(at: placesEnd, in: text) ?? placesEnd),
               let body = body(at: bodyStart, in: text) {
                return finish(start: offset, body: body, before: offset..<placesEnd, in: text, runs: &runs)
            }
            guard let body = body(at: offset, in: text) else { return nil }
            return finish(start: offset, body: body, before: nil, in: text, runs: &runs)
        }

        private static func body(at offset: Int, in text: ScanText) -> (index: Int, end: Int)? {
            bodyIndex.firstMatch(at: offset, in: text) { !text.isWord(at: $0) }
        }

        private static func finish(start: Int, body: (index: Int, end: Int), before: Range<Int>?,
                                   in text: ScanText, runs: inout [Int: Int]) -> Match {
            let after = placesAfter(body.end, in: text, runs: &runs)
            return Match(start: start, end: after?.upperBound ?? body.end, body: body.index, before: before, after: after)
        }

        /// "... for Westminster", "... across the Kensington and Chelsea and Westminster".
        private static func placesAfter(_ offset: Int, in text: ScanText, runs: inout [Int: Int]) -> Range<Int>? {
            guard let wordStart = text.gapEnd(from: offset),
                  let wordEnd = placeAfterWords.lazy.compactMap({ text.wordEnd($0, at: wordStart) }).first,
                  let listStart = text.gapEnd(from: wordEnd) else { return nil }
            if let theEnd = text.wordEnd(the, at: listStart), let placesStart = text.gapEnd(from: theEnd),
               let placesEnd = PlaceNames.runEnd(from: placesStart, in: text, known: &runs) {
                return placesStart..<placesEnd
            }
            return PlaceNames.runEnd(from: listStart, in: text, known: &runs).map { listStart..<$0 }
        }

        /// After "'s" or "’s" at `offset`: "Camden's Safeguarding Children Partnership".
        private static func apostropheSEnd(at offset: Int, in text: ScanText) -> Int? {
            let afterApostrophe: Int
            if text.byte(offset) == UInt8(ascii: "'") {
                afterApostrophe = offset + 1
            } else if text.byte(offset) == 0xE2, text.byte(offset + 1) == 0x80, text.byte(offset + 2) == 0x99 {
                afterApostrophe = offset + 3
            } else {
                return nil
            }
            return text.folded(afterApostrophe) == UInt8(ascii: "s") ? afterApostrophe + 1 : nil
        }

        /// The full name of a match, or nil when it names no place: every place in the
        /// stretches around the body, read again on their own.
        private static func mention(_ match: Match, in window: TextWindow) -> Mention? {
            // The stretches joined by " and " as bytes: the text is valid UTF-8 and each
            // stretch starts and ends with a letter, so no `String` needs making of them.
            var stretches: [UInt8] = []
            for stretch in [match.before, match.after] {
                guard let stretch else { continue }
                if !stretches.isEmpty { stretches += joiner }
                stretches += window.text.bytes[stretch]
            }
            let places = PlaceNames.mentions(in: ScanText(bytes: stretches, range: 0..<stretches.count))
            guard !places.isEmpty else { return nil }
            let body = bodies[match.body]
            return Mention(fullName: listed(places.map(\.placeName)) + " " + body.canonical, places: places,
                           isChildrens: body.isChildrens, line: window.lineNumber(at: match.start),
                           window: window, range: match.start..<match.end)
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
        /// The opening is searched only when the title leaves the answer open: when one
        /// name in the title is a children's body, no name the opening adds outranks it
        /// and its first mention is in the title. Most titles name their partnership, and
        /// searching the opening cost a third of detection.
        static func best(title: [Mention], opening: @autoclosure () -> [Mention]) -> Mention? {
            if let settled = onlyChildrensName(in: title) { return settled }
            let titleNames = Set(title.map(\.fullName))
            let all = title + opening()
            let counts = Dictionary(all.map { ($0.fullName, 1) }, uniquingKeysWith: +)
            var firsts: [String: Mention] = [:]
            for mention in all where firsts[mention.fullName] == nil { firsts[mention.fullName] = mention }
            let rank = { (m: Mention) in
                (m.isChildrens ? 0 : 1, titleNames.contains(m.fullName) ? 0 : 1, -counts[m.fullName]!, m.line, m.fullName)
            }
            return firsts.values.min { rank($0) < rank($1) }
        }

        /// The first mention of the one name in `title` whose first mention is of a
        /// children's body, when exactly one name is.
        private static func onlyChildrensName(in title: [Mention]) -> Mention? {
            var seen: Set<String> = []
            var found: Mention?
            for mention in title where seen.insert(mention.fullName).inserted && mention.isChildrens {
                guard found == nil else { return nil }
                found = mention
            }
            return found
        }
    }
}
