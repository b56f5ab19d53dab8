/// CSV (RFC 4180) and TSV. The header row holds the column ids, which are what R and
/// pandas use as column names.
struct DelimitedTableRenderer: TableRendering {
    enum Dialect {
        case csv(byteOrderMark: Bool)
        /// Tab-separated has no quoting convention, so cells are cleaned instead of quoted.
        case tsv
    }

    let table: DataTable
    let dialect: Dialect
    let neutraliseFormulas: Bool

    private var separator: UInt8 {
        if case .tsv = dialect { return UInt8(ascii: "\t") }
        return UInt8(ascii: ",")
    }

    private var lineEnd: StaticString {
        // RFC 4180 prescribes CRLF; TSV is read by Unix tools that expect LF.
        if case .tsv = dialect { return "\n" }
        return "\r\n"
    }

    func appendHeader(to out: inout [UInt8]) {
        if case .csv(byteOrderMark: true) = dialect { out += [0xEF, 0xBB, 0xBF] }
        appendRecord(table.columns.map { .text($0.id) }, to: &out)
    }

    func appendRow(_ cells: [DataTable.Cell], at index: Int, to out: inout [UInt8]) {
        appendRecord(cells, to: &out)
    }

    private func appendRecord(_ cells: [DataTable.Cell], to out: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { out.append(separator) }
            if case .text(let text) = cell {
                text.withUTF8Bytes { appendTextField($0, to: &out) }
            } else if case .integer(let value) = cell {
                out.appendDecimal(value)
            } else if let number = cell.numberText {
                out.appendUTF8(number)
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(start: lineEnd.utf8Start, count: lineEnd.utf8CodeUnitCount))
    }

    private func appendTextField(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let apostrophe = neutraliseFormulas && Self.startsFormula(bytes)
        switch dialect {
        case .tsv:
            if apostrophe { out.append(UInt8(ascii: "'")) }
            ExportBytes.appendOnOneLine(bytes, to: &out) { $0 == UInt8(ascii: "\t") ? " " : nil }
        case .csv:
            let quoted = Self.needsQuotes(bytes, afterApostrophe: apostrophe)
            if quoted { out.append(UInt8(ascii: "\"")) }
            if apostrophe { out.append(UInt8(ascii: "'")) }
            if quoted {
                ExportBytes.appendReplacing(bytes, to: &out) { $0 == UInt8(ascii: "\"") ? "\"\"" : nil }
                out.append(UInt8(ascii: "\""))
            } else {
                out.append(contentsOf: bytes)
            }
        }
    }

    /// Spreadsheets evaluate a cell typed as = + - @ as a formula, and some strip a leading
    /// tab or CR first (OWASP "CSV injection"). The apostrophe makes Excel and LibreOffice
    /// show the text literally.
    private static func startsFormula(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"),
            UInt8(ascii: "\t"), UInt8(ascii: "\r"):
            return true
        default:
            return false
        }
    }

    /// Separators, quotes and line breaks must be quoted; leading and trailing blanks are
    /// quoted as well because several readers (and Excel) trim unquoted ones. Behind an
    /// apostrophe the first byte is no longer leading.
    private static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>, afterApostrophe: Bool) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if (!afterApostrophe && isBlank(first)) || isBlank(last) { return true }
        return bytes.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: "\n")
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
