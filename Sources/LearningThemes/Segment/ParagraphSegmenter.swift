/// Splits the text of a safeguarding document into the paragraphs that get classified.
///
/// The text comes from PDFs and web pages: lines hard-wrapped at the column width, words
/// hyphenated across lines, inline HTML and Markdown, tables as tab-separated rows, and
/// page furniture (addresses, footers, page numbers, running titles). The segmenter joins
/// wrapped lines, undoes that markup, drops the furniture, and keeps headings as the
/// section of the paragraphs under them. It works on UTF-8 bytes in a few linear passes,
/// without recursion, so any input (NUL bytes, a 50 MB line, deep nesting) is safe.
public struct ParagraphSegmenter: Sendable {
    public init() {}

    /// Segments UTF-8 text, already decoded and validated by the reader.
    public func segment(_ text: [UInt8]) -> [Paragraph] {
        text.withUnsafeBufferPointer { segment(bytes: $0) }
    }

    public func segment(_ text: String) -> [Paragraph] {
        var text = text
        return text.withUTF8 { segment(bytes: $0) }
    }

    /// Calls `body` with each paragraph `segment(_:)` would return, in order, as UTF-8
    /// bytes, without building `Paragraph` values or keeping them: for counting, which only
    /// reads the words. The buffers are valid only during the call.
    public func forEachParagraph(_ text: [UInt8], _ body: (ParagraphBytes) -> Void) {
        withoutActuallyEscaping(body) { body in
            text.withUnsafeBufferPointer { bytes in
                _ = run(bytes, into: ParagraphForwarder(body: body))
            }
        }
    }

    func segment(bytes: UnsafeBufferPointer<UInt8>) -> [Paragraph] {
        run(bytes, into: ParagraphCollector()).paragraphs
    }

    /// The passes shared by every entry point; returns the sink holding what it was sent.
    private func run<Sink: ParagraphSink>(_ bytes: UnsafeBufferPointer<UInt8>, into sink: consuming Sink) -> Sink {
        var census = RunningTitles.Census(textLength: bytes.count)
        let lines = SourceLines.scan(bytes, census: &census)
        defer { lines.deallocate() }
        // Consumed, not copied: a second reference to the tally table made marking it copy it.
        RunningTitles.mark(lines.elements, in: bytes, census: consume census)
        var assembler = ParagraphAssembler(sink: sink)
        var producer = UnitProducer(bytes: bytes, lines: UnsafeBufferPointer(lines.elements))
        producer.run(into: &assembler)
        assembler.finish()
        return assembler.sink
    }
}
