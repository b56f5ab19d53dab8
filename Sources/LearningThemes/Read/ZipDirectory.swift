/// Lists the member names of a zip archive from its central directory, so a Word
/// document can be told from any other zip without running `unzip`.
enum ZipDirectory {
    static let localHeaderSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    /// Whether the archive holds `member`. Falls back to looking for the name's
    /// bytes when the directory is unreadable (a truncated download), since the
    /// local headers still carry the names.
    static func contains(_ member: String, in archive: [UInt8]) -> Bool {
        if let names = memberNames(archive) { return names.contains(member) }
        return ByteSearch.firstIndex(of: Array(member.utf8), in: archive, from: 0) != nil
    }

    /// nil when there is no intact end-of-central-directory record.
    static func memberNames(_ archive: [UInt8]) -> [String]? {
        guard let end = endOfCentralDirectory(archive) else { return nil }
        let entryCount = Int(uint16(archive, end + 10))
        var offset = Int(uint32(archive, end + 16))
        var names: [String] = []
        for _ in 0..<entryCount {
            guard offset + 46 <= archive.count,
                  archive[offset..<offset + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02]) else { return nil }
            let nameLength = Int(uint16(archive, offset + 28))
            let extraLength = Int(uint16(archive, offset + 30))
            let commentLength = Int(uint16(archive, offset + 32))
            let nameStart = offset + 46
            guard nameStart + nameLength <= archive.count else { return nil }
            names.append(String(decoding: archive[nameStart..<nameStart + nameLength], as: UTF8.self))
            offset = nameStart + nameLength + extraLength + commentLength
        }
        return names
    }

    /// The record sits at the very end, after an optional comment of up to 64 KB.
    private static func endOfCentralDirectory(_ archive: [UInt8]) -> Int? {
        guard archive.count >= 22 else { return nil }
        let lowest = max(0, archive.count - 22 - 0xFFFF)
        var position = archive.count - 22
        while position >= lowest {
            if archive[position] == 0x50 && archive[position + 1] == 0x4B
                && archive[position + 2] == 0x05 && archive[position + 3] == 0x06 {
                return position
            }
            position -= 1
        }
        return nil
    }

    private static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(uint16(bytes, offset)) | UInt32(uint16(bytes, offset + 2)) << 16
    }
}
