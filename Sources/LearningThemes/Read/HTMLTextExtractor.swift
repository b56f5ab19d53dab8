/// Reads a whole saved web page (or a fragment) into the block contract with a
/// tolerant single-pass scanner: it never builds a tree and never recurses, so
/// malformed or absurdly deep markup cannot make it fail or overflow the stack.
enum HTMLTextExtractor {
    static func blocks(fromPage html: [UInt8]) -> [UInt8] {
        var collector = HTMLBlockCollector()
        html.withUnsafeBufferPointer { bytes in
            var scanner = HTMLMarkupScanner(bytes: bytes)
            var position = 0
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "<") {
                    position = scanner.scanMarkup(at: position, into: &collector)
                    continue
                }
                if byte == UInt8(ascii: "&"), !collector.isSkipping,
                   let used = collector.appendCharacterReference(bytes, at: position) {
                    position += used
                    continue
                }
                var end = position + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: "<"), bytes[end] != UInt8(ascii: "&") { end += 1 }
                if !collector.isSkipping { collector.appendText(bytes[position..<end]) }
                position = end
            }
        }
        return collector.finish()
    }
}

/// Reads one tag, comment or declaration at a time.
struct HTMLMarkupScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where a search for a closing quote already failed: no such quote exists at
    /// or after it, so later searches stop at once and unclosed quotes in many
    /// tags cannot make the scan quadratic.
    private var noDoubleQuoteFrom = Int.max
    private var noSingleQuoteFrom = Int.max

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// `start` is at a `<`; returns the position just after what was read.
    mutating func scanMarkup(at start: Int, into collector: inout HTMLBlockCollector) -> Int {
        let next = start + 1
        guard next < bytes.count else {
            if !collector.isSkipping { collector.appendLiteralLessThan() }
            return bytes.count
        }
        switch bytes[next] {
        case UInt8(ascii: "!"):
            if next + 2 < bytes.count, bytes[next + 1] == UInt8(ascii: "-"), bytes[next + 2] == UInt8(ascii: "-") {
                // Searching from the first dash accepts `<!-->` like browsers do.
                let close = ByteSearch.firstIndex(of: Array("-->".utf8), in: bytes, from: next + 1)
                return close.map { $0 + 3 } ?? bytes.count
            }
            return afterNext(UInt8(ascii: ">"), from: next)
        case UInt8(ascii: "?"):
            return afterNext(UInt8(ascii: ">"), from: next)
        case UInt8(ascii: "/"):
            guard next + 1 < bytes.count, isLetter(bytes[next + 1]) else {
                return afterNext(UInt8(ascii: ">"), from: next)
            }
            let (name, nameEnd) = readName(from: next + 1)
            collector.end(name, role: HTMLElementRole.of(name))
            return afterNext(UInt8(ascii: ">"), from: nameEnd)
        case let letter where isLetter(letter):
            let (name, nameEnd) = readName(from: next)
            let (tagEnd, selfClosing) = skipAttributes(from: nameEnd)
            let role = HTMLElementRole.of(name)
            if role == .rawText {
                // Browsers ignore `/>` here too: `<script src=x />` still opens a script.
                return skipRawText(named: name, from: tagEnd)
            }
            collector.start(name, role: role, selfClosing: selfClosing)
            return tagEnd
        default:
            if !collector.isSkipping { collector.appendLiteralLessThan() }
            return next
        }
    }

    /// Lowercased tag name; names longer than any we know are returned empty so
    /// they match no role.
    private func readName(from start: Int) -> (String, Int) {
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if UTF8Bytes.isWhitespace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { break }
            end += 1
        }
        guard end - start <= 16 else { return ("", end) }
        var lowered: [UInt8] = []
        lowered.reserveCapacity(end - start)
        for byte in bytes[start..<end] { lowered.append(ByteSearch.lowercased(byte)) }
        return (String(decoding: lowered, as: UTF8.self), end)
    }

    /// Skips to the end of the start tag; a `>` inside a quoted value does not end it.
    private mutating func skipAttributes(from start: Int) -> (end: Int, selfClosing: Bool) {
        var position = start
        var previousSignificant: UInt8 = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") {
                return (position + 1, previousSignificant == UInt8(ascii: "/"))
            }
            if (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) && previousSignificant == UInt8(ascii: "="),
               let close = closingQuote(byte, after: position) {
                position = close + 1
                previousSignificant = byte
                continue
            }
            if !UTF8Bytes.isWhitespace(byte) { previousSignificant = byte }
            position += 1
        }
        return (bytes.count, false)
    }

    private mutating func closingQuote(_ quote: UInt8, after position: Int) -> Int? {
        let knownAbsentFrom = quote == UInt8(ascii: "\"") ? noDoubleQuoteFrom : noSingleQuoteFrom
        guard position + 1 < knownAbsentFrom else { return nil }
        var index = position + 1
        while index < bytes.count {
            if bytes[index] == quote { return index }
            index += 1
        }
        if quote == UInt8(ascii: "\"") { noDoubleQuoteFrom = position + 1 } else { noSingleQuoteFrom = position + 1 }
        return nil
    }

    private func skipRawText(named name: String, from start: Int) -> Int {
        let closingTag = Array("</\(name)".utf8)
        guard let close = ByteSearch.firstIndex(of: closingTag, in: bytes, from: start, ignoringASCIICase: true) else {
            return bytes.count
        }
        return afterNext(UInt8(ascii: ">"), from: close + closingTag.count)
    }

    private func afterNext(_ target: UInt8, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == target { return index + 1 }
            index += 1
        }
        return bytes.count
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        let lowered = byte | 0x20
        return lowered >= UInt8(ascii: "a") && lowered <= UInt8(ascii: "z")
    }
}
