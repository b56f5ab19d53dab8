extension ParagraphSegmenter {
    /// A cleaned piece of the document on its way to becoming a paragraph or a heading.
    /// Its text is not part of it but written into `ParagraphAssembler.incomingText`: a
    /// buffer held by each unit cost reference counting and a copy of the unit to hand on.
    struct SegmentUnit: ~Copyable {
        enum Kind {
            case body
            /// Certainly a heading: Markdown, bold-only, capitals, an HTML heading.
            case heading
            /// "4.7 Out of school settings": a heading unless the next unit is its sibling
            /// ("4.8 ..."), which shows it was an item of a numbered list.
            case numberedHeading
            /// A short line on its own: a heading only if a real paragraph follows.
            case plainHeading
        }

        var firstLine: Int
        var lastLine: Int
        var role: Paragraph.Role
        var kind: Kind
        var number: ClauseNumber?
        /// The unit opens a block after a blank line or page furniture, so it may be the rest
        /// of a paragraph cut by a page break.
        var followsBreak: Bool
        /// Prose from a text block with no bullet or number: the only kind of unit that can
        /// continue the paragraph or heading before it.
        var isPlainText: Bool
        /// The last source line was long (a whole paragraph on one line, as web pages and
        /// converted documents give), so stopping without punctuation means it was cut.
        var endsOnLongLine = false

        /// Fills the place of a unit where there is none yet; never sent on.
        static var placeholder: SegmentUnit {
            SegmentUnit(firstLine: 0, lastLine: 0, role: .body, kind: .body, number: nil, followsBreak: false,
                        isPlainText: false)
        }
    }

    /// Where a unit came from, which decides what it can be.
    enum UnitOrigin {
        case textBlock(lineCount: Int)
        case markdownHeading
        case htmlBlock
        case htmlHeading
        case htmlListItem
    }
}
