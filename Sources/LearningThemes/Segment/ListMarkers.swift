extension ParagraphSegmenter {
    /// A clause or item number: "4.14", "1.1.", "7.", "2)", "b)".
    /// Stored in sixteen bytes: the markers of every line and every unit carry one, and
    /// are copied as they are handed on.
    struct ClauseNumber: Equatable {
        enum Style { case dotted, parenthesised, lettered, bare }
        var style: Style
        /// Written with bold markers after it ("4.14**"): the numbered clauses of a report.
        var starred: Bool
        /// At most three digits, or a letter's place in the alphabet.
        private var storedLast: Int16
        /// Exact below two billion components, which no line of a real text holds.
        private var storedDepth: Int32
        /// The components before the last one, folded into one value.
        var parent: Int

        var depth: Int { Int(storedDepth) }
        var last: Int { Int(storedLast) }

        init(style: Style, depth: Int, last: Int, parent: Int, starred: Bool) {
            self.style = style
            self.starred = starred
            storedLast = Int16(clamping: last)
            storedDepth = Int32(clamping: depth)
            self.parent = parent
        }

        /// True when `self` is the number right after `previous` at the same level.
        func follows(_ previous: ClauseNumber) -> Bool {
            style == previous.style && depth == previous.depth && parent == previous.parent && last == previous.last + 1
        }

        /// Multi-level and starred numbers mark report clauses (body text), single numbers
        /// and letters mark list items.
        var isClause: Bool { depth >= 2 || starred }
    }

    /// What opens a line: a bullet, a number, both ("- 4.1"), or nothing.
    struct LineMarker {
        enum Bullet { case none, symbol, dash }
        var bullet: Bullet = .none
        var number: ClauseNumber?
        /// Where the text after the markers starts.
        var contentStart: Int

        var isEmpty: Bool { bullet == .none && number == nil }
    }

    enum ListMarkers {
        /// Reads the markers at the start of `bytes[start..<end]` (a trimmed line).
        @inline(__always)
        static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> LineMarker {
            // Most lines open with a word: that much is decided here, without the call.
            if opensWithWord(bytes, start, end) { return LineMarker(contentStart: start) }
            return parseMarkers(bytes, start, end)
        }

        /// Opens with a word, which is no marker unless ")" follows its first letter ("a) ").
        @inline(__always)
        static func opensWithWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            // Offsets within the text cannot overflow: the wrapping operators spare the checks.
            start &+ 1 < end && Bytes.isLetter(bytes[start]) && bytes[start &+ 1] != UInt8(ascii: ")")
        }

        private static func parseMarkers(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> LineMarker {
            var marker = LineMarker(contentStart: start)
            var index = skipBlanks(bytes, start, end)
            // Most lines open with a word: only "a) " or "B) " among those is a marker.
            if index + 1 < end && Bytes.isLetter(bytes[index]) && bytes[index + 1] != UInt8(ascii: ")") { return marker }
            // A Markdown quotation marker says nothing about structure.
            if index + 1 < end && bytes[index] == UInt8(ascii: ">") && Bytes.isBlank(bytes[index + 1]) {
                index = skipBlanks(bytes, index + 1, end)
                marker.contentStart = index
            }
            // "- · National Review": bullets can be doubled up.
            var bullets = 0
            while bullets < 3, let after = bulletEnd(bytes, index, end) {
                marker.bullet = (marker.bullet == .symbol || bytes[index] >= 0x80) ? .symbol : .dash
                index = skipBlanks(bytes, after, end)
                marker.contentStart = index
                bullets += 1
            }
            if let (number, after) = clauseNumber(bytes, index, end, afterBullet: marker.bullet != .none) {
                marker.number = number
                marker.contentStart = after
            }
            return marker
        }

        /// End of a bullet at `index`: "- ", "* ", "+ ", or a bullet character. Inlined: asked
        /// once or twice of every line that does not open with a word.
        @inline(__always)
        static func bulletEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int? {
            guard index < end else { return nil }
            let byte = bytes[index]
            if byte == Bytes.hyphen || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
                return index + 1 < end && Bytes.isBlank(bytes[index + 1]) ? index + 1 : nil
            }
            return symbolBulletEnd(bytes, index, end)
        }

        /// End of a bullet character (•, ✔, ✓, ·, ▪, ●, ◦, ➢, ►, ■, □, ○, ❖, ➤, ‣, ⁃) at `index`.
        /// Inlined, as `clauseNumber` is: as calls, made for every line opening with a bullet
        /// or a figure, saving and restoring registers cost about as much as the tests.
        @inline(__always)
        static func symbolBulletEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int? {
            guard index + 1 < end else { return nil }
            let first = bytes[index]
            if first == 0xC2 { return bytes[index + 1] == 0xB7 ? index + 2 : nil }  // ·
            guard first == 0xE2, index + 2 < end else { return nil }
            switch (bytes[index + 1], bytes[index + 2]) {
            case (0x80, 0xA2), (0x80, 0xA3), (0x81, 0x83),
                 (0x9C, 0x94), (0x9C, 0x93),
                 (0x96, 0xAA), (0x96, 0xA0), (0x96, 0xA1), (0x96, 0xBA),
                 (0x97, 0x8F), (0x97, 0xA6), (0x97, 0x8B),
                 (0x9E, 0xA2), (0x9E, 0xA4), (0x9D, 0x96):
                return index + 3
            default:
                return nil
            }
        }

        /// A clause number at `index` followed by a blank and the start of a sentence. Bare
        /// numbers ("24 Appendices") are not markers: prose starts with numbers too.
        /// Inlined as far as the first byte, which turns away most of what it is asked about
        /// (the words after a bullet), before any call.
        @inline(__always)
        static func clauseNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int, afterBullet: Bool = false) -> (ClauseNumber, Int)? {
            guard index < end else { return nil }
            // "(a) text", "(12) text": committee minutes letter their points and resolutions
            // this way; inside the bracket, the same number as "a)" and "12)" would be.
            if bytes[index] == UInt8(ascii: "(") {
                guard index &+ 1 < end, bytes[index &+ 1] != UInt8(ascii: "(") else { return nil }
                return numberOrLetter(bytes, index &+ 1, end, afterBullet: false)
            }
            return numberOrLetter(bytes, index, end, afterBullet: afterBullet)
        }

        /// `clauseNumber` of what does not open with a bracket.
        @inline(__always)
        private static func numberOrLetter(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int, afterBullet: Bool) -> (ClauseNumber, Int)? {
            guard index < end else { return nil }
            let first = bytes[index]
            if Bytes.isLetter(first) {
                // "a) text", "B) text"
                guard index + 2 < end, bytes[index + 1] == UInt8(ascii: ")"), Bytes.isBlank(bytes[index + 2]) else { return nil }
                let number = ClauseNumber(style: .lettered, depth: 1, last: Int((first | 0x20) - UInt8(ascii: "a")) + 1, parent: 0, starred: false)
                return (number, skipBlanks(bytes, index + 2, end))
            }
            guard Bytes.isDigit(first) else { return nil }
            return figures(bytes, index, end, afterBullet: afterBullet)
        }

        /// `clauseNumber` of what opens with a figure.
        private static func figures(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int, afterBullet: Bool) -> (ClauseNumber, Int)? {
            var components = 0
            var parent = 0
            var last = 0
            var cursor = index
            var endsWithDot = false
            while cursor < end && Bytes.isDigit(bytes[cursor]) {
                let digitsStart = cursor
                var value = 0
                while cursor < end && Bytes.isDigit(bytes[cursor]) {
                    value = value &* 10 &+ Int(bytes[cursor] - UInt8(ascii: "0"))
                    cursor += 1
                }
                guard cursor - digitsStart <= 3 else { return nil }  // a year, not a clause
                if components > 0 { parent = parent &* 1000 &+ last }
                last = value
                components += 1
                endsWithDot = false
                guard cursor < end, bytes[cursor] == UInt8(ascii: ".") else { break }
                endsWithDot = true
                cursor += 1
            }
            var starred = false
            var style = ClauseNumber.Style.dotted
            if cursor < end && bytes[cursor] == UInt8(ascii: ")") && components == 1 && !endsWithDot {
                style = .parenthesised
                cursor += 1
            } else if cursor < end && bytes[cursor] == UInt8(ascii: "*") {
                while cursor < end && bytes[cursor] == UInt8(ascii: "*") { cursor += 1 }
                starred = true
            } else if components == 1 && !endsWithDot {
                return nil  // "24 Appendices", "19 out of borough children": a bare number
            }
            guard cursor < end, Bytes.isBlank(bytes[cursor]) else { return nil }
            let contentStart = skipBlanks(bytes, cursor, end)
            guard contentStart < end else { return nil }
            // "2.5 times more likely" is a sentence, "2.5 The review" a clause; after a bullet
            // ("- 2.2 to note that ...") a multi-level number can only be a clause.
            if style == .dotted && !opensSentence(bytes[contentStart]) && !(afterBullet && components >= 2) { return nil }
            let number = ClauseNumber(style: style, depth: components, last: last, parent: parent, starred: starred)
            return (number, contentStart)
        }

        /// A bare number opening a line ("24 Appendices"), for heading detection only.
        static func bareNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> (ClauseNumber, Int)? {
            var cursor = index
            var value = 0
            while cursor < end && Bytes.isDigit(bytes[cursor]) && cursor - index < 3 {
                value = value * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                cursor += 1
            }
            guard cursor > index, cursor - index <= 2, cursor < end, Bytes.isBlank(bytes[cursor]) else { return nil }
            let contentStart = skipBlanks(bytes, cursor, end)
            guard contentStart < end else { return nil }
            return (ClauseNumber(style: .bare, depth: 1, last: value, parent: 0, starred: false), contentStart)
        }

        static func opensSentence(_ byte: UInt8) -> Bool {
            Bytes.isUpper(byte) || byte >= 0xC0 || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "_")
        }

        static func skipBlanks(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int {
            var cursor = index
            while cursor < end && Bytes.isBlank(bytes[cursor]) { cursor += 1 }
            return cursor
        }
    }
}
