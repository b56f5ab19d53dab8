import Foundation

/// Gets the text layer of a PDF with poppler's pdftotext, the extractor that
/// copes best with the many generators councils' reports come from.
enum PDFTextExtractor {
    static func extract(pdfAt path: String, name: String) throws -> (utf8: [UInt8], warnings: [Warning]) {
        let location = SourceLocation(file: name)
        guard let pdftotext = ExternalProgram.locate("pdftotext") else {
            throw LearningThemesError(.tool, "pdftotext not found: install the Debian package poppler-utils", at: location)
        }
        let outcome = try ExternalProgram.run(pdftotext, ["-enc", "UTF-8", "-eol", "unix", safeArgument(path), "-"])
        guard outcome.status == 0 else {
            throw LearningThemesError(.input, "pdftotext could not read the PDF: \(outcome.firstErrorLine)", at: location)
        }
        var (text, warnings) = TextDecoding.decode(outcome.output, name: name)
        if !outcome.errorOutput.isEmpty {
            warnings.append(Warning("pdftotext reported: \(outcome.firstErrorLine)", at: location))
        }
        let pagesAsParagraphs = replacingFormFeeds(text)
        if pagesAsParagraphs.isEmpty {
            var message = "PDF has no text layer (scanned?)"
            if let pages = pageCount(path) { message += ": no text on \(pages) page\(pages == 1 ? "" : "s")" }
            throw LearningThemesError(.input, message, at: location)
        }
        return (pagesAsParagraphs, warnings)
    }

    /// pdftotext ends every page with a form feed. A page break must end a
    /// paragraph for the segmenter, so each becomes a blank line; trailing ones go.
    static func replacingFormFeeds(_ text: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        for byte in text {
            guard byte == 0x0C else { output.append(byte); continue }
            guard !output.isEmpty else { continue }
            var trailingNewlines = 0
            while trailingNewlines < 2, output.count > trailingNewlines,
                  output[output.count - 1 - trailingNewlines] == 0x0A {
                trailingNewlines += 1
            }
            output.append(contentsOf: repeatElement(0x0A, count: 2 - trailingNewlines))
        }
        while let last = output.last, UTF8Bytes.isWhitespace(last) { output.removeLast() }
        if !output.isEmpty { output.append(0x0A) }
        return output
    }

    /// The page count for the "no text layer" error; nil when pdfinfo is missing
    /// or says nothing usable, so the message just leaves the count out.
    private static func pageCount(_ path: String) -> Int? {
        guard let pdfinfo = ExternalProgram.locate("pdfinfo"),
              let outcome = try? ExternalProgram.run(pdfinfo, [safeArgument(path)]), outcome.status == 0 else { return nil }
        let text = String(decoding: outcome.output, as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("Pages:") {
            return Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// A file named `-x.pdf` would be read as an option.
    private static func safeArgument(_ path: String) -> String {
        path.hasPrefix("-") ? "./" + path : path
    }
}
