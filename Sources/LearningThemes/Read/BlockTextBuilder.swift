/// Writes the block contract that converted formats (HTML, DOCX) hand to the
/// segmenter: one line per block, a blank line between blocks, Markdown markers
/// for headings and list items, TAB between table cells.
struct BlockTextBuilder {
    private(set) var output: [UInt8] = []

    mutating func addParagraph(_ text: [UInt8]) {
        addBlock(prefix: [], body: Self.singleLine(text))
    }

    mutating func addHeading(_ text: [UInt8], level: Int) {
        let hashes = [UInt8](repeating: UInt8(ascii: "#"), count: min(max(level, 1), 6))
        addBlock(prefix: hashes + [0x20], body: Self.singleLine(text))
    }

    mutating func addListItem(_ text: [UInt8]) {
        addBlock(prefix: [UInt8(ascii: "-"), 0x20], body: Self.singleLine(text))
    }

    /// Empty cells keep their place so columns still line up; a row with no text
    /// at all (spacer rows) is left out.
    mutating func addTableRow(_ cells: [[UInt8]]) {
        let cleaned = cells.map(Self.singleLine)
        guard cleaned.contains(where: { !$0.isEmpty }) else { return }
        addBlock(prefix: [], body: Array(cleaned.joined(separator: [0x09])))
    }

    private mutating func addBlock(prefix: [UInt8], body: [UInt8]) {
        guard !body.isEmpty else { return }
        if !output.isEmpty { output.append(0x0A) }
        output.append(contentsOf: prefix)
        output.append(contentsOf: body)
        output.append(0x0A)
    }

    /// Collapses every run of whitespace to one space and trims the ends. Tabs and
    /// line breaks must go because inside a block they would mean a table cell or
    /// a new block; no-break spaces are spaces to the reader; soft hyphens are
    /// invisible.
    static func singleLine(_ text: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var pendingSpace = false
        var index = 0
        text.withUnsafeBufferPointer { bytes in
            while index < bytes.count {
                let byte = bytes[index]
                var width = 1
                var isSpace = UTF8Bytes.isWhitespace(byte)
                if byte == 0xC2, index + 1 < bytes.count {
                    let next = bytes[index + 1]
                    if next == 0xAD { index += 2; continue }
                    if next == 0xA0 || next == 0x85 { isSpace = true; width = 2 }
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                          bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    isSpace = true
                    width = 3
                }
                if isSpace {
                    pendingSpace = !output.isEmpty
                } else {
                    if pendingSpace { output.append(0x20); pendingSpace = false }
                    output.append(contentsOf: bytes[index..<index + width])
                }
                index += width
            }
        }
        return output
    }
}
