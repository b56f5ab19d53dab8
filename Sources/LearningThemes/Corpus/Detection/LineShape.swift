import Foundation

// What the bytes of a line tell of its plain text, so that most lines need no `String`.

private typealias ScanText = MetadataDetector.ScanText
private typealias ScalarClass = MetadataDetector.ScalarClass
private typealias TextCleaning = MetadataDetector.TextCleaning

extension MetadataDetector {
    /// `text.count > limit`, told from the bytes when there are no more of them than
    /// `limit`: counting `Character`s walks grapheme breaks, at tens of instructions a byte.
    static func hasMoreCharacters(_ text: String, than limit: Int) -> Bool {
        text.utf8.count > limit && text.count > limit
    }
}

extension MetadataDetector.DocumentText {
    /// Whether line `number` holds nothing but whitespace and markup (its plain text is empty).
    func isBlankLine(_ number: Int) -> Bool {
        guard let shape = plainShape(of: lineRange(number), upTo: 0) else { return plainLine(number).isEmpty }
        return !shape.hasText
    }

    /// Whether line `number`'s plain text has more than `limit` characters: too long to
    /// be a title, which most lines of prose are, told without making their plain text.
    func isLonger(_ number: Int, than limit: Int) -> Bool {
        if let shape = plainShape(of: lineRange(number), upTo: limit), shape.characters > limit { return true }
        return MetadataDetector.hasMoreCharacters(plainLine(number), than: limit)
    }

    /// `isLonger` for the line at `range`, a line that may lie past the numbered ones.
    func isLonger(line range: Range<Int>, than limit: Int) -> Bool {
        if let shape = plainShape(of: range, upTo: limit), shape.characters > limit { return true }
        return MetadataDetector.hasMoreCharacters(plainText(ofLine: range), than: limit)
    }

    /// Whether line `number` starts, after spaces and tabs, with "#": a Markdown heading.
    func isHeadingLine(_ number: Int) -> Bool {
        ScanText(bytes: bytes, range: lineRange(number)).startsAsHeading()
            ?? line(number).trimmingCharacters(in: .whitespaces).hasPrefix("#")
    }

    /// What the bytes of a line tell of its plain text (`TextCleaning.plain`):
    /// whether it has any text, and a lower bound on its length, counting only the
    /// characters certain to stand alone (a character after an ASCII one), and stopping
    /// once past `limit`. Nil when the bytes cannot tell: a mark right after a space or
    /// markup may join it into one character, which only the plain text settles.
    private func plainShape(of line: Range<Int>, upTo limit: Int) -> (hasText: Bool, characters: Int)? {
        let text = ScanText(bytes: bytes, range: line)
        var offset = text.start
        var characters = 0, hasText = false
        var afterSpace = true, inOpeningHashes = true
        while offset < text.end, characters <= limit {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "#"), inOpeningHashes {
                offset += 1
                continue
            }
            inOpeningHashes = false
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == UInt8(ascii: "*") {
                afterSpace = true
                offset += 1
            } else if byte == UInt8(ascii: "<"), let close = TextCleaning.tagClose(in: text, openingAt: offset) {
                afterSpace = true
                offset = close + 1
            } else {
                let (value, length) = text.scalar(at: offset)
                if ScalarClass.isSpace(value) {
                    afterSpace = true
                } else if ScalarClass.mayJoinPrevious(value) {
                    if afterSpace { return nil }
                } else {
                    if offset == text.start || bytes[offset - 1] < 0x80 { characters += 1 }
                    hasText = true
                    afterSpace = false
                }
                offset += length
            }
        }
        return (hasText, characters)
    }
}
