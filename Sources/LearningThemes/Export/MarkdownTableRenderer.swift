/// A GitHub-flavoured Markdown pipe table headed by the column labels. A table without
/// columns renders as nothing, since GFM has no way to write one.
struct MarkdownTableRenderer: TableRendering {
    let table: DataTable
    private let numericColumns: [Bool]

    init(table: DataTable) {
        self.table = table
        self.numericColumns = table.columns.indices.map { table.isNumericColumn($0) }
    }

    func appendHeader(to out: inout [UInt8]) {
        guard !table.columns.isEmpty else { return }
        appendLine(table.columns.map { .text($0.label) }, to: &out)
        for isNumeric in numericColumns {
            out.appendUTF8(isNumeric ? "| ---: " : "| --- ")
        }
        out.appendUTF8("|\n")
    }

    func appendRow(_ cells: [DataTable.Cell], at index: Int, to out: inout [UInt8]) {
        guard !cells.isEmpty else { return }
        appendLine(cells, to: &out)
    }

    private func appendLine(_ cells: [DataTable.Cell], to out: inout [UInt8]) {
        for cell in cells {
            out.appendUTF8("| ")
            if case .text(let text) = cell {
                // A cell cannot span lines, and an unescaped pipe would end it early.
                text.withUTF8Bytes { bytes in
                    ExportBytes.appendOnOneLine(bytes, to: &out) { $0 == UInt8(ascii: "|") ? "\\|" : nil }
                }
            } else if let number = cell.numberText {
                out.appendUTF8(number)
            }
            out.append(UInt8(ascii: " "))
        }
        out.appendUTF8("|\n")
    }
}
