/// Character references in HTML text. Only the named ones that turn up in
/// council and partnership pages are known; any other `&name;` stays literal,
/// which is what a reader would see on a page whose author mistyped one.
enum HTMLEntities {
    static let named: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27,
        "nbsp": 0xA0, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009,
        "zwnj": 0x200C, "zwj": 0x200D, "lrm": 0x200E, "rlm": 0x200F, "shy": 0xAD,
        "ndash": 0x2013, "mdash": 0x2014, "minus": 0x2212, "hyphen": 0x2010,
        "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A,
        "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E,
        "laquo": 0xAB, "raquo": 0xBB, "lsaquo": 0x2039, "rsaquo": 0x203A,
        "hellip": 0x2026, "bull": 0x2022, "middot": 0xB7, "prime": 0x2032,
        "dagger": 0x2020, "Dagger": 0x2021, "sect": 0xA7, "para": 0xB6,
        "pound": 0xA3, "euro": 0x20AC, "cent": 0xA2, "yen": 0xA5, "dollar": 0x24,
        "copy": 0xA9, "reg": 0xAE, "trade": 0x2122,
        "deg": 0xB0, "plusmn": 0xB1, "times": 0xD7, "divide": 0xF7, "percnt": 0x25,
        "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE,
        "sup2": 0xB2, "sup3": 0xB3, "ordm": 0xBA, "ordf": 0xAA,
        "larr": 0x2190, "rarr": 0x2192, "uarr": 0x2191, "darr": 0x2193,
        "check": 0x2713, "iexcl": 0xA1, "iquest": 0xBF,
        "aacute": 0xE1, "agrave": 0xE0, "acirc": 0xE2, "auml": 0xE4, "aring": 0xE5,
        "eacute": 0xE9, "egrave": 0xE8, "ecirc": 0xEA, "euml": 0xEB,
        "iacute": 0xED, "igrave": 0xEC, "icirc": 0xEE, "iuml": 0xEF,
        "oacute": 0xF3, "ograve": 0xF2, "ocirc": 0xF4, "ouml": 0xF6, "oslash": 0xF8,
        "uacute": 0xFA, "ugrave": 0xF9, "ucirc": 0xFB, "uuml": 0xFC,
        "ccedil": 0xE7, "ntilde": 0xF1, "szlig": 0xDF,
        "Eacute": 0xC9, "Ouml": 0xD6, "Uuml": 0xDC, "Auml": 0xC4,
    ]

    /// Old pages write these without the semicolon and browsers still honour it.
    private static let allowedWithoutSemicolon: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]
    /// The same names in order, sorted once rather than for every "&" that opens none
    /// ("R&D", "A&E").
    private static let allowedWithoutSemicolonInOrder = allowedWithoutSemicolon.sorted()

    /// Decodes the reference starting at the `&` at `index`, appending its UTF-8.
    /// Returns how many bytes it used, or nil when this `&` is just an ampersand.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, into output: inout [UInt8]) -> Int? {
        guard let (codePoint, length) = reference(bytes, at: index) else { return nil }
        UTF8Bytes.append(codePoint, to: &output)
        return length
    }

    /// The code point of the reference starting at the `&` at `index` and how many bytes
    /// it spans, or nil when this `&` is just an ampersand. Shared by the web-page reader
    /// and the segmenter (which meets references in HTML fragments inside text).
    static func reference(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (codePoint: UInt32, length: Int)? {
        var position = index + 1
        guard position < bytes.count else { return nil }
        if bytes[position] == UInt8(ascii: "#") {
            return numeric(bytes, from: index)
        }
        let nameStart = position
        while position < bytes.count, position - nameStart < 32, isAlphanumeric(bytes[position]) { position += 1 }
        guard position > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<position], as: UTF8.self)
        let hasSemicolon = position < bytes.count && bytes[position] == UInt8(ascii: ";")
        if let codePoint = named[name], hasSemicolon || allowedWithoutSemicolon.contains(name) {
            return (codePoint, position - index + (hasSemicolon ? 1 : 0))
        }
        // Browsers also read `&copy2024` as "©2024": a legacy name followed by more
        // letters or digits. With a semicolon it is a longer name we do not know.
        guard !hasSemicolon else { return nil }
        for legacy in allowedWithoutSemicolonInOrder where name.count > legacy.count && name.hasPrefix(legacy) {
            return (named[legacy] ?? 0xFFFD, 1 + legacy.utf8.count)
        }
        return nil
    }

    /// `&#8217;` and `&#x2019;`. Like browsers: 0x80-0x9F mean their Windows-1252
    /// characters (pages converted from Word are full of `&#146;`), and NUL,
    /// surrogates or values past Unicode become U+FFFD.
    private static func numeric(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> (codePoint: UInt32, length: Int)? {
        var position = index + 2
        var isHex = false
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "x") {
            isHex = true
            position += 1
        }
        let digitsStart = position
        var value: UInt32 = 0
        while position < bytes.count, let digit = digitValue(bytes[position], hex: isHex) {
            value = min(value * (isHex ? 16 : 10) + digit, 0x110000)
            position += 1
        }
        guard position > digitsStart else { return nil }
        if position < bytes.count, bytes[position] == UInt8(ascii: ";") { position += 1 }
        switch value {
        case 0, 0xD800...0xDFFF, 0x110000...: return (0xFFFD, position - index)
        case 0x80...0x9F: return (Windows1252.codePoint(of: UInt8(value)), position - index)
        default: return (value, position - index)
        }
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= 0x30 && byte <= 0x39)
    }
}
