/// Recognises what a file is from its first bytes; the name is only a fallback,
/// because users save PDFs as `.txt` and web pages without an extension.
enum FormatSniffing {
    enum Container {
        case pdf, zip, legacyOffice, rtf
    }

    static func container(of bytes: [UInt8]) -> Container? {
        // Readers accept junk before the header as long as it is in the first KB.
        let hasPDFHeader = bytes.withUnsafeBufferPointer {
            ByteSearch.firstIndex(of: pdfHeader, in: UnsafeBufferPointer(rebasing: $0.prefix(1024)), from: 0) != nil
        }
        if hasPDFHeader { return .pdf }
        if bytes.starts(with: ZipDirectory.localHeaderSignature)
            || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .legacyOffice }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return .rtf }
        return nil
    }

    /// A saved web page: starts with markup and declares itself HTML early on.
    /// Requiring the leading `<` keeps a Markdown file that merely mentions
    /// `<html>` in its first lines from being taken for a page.
    static func looksLikeHTMLPage(_ utf8: [UInt8]) -> Bool {
        guard let start = utf8.firstIndex(where: { !UTF8Bytes.isWhitespace($0) }), utf8[start] == UInt8(ascii: "<") else {
            return false
        }
        let head = Array(utf8[start..<min(utf8.count, start + 1024)])
        if ByteSearch.firstIndex(of: Array("<!doctype html".utf8), in: head, from: 0, ignoringASCIICase: true) != nil {
            return true
        }
        var from = 0
        while let found = ByteSearch.firstIndex(of: Array("<html".utf8), in: head, from: from, ignoringASCIICase: true) {
            let after = found + 5
            if after == head.count || head[after] == UInt8(ascii: ">") || UTF8Bytes.isWhitespace(head[after]) { return true }
            from = after
        }
        return false
    }

    private static let pdfHeader = Array("%PDF-".utf8)

    /// The lowercased extension of the last path component, without the dot.
    static func fileExtension(of name: String) -> String {
        // Worked out on bytes for ASCII names (splitting into `Character`s cost more than
        // reading a small document), in the string's own buffer (its `utf8` view cost a
        // few thousand instructions a name); other names may hold a "." or "/" that a
        // combining mark makes part of another character, so they are split as characters.
        let fromBytes: String? = name.withUTF8Bytes { utf8 in
            guard !utf8.contains(where: { $0 >= 0x80 }) else { return nil }
            let componentStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
            guard let dot = utf8[componentStart...].lastIndex(of: UInt8(ascii: ".")), dot != componentStart else { return "" }
            return String(decoding: utf8[(dot + 1)...].map(ByteSearch.lowercased), as: UTF8.self)
        }
        return fromBytes ?? characterExtension(of: name)
    }

    private static func characterExtension(of name: String) -> String {
        let lastComponent = name.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = lastComponent.lastIndex(of: "."), dot != lastComponent.startIndex else { return "" }
        return lastComponent[lastComponent.index(after: dot)...].lowercased()
    }
}
