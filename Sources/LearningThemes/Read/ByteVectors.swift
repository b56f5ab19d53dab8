/// Tests on sixteen bytes at once, for the reader's passes over whole files. The
/// comparisons used are plain SSE2 on x86-64 (and NEON on ARM), so every build has them.
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
