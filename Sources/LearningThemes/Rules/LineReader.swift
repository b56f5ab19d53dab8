import Foundation

/// Reads the directive part of a rule-file line word by word, with columns for errors.
struct LineReader {
    let line: ArraySlice<UInt8>
    let location: SourceLocation
    private(set) var offset: Int  // index into `line` (relative to its start)

    init(line: ArraySlice<UInt8>, location: SourceLocation) {
        self.line = line
        self.location = location
        self.offset = 0
    }

    private func byte(_ at: Int) -> UInt8? { at < line.count ? line[line.startIndex + at] : nil }

    func fail(_ message: String, at column: Int? = nil) -> LearningThemesError {
        var where_ = location
        let at = column ?? offset
        where_.column = String(decoding: line.prefix(at), as: UTF8.self).count + 1
        return LearningThemesError(.rules, message, at: where_)
    }

    private mutating func skipSpace() {
        while let byte = byte(offset), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { offset += 1 }
    }

    /// The next space-separated word, or nil at the end of the line or at a comment.
    mutating func word() -> String? {
        skipSpace()
        guard let first = byte(offset), first != UInt8(ascii: "#") else { return nil }
        let start = offset
        while let byte = byte(offset), byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t") {
            if byte == UInt8(ascii: ":") && offset > start && isKeyColon(start: start) { offset += 1; break }
            offset += 1
        }
        return String(decoding: line.dropFirst(start).prefix(offset - start), as: UTF8.self)
    }

    /// `must-match:` keeps its colon; `match id:` does not take it (identifier stops there).
    private func isKeyColon(start: Int) -> Bool {
        let text = String(decoding: line.dropFirst(start).prefix(offset - start), as: UTF8.self)
        return text == "must-match" || text == "must-not-match"
    }

    func peekWord() -> String? {
        var copy = self
        return copy.word()
    }

    /// Ids are lower-case letters, digits and hyphens: they appear in file names, CSV
    /// headers and R/Python column names.
    mutating func identifier(what: String) throws -> String {
        skipSpace()
        let start = offset
        while let byte = byte(offset),
              (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
            offset += 1
        }
        guard offset > start else {
            if let byte = byte(offset), byte != UInt8(ascii: "#") {
                throw fail("expected a \(what) (lower-case letters, digits and hyphens), found '\(Character(Unicode.Scalar(byte)))'")
            }
            throw fail("expected a \(what)")
        }
        return String(decoding: line.dropFirst(start).prefix(offset - start), as: UTF8.self)
    }

    mutating func number(what: String, range: ClosedRange<Int>) throws -> Int {
        skipSpace()
        let start = offset
        while let byte = byte(offset), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { offset += 1 }
        let digits = String(decoding: line.dropFirst(start).prefix(offset - start), as: UTF8.self)
        let followedBySpace = byte(offset).map { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "#") } ?? true
        guard let value = Int(digits), range.contains(value), followedBySpace else {
            throw fail("expected a \(what) from \(range.lowerBound) to \(range.upperBound)", at: start)
        }
        return value
    }

    mutating func expect(_ expected: UInt8, what: String) throws {
        skipSpace()
        guard byte(offset) == expected else {
            if let found = byte(offset) {
                throw fail("expected \(what), found '\(Character(Unicode.Scalar(found)))'")
            }
            throw fail("expected \(what), found the end of the line")
        }
        offset += 1
    }

    mutating func expectEnd() throws {
        skipSpace()
        if let byte = byte(offset), byte != UInt8(ascii: "#") {
            throw fail("unexpected text '\(String(decoding: line.dropFirst(offset), as: UTF8.self))' at the end of the line")
        }
    }

    /// The rest of the line, trimmed (examples keep any '#').
    mutating func rest() -> String {
        skipSpace()
        var end = line.count
        while end > offset, let byte = byte(end - 1), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { end -= 1 }
        let text = String(decoding: line.dropFirst(offset).prefix(end - offset), as: UTF8.self)
        offset = line.count
        // Spaces and tabs are trimmed above; Foundation's trimming costs far more, so it is
        // only asked about text that may start or end with a no-break or other wide space.
        if let first = text.utf8.first, let last = text.utf8.last, first >= 0x80 || last >= 0x80 {
            return text.trimmingCharacters(in: .whitespaces)
        }
        return text
    }
}
