/// A complete UTF-8 page with one table: it opens offline in any browser, needs no
/// external style or script, and shows each column's id as a tooltip on its label.
struct HTMLTableRenderer: TableRendering {
    let table: DataTable
    private let numericColumns: [Bool]

    init(table: DataTable) {
        self.table = table
        self.numericColumns = table.columns.indices.map { table.isNumericColumn($0) }
    }

    private static let style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:1.5em}
        table{border-collapse:collapse}
        th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top;white-space:pre-wrap}
        thead th{background:#f2f2f2;position:sticky;top:0}
        .number{text-align:right;font-variant-numeric:tabular-nums}
        """

    func appendHeader(to out: inout [UInt8]) {
        out.appendUTF8("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        HTMLEscaping.appendText(table.title ?? "Table", to: &out)
        out.appendUTF8("</title>\n<style>\n\(Self.style)\n</style>\n</head>\n<body>\n<table>\n<thead>\n<tr>")
        for (index, column) in table.columns.enumerated() {
            out.appendUTF8("<th scope=\"col\" title=\"")
            HTMLEscaping.appendAttribute(column.id, to: &out)
            out.appendUTF8(numericColumns[index] ? "\" class=\"number\">" : "\">")
            HTMLEscaping.appendText(column.label, to: &out)
            out.appendUTF8("</th>")
        }
        out.appendUTF8("</tr>\n</thead>\n<tbody>\n")
    }

    func appendRow(_ cells: [DataTable.Cell], at index: Int, to out: inout [UInt8]) {
        out.appendUTF8("<tr>")
        for cell in cells {
            switch cell {
            case .text(let text):
                out.appendUTF8("<td>")
                HTMLEscaping.appendText(text, to: &out)
            case .integer, .number:
                out.appendUTF8("<td class=\"number\">")
                out.appendUTF8(cell.numberText ?? "")
            case .empty:
                out.appendUTF8("<td>")
            }
            out.appendUTF8("</td>")
        }
        out.appendUTF8("</tr>\n")
    }

    func appendFooter(to out: inout [UInt8]) {
        out.appendUTF8("</tbody>\n</table>\n</body>\n</html>\n")
    }
}
