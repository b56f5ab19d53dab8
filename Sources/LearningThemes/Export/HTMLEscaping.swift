/// Escaping for text placed into HTML we generate. Both forms escape all five of
/// & < > " ' so that text is safe whatever context a later edit moves it into.
public enum HTMLEscaping {
    /// Text content of an element.
    public static func text(_ text: String) -> String {
        var out: [UInt8] = []
        appendText(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A quoted attribute value. Tab, line feed and carriage return are written as character
    /// references too, because XML-based readers of the file would otherwise turn them into
    /// spaces (attribute-value normalisation).
    public static func attribute(_ text: String) -> String {
        var out: [UInt8] = []
        appendAttribute(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendText(_ text: String, to out: inout [UInt8]) {
        text.withUTF8Bytes { ExportBytes.appendReplacing($0, to: &out, replacement: markupReplacement) }
    }

    static func appendAttribute(_ text: String, to out: inout [UInt8]) {
        text.withUTF8Bytes { bytes in
            ExportBytes.appendReplacing(bytes, to: &out) { byte in
                switch byte {
                case UInt8(ascii: "\t"): return "&#9;"
                case UInt8(ascii: "\n"): return "&#10;"
                case UInt8(ascii: "\r"): return "&#13;"
                default: return markupReplacement(byte)
                }
            }
        }
    }

    @inline(__always)
    private static func markupReplacement(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "'"): return "&#39;"
        default: return nil
        }
    }
}
