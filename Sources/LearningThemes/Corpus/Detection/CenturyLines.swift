import Foundation

extension MetadataDetector.DocumentText {
    /// Calls `body` with each line, in order, that holds "19" or "20" (as every year of
    /// 1900-2099 is written), given as its bytes without the line break, until `body`
    /// returns true. This is how a running title is looked for through a whole document:
    /// digits are looked for eight bytes at a time, and most words of prose hold none,
    /// so the lines that cannot name a year are passed over without being split out.
    func forEachLineWithCenturyDigits(_ body: (Range<Int>) -> Bool) {
        var offset = 0
        while let pair = nextCenturyDigits(from: offset) {
            let line = lineAround(pair)
            if body(line) { return }
            offset = line.upperBound + 1
        }
    }

    /// The 1-based number of the line starting at byte `start`, counting the line breaks
    /// before it when it lies past the numbered lines.
    func lineNumber(startingAt start: Int) -> Int {
        if let index = lineStarts.firstIndex(of: start) { return index + 1 }
        var number = lineStarts.count, offset = lineStarts[lineStarts.count - 1]
        bytes.withUnsafeBufferPointer { whole in
            let buffer = UnsafeBufferPointer(rebasing: whole[..<start])
            while let lineBreak = ByteSearch.offset(of: 0x0A, in: buffer, from: offset) {
                number += 1
                offset = lineBreak + 1
            }
        }
        return number
    }

    /// Where the next "19" or "20" at or after `start` begins.
    private func nextCenturyDigits(from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { whole -> Int? in
            let text = UnsafeBufferPointer(rebasing: whole[..<end])
            let raw = UnsafeRawBufferPointer(text)
            var offset = start
            while offset < text.count {
                if offset + 8 <= text.count, !Self.mayHaveDigit(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) {
                    offset += 8
                    continue
                }
                // A pair starting in this word is found here, even when it ends in the next.
                for position in offset..<min(offset + 8, text.count - 1) {
                    switch (text[position], text[position + 1]) {
                    case (UInt8(ascii: "1"), UInt8(ascii: "9")), (UInt8(ascii: "2"), UInt8(ascii: "0")): return position
                    default: continue
                    }
                }
                offset += 8
            }
            return nil
        }
    }

    /// Whether some byte of `word` is an ASCII digit. Exact: a byte below 0x80 is at
    /// least `n` when adding 0x80 - n sets its high bit, and no addition carries over.
    private static func mayHaveDigit(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low = word & ~high
        let fromZero = low &+ 0x5050_5050_5050_5050
        let pastNine = low &+ 0x4646_4646_4646_4646
        return fromZero & ~pastNine & ~word & high != 0
    }

    /// The line holding byte `offset`, without its line break.
    private func lineAround(_ offset: Int) -> Range<Int> {
        bytes.withUnsafeBufferPointer { whole in
            let text = UnsafeBufferPointer(rebasing: whole[..<end])
            var start = offset
            while start > 0, text[start - 1] != 0x0A { start -= 1 }
            return start..<(ByteSearch.offset(of: 0x0A, in: text, from: offset) ?? text.count)
        }
    }
}
