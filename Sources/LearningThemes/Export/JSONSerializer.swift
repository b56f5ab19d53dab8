/// Writes `JSONValue`s as UTF-8 bytes, deterministically: the same value always gives the
/// same bytes, so exports can be diffed and checksummed between runs.
public struct JSONSerializer: Sendable {
    public enum Layout: Sendable {
        /// One line and no spaces: one record per line in JSON Lines.
        case compact
        /// Two-space indentation, one member per line, for people and diffs.
        case pretty
    }

    public var layout: Layout
    /// Also escape `<`, `>`, `&`, U+2028 and U+2029 so the output can sit inside an HTML
    /// `<script type="application/json">` without closing it or being read as markup.
    public var htmlSafe: Bool

    public init(layout: Layout = .compact, htmlSafe: Bool = false) {
        self.layout = layout
        self.htmlSafe = htmlSafe
    }

    /// The value's bytes, without a trailing newline.
    public func serialize(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        append(value, to: &out)
        return out
    }

    public func string(for value: JSONValue) -> String {
        String(decoding: serialize(value), as: UTF8.self)
    }

    /// Appends the value as if it were nested `indentLevel` levels deep, so callers can
    /// stream the elements of a large array one at a time.
    public func append(_ value: JSONValue, to out: inout [UInt8], indentLevel: Int = 0) {
        switch value {
        case .null: out.appendUTF8("null")
        case .bool(let flag): out.appendUTF8(flag ? "true" : "false")
        case .int(let number): out.appendDecimal(number)
        // JSON has no NaN or infinity; null is what JavaScript's JSON.stringify writes too.
        case .double(let number): out.appendUTF8(number.isFinite ? DecimalText.shortest(number) : "null")
        case .string(let text): appendString(text, to: &out)
        case .array(let elements):
            appendContainer(elements, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), to: &out, indentLevel: indentLevel) {
                element, out in append(element, to: &out, indentLevel: indentLevel + 1)
            }
        case .object(let members):
            appendContainer(members, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), to: &out, indentLevel: indentLevel) {
                member, out in
                appendString(member.0, to: &out)
                out.append(UInt8(ascii: ":"))
                if layout == .pretty { out.append(UInt8(ascii: " ")) }
                append(member.1, to: &out, indentLevel: indentLevel + 1)
            }
        }
    }

    private func appendContainer<Element>(
        _ elements: [Element], open: UInt8, close: UInt8, to out: inout [UInt8], indentLevel: Int,
        appendElement: (Element, inout [UInt8]) -> Void
    ) {
        out.append(open)
        for (index, element) in elements.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendLineBreak(to: &out, indentLevel: indentLevel + 1)
            appendElement(element, &out)
        }
        if !elements.isEmpty { appendLineBreak(to: &out, indentLevel: indentLevel) }
        out.append(close)
    }

    private func appendLineBreak(to out: inout [UInt8], indentLevel: Int) {
        guard layout == .pretty else { return }
        out.append(UInt8(ascii: "\n"))
        out.appendSpaces(2 * indentLevel)
    }

    /// A quoted JSON string (RFC 8259 section 7). Non-ASCII text stays as UTF-8: every JSON
    /// reader accepts it and it keeps files small and readable.
    public func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        text.withUTF8Bytes { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var consumed = 1
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x00..<0x20:
                    break
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                    guard htmlSafe else { index += 1; continue }
                case 0xE2:
                    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
                    guard htmlSafe, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                        bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
                    else { index += 1; continue }
                    consumed = 3
                default:
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                if consumed == 3 {
                    out.appendUTF8(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                } else {
                    Self.appendEscape(for: byte, to: &out)
                }
                index += consumed
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendEscape(for byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out.appendUTF8("\\\"")
        case UInt8(ascii: "\\"): out.appendUTF8("\\\\")
        case UInt8(ascii: "\n"): out.appendUTF8("\\n")
        case UInt8(ascii: "\r"): out.appendUTF8("\\r")
        case UInt8(ascii: "\t"): out.appendUTF8("\\t")
        case 0x08: out.appendUTF8("\\b")
        case 0x0C: out.appendUTF8("\\f")
        default:
            out.appendUTF8("\\u00")
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
    }
}
