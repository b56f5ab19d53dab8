/// JSON (one pretty-printed array) and JSON Lines (one compact object per line). Each row
/// is an object keyed by column id, members in column order.
struct JSONTableRenderer: TableRendering {
    let table: DataTable
    let linePerRecord: Bool
    let serializer: JSONSerializer

    init(table: DataTable, linePerRecord: Bool, htmlSafe: Bool) {
        self.table = table
        self.linePerRecord = linePerRecord
        self.serializer = JSONSerializer(layout: linePerRecord ? .compact : .pretty, htmlSafe: htmlSafe)
    }

    func appendHeader(to out: inout [UInt8]) {
        if !linePerRecord { out.append(UInt8(ascii: "[")) }
    }

    func appendRow(_ cells: [DataTable.Cell], at index: Int, to out: inout [UInt8]) {
        let record = JSONValue.object(zip(table.columns, cells).map { ($0.id, Self.jsonValue(of: $1)) })
        if linePerRecord {
            serializer.append(record, to: &out)
            out.append(UInt8(ascii: "\n"))
        } else {
            out.appendUTF8(index == 0 ? "\n  " : ",\n  ")
            serializer.append(record, to: &out, indentLevel: 1)
        }
    }

    func appendFooter(to out: inout [UInt8]) {
        guard !linePerRecord else { return }
        out.appendUTF8(table.rows.isEmpty ? "]\n" : "\n]\n")
    }

    /// A number is written rounded to its display decimals, so the JSON agrees with the
    /// CSV of the same table, and as a shortest double, so 0.50 reads back as 0.5.
    static func jsonValue(of cell: DataTable.Cell) -> JSONValue {
        switch cell {
        case .text(let text): return .string(text)
        case .integer(let value): return .int(value)
        case .number(let value, let decimals):
            guard value.isFinite, let rounded = Double(DecimalText.fixed(value, decimals: decimals)) else { return .null }
            return .double(rounded)
        case .empty: return .null
        }
    }
}
