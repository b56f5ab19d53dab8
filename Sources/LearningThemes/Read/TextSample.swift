/// What the start of a file tells before it is decoded, counted in one pass for the two
/// tests that read it: UTF-16 shows as zero bytes all on one side of each byte pair
/// (`UTF16Text.detect`), a binary file as NULs and control bytes (`looksBinary`).
struct TextSample {
    /// Both tests read at most this much: enough to tell, and cheap for a huge file.
    static let length = 8192

    /// Bytes the control counts cover: the first `length` or the whole file.
    let count: Int
    /// Byte pairs the zero counts cover (an odd last byte belongs to none).
    let pairs: Int
    private(set) var zerosAtEven = 0
    private(set) var zerosAtOdd = 0
    private(set) var nulBytes = 0
    /// C0 controls other than tab to carriage return and ESC, and DEL (`ControlBytes`).
    private(set) var controlBytes = 0

    init(_ bytes: [UInt8]) {
        count = min(bytes.count, Self.length)
        pairs = count / 2
        let count = self.count
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            var index = 0
            // Sixteen bytes at a time: a text's lines end in bytes below 0x20, but few
            // blocks hold one of the counted bytes, and only those are looked at byte by byte.
            // Four blocks are tested together first, as nearly all hold none.
            while index + 64 <= count {
                let masks = (Self.counted(ByteVectors.load(raw, at: index)), Self.counted(ByteVectors.load(raw, at: index + 16)),
                             Self.counted(ByteVectors.load(raw, at: index + 32)), Self.counted(ByteVectors.load(raw, at: index + 48)))
                if ByteVectors.any(masks.0 .| masks.1 .| masks.2 .| masks.3) {
                    for (block, mask) in [masks.0, masks.1, masks.2, masks.3].enumerated() where ByteVectors.any(mask) {
                        let start = index + 16 * block
                        for offset in start..<(start + 16) { add(buffer[offset], at: offset) }
                    }
                }
                index += 64
            }
            while index + 16 <= count {
                if ByteVectors.any(Self.counted(ByteVectors.load(raw, at: index))) {
                    for offset in index..<(index + 16) { add(buffer[offset], at: offset) }
                }
                index += 16
            }
            for offset in index..<count { add(buffer[offset], at: offset) }
        }
    }

    /// Text has at most a stray NUL or two and few control characters; anything else
    /// (images, executables, archives) would only feed garbage to the rules.
    var looksBinary: Bool { nulBytes > 4 || controlBytes * 10 > count }

    private mutating func add(_ byte: UInt8, at offset: Int) {
        if byte == 0, offset < 2 * pairs {
            if offset & 1 == 0 { zerosAtEven += 1 } else { zerosAtOdd += 1 }
        }
        ControlBytes.count(byte, &nulBytes, &controlBytes)
    }

    /// The lanes holding a NUL or a byte `ControlBytes.count` counts: below 0x20 but not
    /// tab to carriage return nor ESC, or DEL.
    @inline(__always)
    private static func counted(_ lanes: ByteVectors.Lanes) -> ByteVectors.Mask {
        let belowSpace = lanes .< ByteVectors.Lanes(repeating: 0x20)
        // Tab to carriage return are 9-13: subtracting 9 leaves them, alone, below 5.
        let textControl = (lanes &- ByteVectors.Lanes(repeating: 0x09)) .< ByteVectors.Lanes(repeating: 5)
            .| (lanes .== ByteVectors.Lanes(repeating: 0x1B))
        return belowSpace .& .!textControl .| (lanes .== ByteVectors.Lanes(repeating: 0x7F))
    }
}
