/// A piece of the report's markup. Literal parts of a template are markup we wrote;
/// every interpolated `String` is escaped. Document text and metadata can therefore only
/// reach the page as text, whichever section writes them, and there is deliberately no
/// way to turn an arbitrary String into markup.
struct HTML: ExpressibleByStringInterpolation, Sendable {
    private(set) var bytes: [UInt8]

    init() { bytes = [] }

    init(stringLiteral literal: StaticString) {
        bytes = []
        literal.withUTF8Buffer { bytes += $0 }
    }

    init(stringInterpolation: StringInterpolation) { bytes = stringInterpolation.bytes }

    static func += (markup: inout HTML, more: HTML) { markup.bytes += more.bytes }

    static func + (first: HTML, second: HTML) -> HTML {
        var joined = first
        joined += second
        return joined
    }

    /// Escapes `text`; for the highlighter, which splits paragraph text at marks.
    mutating func appendText(_ text: String) { HTMLEscaping.appendAttribute(text, to: &bytes) }

    /// Joins pieces of markup with a literal separator.
    static func joined(_ pieces: [HTML], separator: StaticString = "") -> HTML {
        var out = HTML()
        for (index, piece) in pieces.enumerated() {
            if index > 0 { separator.withUTF8Buffer { out.bytes += $0 } }
            out += piece
        }
        return out
    }

    struct StringInterpolation: StringInterpolationProtocol {
        typealias StringLiteralType = StaticString
        fileprivate var bytes: [UInt8] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + 24 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: StaticString) {
            literal.withUTF8Buffer { bytes += $0 }
        }

        /// Escaped with the attribute rules, which are also right for element text, so a
        /// value is safe whether the template puts it in an attribute or between tags.
        mutating func appendInterpolation(_ text: String) {
            HTMLEscaping.appendAttribute(text, to: &bytes)
        }

        mutating func appendInterpolation(_ markup: HTML) { bytes += markup.bytes }

        mutating func appendInterpolation(_ number: Int) { bytes.appendDecimal(number) }
    }
}
