/// Tests on sixteen bytes at once, for the reader's and the segmenter's passes over whole
/// texts. The comparisons used are plain SSE2 on x86-64 (and NEON on ARM), so every build
/// has them.
enum ByteVectors {
    typealias Lanes = SIMD16<UInt8>
    typealias Mask = SIMDMask<SIMD16<Int8>>

    /// The sixteen bytes at `offset` of `base`, which must hold them all.
    @inline(__always)
    static func load(_ base: UnsafeRawPointer, at offset: Int) -> Lanes {
        base.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
    }

    /// Whether some lane of `mask` is set. Read as two words, because the standard
    /// library's `any` is not inlined and cost more than the test itself.
    @inline(__always)
    static func any(_ mask: Mask) -> Bool {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }

    /// The set lanes of `mask` as 0x01 bytes in two machine words, lanes 0-7 in the first:
    /// the words say at once whether any lane is set and, by their trailing zeros, which
    /// is first (the generic `any` compiles to a slow lane-by-lane minimum; lanes of 1, not
    /// 0xFF, spare the compiler widening the comparison results again).
    @inline(__always)
    static func laneFlags(_ mask: Mask) -> (UInt64, UInt64) {
        unsafeBitCast(Lanes(repeating: 0).replacing(with: 1, where: mask), to: (UInt64, UInt64).self)
    }

    /// The first lane flagged in `flags` (see `laneFlags`), or nil when none is.
    @inline(__always)
    static func firstFlagged(_ flags: (UInt64, UInt64)) -> Int? {
        if flags.0 != 0 { return flags.0.trailingZeroBitCount / 8 }
        if flags.1 != 0 { return 8 + flags.1.trailingZeroBitCount / 8 }
        return nil
    }

    /// Whether one of the 64 bytes at `offset` of `base` is NUL or not ASCII: read as
    /// signed numbers, exactly those are below 1.
    @inline(__always)
    static func hasNulOrHighByte(in base: UnsafeRawPointer, at offset: Int) -> Bool {
        let one = SIMD16<Int8>(repeating: 1)
        func below(_ part: Int) -> Mask {
            base.loadUnaligned(fromByteOffset: offset + 16 * part, as: SIMD16<Int8>.self) .< one
        }
        return any(below(0) .| below(1) .| below(2) .| below(3))
    }
}

/// Tests on the eight bytes of a machine word at once. Each answers exactly whether some
/// byte qualifies (the borrows that make the classic tricks overcount only ever spread
/// from a byte that does qualify).
enum SWAR {
    private static var ones: UInt64 { 0x0101_0101_0101_0101 }
    static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// The eight bytes at `offset` of `base` as a word, the first byte lowest, whatever their
    /// alignment. Loaded as eight lanes, which the compiler inlines: `loadUnaligned` as a
    /// `UInt64` was left as a call inside the segmenter's scan loop, for every line.
    @inline(__always)
    static func word(_ base: UnsafeRawPointer, at offset: Int) -> UInt64 {
        UInt64(littleEndian: unsafeBitCast(base.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt8>.self), to: UInt64.self))
    }

    /// Some byte of `word` is below `limit`, which must be at most 0x80.
    @inline(__always)
    static func hasByteBelow(_ limit: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highBits != 0
    }

    /// Some byte of `word` equals `byte`.
    @inline(__always)
    static func hasByte(_ byte: UInt8, in word: UInt64) -> Bool {
        hasByteBelow(1, in: word ^ (ones &* UInt64(byte)))
    }

    /// The eight bytes at `offset` of `buffer`, the first byte lowest; past the end of the
    /// buffer, `padding` stands in for the missing bytes.
    @inline(__always)
    static func word(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int, padding: UInt8) -> UInt64 {
        if offset &+ 8 <= buffer.count, let base = UnsafeRawPointer(buffer.baseAddress) { return word(base, at: offset) }
        var packed = ones &* UInt64(padding)
        for index in offset..<buffer.count {
            let shift = UInt64(8 * (index - offset))
            packed = packed & ~(0xFF << shift) | UInt64(buffer[index]) << shift
        }
        return packed
    }

    /// The high bit of every byte of `word` below `limit` (at most 0x80), and no other
    /// bit: exact for each byte, unlike `hasByteBelow`, so that the bits can be counted.
    @inline(__always)
    static func bytes(below limit: UInt8, in word: UInt64) -> UInt64 {
        // The low seven bits of a byte plus 0x80 - limit reach the high bit exactly when
        // they are at least `limit`, and never carry into the next byte.
        let atLeastLimit = (word & ~highBits) &+ ones &* UInt64(0x80 &- limit)
        return ~(word | atLeastLimit) & highBits
    }

    /// The high bit of every byte of `word` equal to `byte`, and no other bit.
    @inline(__always)
    static func bytes(equalTo byte: UInt8, in word: UInt64) -> UInt64 {
        bytes(below: 1, in: word ^ (ones &* UInt64(byte)))
    }
}
