extension ParagraphSegmenter {
    /// Joins a wrapped line onto the text before it, undoing the hyphenation of words split
    /// at the line end while keeping the hyphens that belong to the words.
    enum LineJoiner {
        /// Appends `bytes[start..<end]` to `text` as the next line of the same paragraph.
        static func append(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, to text: TextBuffer) {
            guard start < end else { return }
            guard let last = text.last else {
                text.append(bytes, start, end)
                return
            }
            let next = bytes[start]
            if last == Bytes.hyphen && text.count >= 2 {
                let beforeHyphen = text[text.count - 2]
                if Bytes.isDigit(beforeHyphen) && Bytes.isDigit(next) {
                    // "2019-" + "20": a span of years.
                } else if Bytes.isLetter(beforeHyphen) && Bytes.isLetter(next) {
                    if !keepsHyphen(text, bytes, start, end) { text.removeLast() }
                } else {
                    text.append(Bytes.space)
                }
            } else if last != UInt8(ascii: "@") {
                // "@" + "CamdenSCP" is a handle broken at the line end. Most lines meet at a
                // space, written together with the line.
                text.append(Bytes.space, then: bytes, start, end)
                return
            }
            text.append(bytes, start, end)
        }

        /// Whether the hyphen ending `text` is part of the word: before a capital ("Pan-London"),
        /// after a prefix that takes one ("multi-agency", "out-of-school"), before a word
        /// that is written as a compound ("sector-led"), or when the next piece is itself
        /// hyphenated ("out-" + "of-school"). Otherwise the word was split: "safe-guarding".
        static func keepsHyphen(_ text: TextBuffer, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            if Bytes.isUpper(bytes[start]) { return true }
            var nextEnd = start
            while nextEnd < end && (Bytes.isLetter(bytes[nextEnd]) || bytes[nextEnd] == Bytes.hyphen) {
                if bytes[nextEnd] == Bytes.hyphen { return true }
                nextEnd += 1
            }
            if let key = WordKey.of(bytes, start, nextEnd), compoundEndings.contains(key) { return true }
            return text.withBytes { buffer in
                let hyphen = buffer.count - 1
                // Look back no further than the longest prefix: the text may end in a word that
                // earlier joins have made enormous, and rescanning it each time would be quadratic.
                let limit = max(0, hyphen - WordKey.maximumLength - 1)
                var prefixStart = hyphen
                while prefixStart > limit && Bytes.isLetter(buffer[prefixStart - 1]) { prefixStart -= 1 }
                guard let key = WordKey.of(buffer, prefixStart, hyphen) else { return false }
                return hyphenatedPrefixes.contains(key)
            }
        }

        /// Prefixes written with a hyphen in these documents ("multi-agency", "co-ordinate").
        /// Left out on purpose: prefixes that are also where hyphenation splits common words
        /// ("re-view", "pre-vention", "ex-ploitation", "inter-vention", "out-comes").
        static let hyphenatedPrefixes = WordKeySet([
            "multi", "cross", "co", "non", "self", "semi", "half", "anti", "well", "post", "extra", "e",
        ])

        /// Second halves that form compounds rather than complete a split word ("sector-led",
        /// "lesson-plan", "trauma-informed").
        static let compoundEndings = WordKeySet([
            "led", "based", "related", "focused", "focussed", "centred", "centered", "informed",
            "making", "term", "time", "day", "level", "plan", "wide", "specific", "year", "old",
            "aged", "up", "owned", "run", "friendly", "free", "scale", "going", "facing", "sharing",
        ])
    }
}
