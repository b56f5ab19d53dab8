extension ParagraphSegmenter {
    /// Where the assembler sends each paragraph once it is settled. `segment(_:)` collects
    /// `Paragraph` values; counting only needs the text bytes, so it need not pay for a
    /// `String` per paragraph nor keep the paragraphs of a whole document.
    protocol ParagraphSink {
        /// A heading: the section of the paragraphs that follow, until the next one. The
        /// buffers passed to these are valid only during the call.
        mutating func setSection(_ heading: UnsafeBufferPointer<UInt8>)
        mutating func paragraph(_ text: UnsafeBufferPointer<UInt8>, lines: ClosedRange<Int>, role: Paragraph.Role)
    }

    /// Builds the `Paragraph` values `segment(_:)` returns.
    struct ParagraphCollector: ParagraphSink {
        var paragraphs: [Paragraph] = []
        private var section: String?

        mutating func setSection(_ heading: UnsafeBufferPointer<UInt8>) {
            section = String(decoding: heading, as: UTF8.self)
        }

        mutating func paragraph(_ text: UnsafeBufferPointer<UInt8>, lines: ClosedRange<Int>, role: Paragraph.Role) {
            paragraphs.append(Paragraph(index: paragraphs.count, text: String(decoding: text, as: UTF8.self), lines: lines,
                                        section: section, role: role))
        }
    }

    /// Hands each paragraph to a closure as bytes, and forgets it.
    struct ParagraphForwarder: ParagraphSink {
        let body: (ParagraphBytes) -> Void
        private var index = 0
        /// The heading the paragraphs are under (valid once `sectionNumber` is above 0), and
        /// the latest one set, which starts a new section only if its text differs. The two
        /// buffers trade places rather than being copied or made anew for each heading.
        private var sectionHeading = TextBuffer()
        private var latestHeading = TextBuffer()
        private var sectionNumber = 0
        /// A heading came since the last paragraph, which may have changed the section.
        private var headingArrived = false

        init(body: @escaping (ParagraphBytes) -> Void) { self.body = body }

        mutating func setSection(_ heading: UnsafeBufferPointer<UInt8>) {
            latestHeading.removeAll()
            latestHeading.append(heading, 0, heading.count)
            headingArrived = true
        }

        mutating func paragraph(_ text: UnsafeBufferPointer<UInt8>, lines: ClosedRange<Int>, role: Paragraph.Role) {
            let index = self.index
            self.index += 1
            // As `Paragraph.section` compares from one paragraph to the next: the section
            // changes when the heading text does.
            if headingArrived {
                headingArrived = false
                if sectionNumber == 0 || !latestHeading.hasSameBytes(as: sectionHeading) {
                    sectionNumber += 1
                    swap(&latestHeading, &sectionHeading)
                }
            }
            let sectionNumber = self.sectionNumber
            guard sectionNumber > 0 else {
                body(ParagraphBytes(index: index, text: text, lines: lines, role: role, heading: nil, sectionNumber: sectionNumber))
                return
            }
            sectionHeading.withBytes { heading in
                body(ParagraphBytes(index: index, text: text, lines: lines, role: role, heading: heading, sectionNumber: sectionNumber))
            }
        }
    }
}

/// A paragraph as the segmenter settles it, before any `String` is made. Its buffers are
/// valid only during the call that receives it.
public struct ParagraphBytes {
    /// 0-based position in the document, as `Paragraph.index`.
    public var index: Int
    /// The cleaned text, as UTF-8 (`Paragraph.text`).
    public var text: UnsafeBufferPointer<UInt8>
    public var lines: ClosedRange<Int>
    public var role: Paragraph.Role
    /// The heading above the paragraph (`Paragraph.section`), nil before the first one.
    public var heading: UnsafeBufferPointer<UInt8>?
    /// Counts sections from 1; changes exactly when the heading does (0: no heading yet).
    public var sectionNumber: Int
}
