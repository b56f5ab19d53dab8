import Foundation

/// The few path operations listing a corpus makes for every file, with the answers of
/// `NSString`'s path methods. Those cost tens of thousands of instructions a call, as
/// much as reading a small document, so the common case (ASCII names, a plain folder
/// path) is worked out on bytes and only the rest is left to `NSString`.
enum PathNames {
    /// `folder` and a relative path below it as one path (`appendingPathComponent`).
    static func joining(_ folder: String, _ relative: String) -> String {
        guard !folder.isEmpty, !relative.isEmpty, relative.utf8.first != slash, relative.utf8.last != slash else {
            return (folder as NSString).appendingPathComponent(relative)
        }
        return folder.utf8.last == slash ? folder + relative : folder + "/" + relative
    }

    /// The extension of a file name, without its dot, lower-cased (`pathExtension`).
    static func lowercasedExtension(of name: String) -> String {
        let fromBytes: String? = name.withUTF8Bytes { utf8 in
            guard isPlainName(utf8), let dot = utf8.lastIndex(of: dotByte), dot != 0 else { return nil }
            return String(decoding: utf8[(dot + 1)...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return fromBytes ?? (name as NSString).pathExtension.lowercased()
    }

    /// The last component of `path` without its extension, the id of an unlisted document
    /// (`lastPathComponent` then `deletingPathExtension`).
    static func documentID(ofPath path: String) -> String {
        let fromBytes: String? = path.withUTF8Bytes { utf8 in
            let nameStart = utf8.lastIndex(of: slash).map { $0 + 1 } ?? 0
            let name = utf8[nameStart...]
            guard isPlainName(name), let dot = name.lastIndex(of: dotByte), dot != nameStart else { return nil }
            return String(decoding: name[..<dot], as: UTF8.self)
        }
        return fromBytes ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// ASCII, not empty, not ending in a dot, one component: a name whose extension is its
    /// text after the last dot.
    private static func isPlainName<Name: BidirectionalCollection<UInt8>>(_ name: Name) -> Bool {
        !name.isEmpty && name.last != dotByte && name.allSatisfy { $0 < 0x80 && $0 != slash }
    }

    private static let slash = UInt8(ascii: "/"), dotByte = UInt8(ascii: ".")
}
