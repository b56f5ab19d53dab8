extension ParagraphSegmenter {
    /// Turns the stream of units into paragraphs. It holds back one unit, because what a
    /// unit is often depends on the next: a short line is a heading only if a paragraph
    /// follows, and a paragraph cut by a page break goes on in the next block.
    struct ParagraphAssembler<Sink: ParagraphSink>: ~Copyable {
        /// Receives the paragraphs as they are settled, so none has to be kept here.
        var sink: Sink
        /// The unit held back, valid while `isHolding`. Kept in place rather than in an
        /// optional: taking it out and wrapping it again copied the whole unit for every unit.
        private var held = SegmentUnit.placeholder
        private var isHolding = false
        /// The held unit's text, and the buffer the next unit's text is written into: the two
        /// trade places as units come, so no text is allocated or copied to hand it on.
        private var heldText = TextBuffer()
        private(set) var incomingText = TextBuffer()
        /// First word of the last short line that was not taken for a heading: "Priority 1:",
        /// "Priority 2:" ... make a list, even when a paragraph follows the last of them.
        private var lastListedLine = FirstWord()
        private var inContents = false
        /// The number of the item just sent on, while a numbered list may still go on.
        private var lastItemNumber: ClauseNumber?

        /// Takes the next unit, whose text the caller wrote into `incomingText`.
        mutating func add(_ unit: consuming SegmentUnit) {
            guard isHolding else {
                hold(unit)
                isHolding = true
                return
            }
            if Self.continues(held, heldText, with: unit, incomingText) {
                incomingText.withBytes { LineJoiner.append($0, 0, $0.count, to: heldText) }
                held.lastLine = unit.lastLine
                if held.kind != .body {
                    held.kind = .body
                    held.role = unit.role
                    held.number = nil
                }
                held.endsOnLongLine = unit.endsOnLongLine
                return
            }
            let isSubstantial = held.kind == .plainHeading && Self.isSubstantial(unit, incomingText)
            resolveHeld(next: Following(number: unit.number, isSubstantial: isSubstantial))
            hold(unit)
        }

        /// The next unit takes the place of the settled one, whose text storage takes the next text.
        private mutating func hold(_ unit: consuming SegmentUnit) {
            held = unit
            swap(&heldText, &incomingText)
        }

        init(sink: consuming Sink) {
            self.sink = sink
        }

        /// Settles the unit still held back; the sink then has every paragraph.
        mutating func finish() {
            guard isHolding else { return }
            isHolding = false
            resolveHeld(next: nil)
        }

        /// Whether `unit` is the rest of `held`: lower-case prose after a heading that is
        /// really the opening words of a sentence ("#### A low-level concern" / "is any
        /// concern ..."), or after a paragraph cut mid-sentence by a page break. Static, with
        /// the parts it reads passed in: as a method, each call copied the whole assembler.
        private static func continues(_ held: borrowing SegmentUnit, _ heldText: TextBuffer, with unit: borrowing SegmentUnit,
                                      _ incomingText: TextBuffer) -> Bool {
            guard unit.isPlainText, let first = incomingText.first, !heldText.isEmpty else { return false }
            if held.kind != .body { return Bytes.isLower(first) }
            guard unit.followsBreak, held.role != .tableRow else { return false }
            return heldText.withBytes { text in
                if Bytes.endsSentence(text, 0, text.count) { return false }
                // "... delivered in schools over" / "2019-20 with 5,435 young people".
                if FunctionWords.endsWithOne(text, 0, text.count) { return true }
                // Otherwise only a lower-case line goes on, or, after "... with the London
                // Safeguarding" / "Children Procedures. Organisations ...", any: a whole paragraph
                // on one line that stops mid-sentence was cut by a page.
                guard Bytes.isLower(first) || (held.endsOnLongLine && held.role == .body) else { return false }
                // An item ending on a name ("Children's Trust Partnership Board") is complete and
                // the lower-case line after it is something else ("graph to be done"), unless
                // that line opens with a word that must continue a sentence ("with many of").
                let lastWord = Bytes.lastWordStart(text, 0, text.count)
                return !(lastWord < text.count && Bytes.isUpper(text[lastWord]) && !Self.opensWithFunctionWord(incomingText))
            }
        }

        private static func opensWithFunctionWord(_ text: TextBuffer) -> Bool {
            text.withBytes { buffer in
                guard let key = WordKey.of(buffer, 0, Bytes.firstWordEnd(buffer, 0, buffer.count)) else { return false }
                return FunctionWords.keys.contains(key)
            }
        }

        /// What settling a unit needs to know of the one after it. Passed instead of the unit
        /// itself, which would be copied to be wrapped in an optional.
        private struct Following {
            var number: ClauseNumber?
            /// Only worked out when the settled unit is a plain heading, the one case that asks.
            var isSubstantial: Bool
        }

        /// Sends the held unit on as what it turned out to be.
        private mutating func resolveHeld(next: Following?) {
            if held.kind != .plainHeading { lastListedLine.forget() }
            switch held.kind {
            case .heading:
                setSection()
            case .numberedHeading:
                // "3. To support professionals ..." after items 1 and 2 ends their list,
                // whatever follows it.
                if let number = held.number,
                   next?.number?.follows(number) == true || lastItemNumber.map(number.follows) == true {
                    emitHeld(role: number.isClause ? .body : .listItem)
                } else {
                    setSection()
                }
            case .plainHeading:
                if let next, next.isSubstantial, !heldText.withBytes({ lastListedLine.isFirstWord(of: $0) }) {
                    setSection()
                    lastListedLine.forget()
                } else {
                    emitHeld(role: held.role)
                    heldText.withBytes { lastListedLine.remember($0) }
                }
            case .body:
                emitHeld(role: held.role)
            }
        }

        /// A paragraph, item or row that a short line can head: a sentence, or a long text.
        /// Not another short line, nor the next line of a name and address block.
        private static func isSubstantial(_ unit: borrowing SegmentUnit, _ text: TextBuffer) -> Bool {
            guard unit.kind == .body else { return false }
            if unit.role != .body || text.count >= 100 { return true }
            return text.count >= 20 && text.withBytes { Bytes.endsSentence($0, 0, $0.count) }
        }

        /// Makes the held unit the heading of what follows.
        private mutating func setSection() {
            // "####" with nothing after it heads nothing.
            guard !heldText.isEmpty else { return }
            lastItemNumber = nil
            heldText.withBytes { heading in
                sink.setSection(heading)
                inContents = ContentsHeading.matches(heading)
            }
        }

        private mutating func emitHeld(role: Paragraph.Role) {
            // The entries under "Table of contents" repeat the headings of the document.
            guard !inContents else { return }
            lastItemNumber = role == .listItem ? held.number : nil
            let lines = held.firstLine...max(held.firstLine, held.lastLine)
            heldText.withBytes { text in
                if Letters.hasTwo(text) { sink.paragraph(text, lines: lines, role: role) }
            }
        }
    }
}
