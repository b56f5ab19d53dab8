extension MetadataDetector {
    /// Reading the label that opens a cover-sheet cell: "REPORT TITLE:", "# **Date:**",
    /// "DATE OF DECISION" (with its value in the next cell).
    enum HeaderLabel {
        /// Label spellings and what each tells. A spelling comes before any shorter one it
        /// starts with, so that "DATE OF DECISION" is not read as "DATE".
        static let labels: [(phrase: Phrase, roles: HeaderField.Roles)] = [
            (Phrase("date of decision"), [.meetingDate, .committeeHeader]),
            (Phrase("for submission to"), [.committeeHeader]),
            (Phrase("date of meeting"), [.meetingDate, .committeeHeader]),
            (Phrase("committee agenda"), [.committeeHeader]),
            (Phrase("wards affected"), [.committeeHeader]),
            (Phrase("wards involved"), [.committeeHeader]),
            (Phrase("meeting date"), [.meetingDate, .committeeHeader]),
            (Phrase("report title"), [.title, .committeeHeader]),
            (Phrase("report of"), [.committeeHeader]),
            (Phrase("title"), [.title]),
            (Phrase("wards"), [.committeeHeader]),
            (Phrase("date"), [.date]),
        ]

        /// Bit `n` is set when a label starts with the `n`th letter of the alphabet.
        private static let labelInitials: UInt32 = labels.reduce(0) { initials, label in
            guard case .literal(let byte)? = label.phrase.pieces.first else { preconditionFailure("label starts with no letter") }
            return initials | 1 << UInt32(byte - UInt8(ascii: "a"))
        }

        /// The labels looked up by their first word, in table order.
        private static let labelIndex = PhraseIndex(labels.map(\.phrase))

        struct Match {
            /// Index into `labels`.
            let label: Int
            let labelRange: Range<Int>
            let hasColon: Bool
            /// The rest of the cell after the colon and spaces.
            let value: Range<Int>
        }

        /// The label opening `cell`, perhaps after the "#"s of a heading and inside "**"
        /// bold markers, then an optional colon, then a space or the end of the cell. If a
        /// label is followed by neither ("Dates", "Title:Health") the next shorter label is
        /// tried, and failing all the cell holds none.
        static func match(in cell: ScanText) -> Match? {
            var position = cell.spacesEnd(from: cell.start)
            if cell.byte(position) == hash {
                while cell.byte(position) == hash { position += 1 }
                position = cell.spacesEnd(from: position)
            }
            position = boldEnd(at: position, in: cell) ?? position
            // Most cells are prose: one byte tells that no label starts them.
            guard let first = cell.folded(position), first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z"),
                  labelInitials & 1 << (first - UInt8(ascii: "a")) != 0 else { return nil }
            // A label whose first word is not the word at hand cannot be followed by what
            // `afterLabel` accepts (a letter follows it, or it is cut short), so only the
            // labels starting with that word are tried, in table order.
            guard let found = labelIndex.firstMatch(at: position, in: cell, isEnd: { afterLabel($0, in: cell) != nil }),
                  let rest = afterLabel(found.end, in: cell) else { return nil }
            return Match(label: found.index, labelRange: position..<found.end, hasColon: rest.hasColon, value: rest.value)
        }

        /// False when `match` would find no label opening the cell at `cell` of `bytes`,
        /// told from its first word alone without making a `ScanText`: most cells are
        /// prose, and `fields` asks this of every cell of the opening. True when unsure
        /// (a non-ASCII byte where `match` would look for a space).
        static func mayOpen(_ cell: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var position = cell.lowerBound
            func passSpaces() -> Bool {
                while position < cell.upperBound, case let byte = bytes[position], byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    position += 1
                }
                return position < cell.upperBound && bytes[position] >= 0x80
            }
            if passSpaces() { return true }
            if position < cell.upperBound, bytes[position] == hash {
                while position < cell.upperBound, bytes[position] == hash { position += 1 }
                if passSpaces() { return true }
            }
            if position + 1 < cell.upperBound, bytes[position] == asterisk, bytes[position + 1] == asterisk { position += 2 }
            var key = PhraseIndex.emptyWordKey
            let wordStart = position
            while position < cell.upperBound, case let lower = bytes[position] | 0x20, lower >= 0x61, lower <= 0x7A {
                key = PhraseIndex.wordKey(key, lower)
                position += 1
            }
            return position > wordStart && labelIndex.mayStart(withWord: key)
        }

        /// The colon and value after a label: "**", a colon (perhaps after spaces) and "**"
        /// may each come, in that order. Each is taken when present and left out again when
        /// taking it leaves no valid value, so "DATE :x" reads as the value ":x", no colon.
        private static func afterLabel(_ offset: Int, in cell: ScanText) -> (hasColon: Bool, value: Range<Int>)? {
            firstReading(of: boldEnd(at: offset, in: cell), or: offset) { afterBold in
                let colon = cell.spacesEnd(from: afterBold)
                let withColon = cell.byte(colon) == UInt8(ascii: ":") ? colon + 1 : nil
                return firstReading(of: withColon, or: afterBold) { afterColon in
                    firstReading(of: boldEnd(at: afterColon, in: cell), or: afterColon) { afterSecondBold in
                        value(at: afterSecondBold, in: cell).map { (afterColon == withColon, $0) }
                    }
                }
            }
        }

        /// `body` of the optional reading when there is one and it succeeds, else of `offset`.
        private static func firstReading<Result>(of optional: Int?, or offset: Int, _ body: (Int) -> Result?) -> Result? {
            if let optional, let found = body(optional) { return found }
            return body(offset)
        }

        /// The value after a label: after spaces, everything to the end of the cell, or
        /// nothing when the label ends the cell. A line terminator (a form feed, a vertical
        /// tab) may end the cell but not come inside the value, which keeps the reading of
        /// the pattern this replaced (its `.` did not match one).
        private static func value(at offset: Int, in cell: ScanText) -> Range<Int>? {
            if cell.isSpace(at: offset) {
                let start = cell.spacesEnd(from: offset)
                guard let stop = cell.firstLineTerminator(from: start) else { return start..<cell.end }
                if endsCell(stop, in: cell) { return start..<stop }
            }
            return offset == cell.end || endsCell(offset, in: cell) ? offset..<offset : nil
        }

        /// Whether the line terminator at `offset` is the cell's last character.
        private static func endsCell(_ offset: Int, in cell: ScanText) -> Bool {
            offset < cell.end && cell.isLineTerminator(at: offset) && offset + cell.scalar(at: offset).length == cell.end
        }

        private static func boldEnd(at offset: Int, in cell: ScanText) -> Int? {
            cell.byte(offset) == asterisk && cell.byte(offset + 1) == asterisk ? offset + 2 : nil
        }

        private static let hash = UInt8(ascii: "#"), asterisk = UInt8(ascii: "*")
    }
}
