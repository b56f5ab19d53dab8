import Foundation

extension MetadataDetector.DocumentText {
    /// Calls `body` with each line, in order, that holds "19" or "20" (as every year of
    /// 1900-2099 is written), given as its bytes without the line break, until `body`
    /// returns true. This is how a running title is looked for through a whole document:
    /// the pairs are looked for sixteen bytes at a time, and most of prose holds none,
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
        let counted = bytes.withUnsafeBufferPointer { whole in
            Self.lineBreaks(in: UnsafeBufferPointer(rebasing: whole[lineStarts[lineStarts.count - 1]..<start]))
        }
        return lineStarts.count + counted
    }

    /// How many line breaks `text` holds, counted sixteen bytes at a time: a running title
    /// may lie thousands of short lines into a document. Each lane counts its own line
    /// breaks, and the lanes are added up before any can pass 255.
    private static func lineBreaks(in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = UnsafeRawPointer(text.baseAddress) else { return 0 }
        typealias Lanes = ByteVectors.Lanes
        let lineBreak = Lanes(repeating: 0x0A)
        var count = 0, offset = 0
        while offset + Lanes.scalarCount <= text.count {
            var lanes = Lanes(repeating: 0)
            let stop = min(text.count - Lanes.scalarCount, offset + 254 * Lanes.scalarCount)
            while offset <= stop {
                // A lane of a true comparison is all ones, so subtracting it adds one.
                lanes &-= unsafeBitCast(ByteVectors.load(base, at: offset) .== lineBreak, to: Lanes.self)
                offset += Lanes.scalarCount
            }
            let words = unsafeBitCast(lanes, to: (UInt64, UInt64).self)
            let pairs: UInt64 = 0x00FF_00FF_00FF_00FF
            let sums = (words.0 & pairs) + (words.0 >> 8 & pairs) + (words.1 & pairs) + (words.1 >> 8 & pairs)
            count += Int(truncatingIfNeeded: (sums &* 0x0001_0001_0001_0001) >> 48)
        }
        for byte in text[offset...] where byte == 0x0A { count += 1 }
        return count
    }

    /// Where the next "19" or "20" at or after `start` begins. Sixteen positions are
    /// tested at once, each byte against the one after it: most of a document holds neither.
    private func nextCenturyDigits(from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { whole -> Int? in
            let text = UnsafeBufferPointer(rebasing: whole[..<end])
            guard let base = UnsafeRawPointer(text.baseAddress) else { return nil }
            let one = ByteVectors.Lanes(repeating: UInt8(ascii: "1")), nine = ByteVectors.Lanes(repeating: UInt8(ascii: "9"))
            let two = ByteVectors.Lanes(repeating: UInt8(ascii: "2")), zero = ByteVectors.Lanes(repeating: UInt8(ascii: "0"))
            let width = ByteVectors.Lanes.scalarCount
            var offset = start
            // The byte after the last position tested is loaded too, so it must be in the text.
            while offset + width + 1 <= text.count {
                // Sixty-four positions are first passed over when no byte after them is a
                // "0" or "9" (nor, by the one mask that tests both, a "1" or "8"): digits are
                // rare in prose, and the test costs a third of looking for the pairs.
                if offset + 4 * width + 1 <= text.count {
                    let mayEndPair = Self.mayBeZeroOrNine(ByteVectors.load(base, at: offset + 1))
                        .| Self.mayBeZeroOrNine(ByteVectors.load(base, at: offset + width + 1))
                        .| Self.mayBeZeroOrNine(ByteVectors.load(base, at: offset + 2 * width + 1))
                        .| Self.mayBeZeroOrNine(ByteVectors.load(base, at: offset + 3 * width + 1))
                    if !ByteVectors.any(mayEndPair) {
                        offset += 4 * width
                        continue
                    }
                }
                let chunk = ByteVectors.load(base, at: offset), following = ByteVectors.load(base, at: offset + 1)
                let pairs = (chunk .== one .& following .== nine) .| (chunk .== two .& following .== zero)
                if let lane = ByteVectors.firstFlagged(ByteVectors.laneFlags(pairs)) { return offset + lane }
                offset += width
            }
            while offset + 1 < text.count {
                switch (text[offset], text[offset + 1]) {
                case (UInt8(ascii: "1"), UInt8(ascii: "9")), (UInt8(ascii: "2"), UInt8(ascii: "0")): return offset
                default: offset += 1
                }
            }
            return nil
        }
    }

    /// The lanes holding "0", "1", "8" or "9": clearing the bits that tell those apart
    /// leaves "0" (0x30) for each of them and for no other byte.
    @inline(__always)
    private static func mayBeZeroOrNine(_ lanes: ByteVectors.Lanes) -> ByteVectors.Mask {
        lanes & ByteVectors.Lanes(repeating: 0xF6) .== ByteVectors.Lanes(repeating: 0x30)
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
