/// Counts that are never negative, each stored in as few bytes as the largest of them
/// needs: one byte for nearly every document (fewer than 256 paragraphs with any one tag),
/// two or four for long ones. A corpus keeps a few hundred counts per document for all
/// of its run, so their size is most of what memory grows by per document.
struct CompactCounts: Sendable {
    /// The counts laid end to end, `1 << widthShift` bytes each, little-endian.
    private let storage: [UInt8]
    private let widthShift: UInt8

    init(_ counts: [Int32]) {
        let largest = counts.max() ?? 0
        let shift: UInt8 = largest <= Int32(UInt8.max) ? 0 : largest <= Int32(UInt16.max) ? 1 : 2
        var storage = [UInt8](repeating: 0, count: counts.count << Int(shift))
        storage.withUnsafeMutableBytes { bytes in
            // One loop per width, so the common one-byte case is a plain narrowing copy.
            switch shift {
            case 0:
                for (index, count) in counts.enumerated() { bytes.storeBytes(of: UInt8(truncatingIfNeeded: count), toByteOffset: index, as: UInt8.self) }
            case 1:
                for (index, count) in counts.enumerated() {
                    bytes.storeBytes(of: UInt16(truncatingIfNeeded: count).littleEndian, toByteOffset: index << 1, as: UInt16.self)
                }
            default:
                for (index, count) in counts.enumerated() {
                    bytes.storeBytes(of: UInt32(truncatingIfNeeded: count).littleEndian, toByteOffset: index << 2, as: UInt32.self)
                }
            }
        }
        self.storage = storage
        widthShift = shift
    }

    subscript(index: Int) -> Int {
        storage.withUnsafeBytes { bytes in
            switch widthShift {
            case 0: Int(bytes[index])
            case 1: Int(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: index << 1, as: UInt16.self)))
            default: Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index << 2, as: UInt32.self)))
            }
        }
    }
}
