/// Byte-building helpers shared by the writers. Exports are assembled as UTF-8 bytes
/// rather than Strings so that large tables are not re-validated and re-copied piecemeal.
extension Array where Element == UInt8 {
    /// From the string's own buffer: appending its `utf8` view went a byte at a time, at a
    /// few hundred instructions for every cell of a table.
    mutating func appendUTF8(_ text: String) {
        text.withUTF8Bytes { append(contentsOf: $0) }
    }

    /// Decimal digits without going through a String for every integer cell.
    /// The digits are written from the end of a scratch buffer (twenty hold any `Int`) and
    /// appended at once: appending them one by one and reversing cost ~300 instructions a cell.
    mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    mutating func appendSpaces(_ count: Int) {
        append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }
}

/// Byte-level text helpers for the writers, namespaced to keep module-wide names free.
enum ExportBytes {
    /// Appends `bytes` to `out`, replacing the bytes `replacement` maps to a non-nil value.
    /// Unchanged stretches are copied in one go, which is what keeps escaping cheap for the
    /// common case of text that needs no escaping at all.
    @inline(__always)
    static func appendReplacing(
        _ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8],
        replacement: (UInt8) -> StaticString?
    ) {
        var runStart = 0
        for index in 0..<bytes.count {
            guard let substitute = replacement(bytes[index]) else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            out.append(contentsOf: UnsafeBufferPointer(start: substitute.utf8Start, count: substitute.utf8CodeUnitCount))
            runStart = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// Like `appendReplacing`, for formats where a cell must stay on one line: CR LF, CR and
    /// LF each become a single space, so a Windows line break does not leave a double space.
    static func appendOnOneLine(
        _ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8],
        replacement: (UInt8) -> StaticString? = { _ in nil }
    ) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let isLineBreak = byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
            let substitute: StaticString? = isLineBreak ? " " : replacement(byte)
            guard let substitute else {
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            out.append(contentsOf: UnsafeBufferPointer(start: substitute.utf8Start, count: substitute.utf8CodeUnitCount))
            let isCRLF = byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")
            index += isCRLF ? 2 : 1
            runStart = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
}
