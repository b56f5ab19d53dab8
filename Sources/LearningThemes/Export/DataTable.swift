/// A rectangular table ready to export: what a theme matrix or a per-paragraph listing
/// becomes before it is written as CSV, JSON, Markdown or HTML.
public struct DataTable: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        /// Machine name: the CSV header, the JSON key, the R/pandas column name.
        public var id: String
        /// Human heading for Markdown and HTML.
        public var label: String

        public init(id: String, label: String? = nil) {
            self.id = id
            self.label = label ?? id
        }
    }

    /// One value. Numbers stay typed so that formats with number types (JSON) write
    /// numbers, and so that formula neutralisation in CSV/TSV never touches them.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case integer(Int)
        /// `decimals` is how many fraction digits the text formats show; JSON writes the
        /// value rounded to that many digits. NaN and infinities are written as missing.
        case number(Double, decimals: Int)
        case empty

        /// The text formats' spelling of a number, or nil for text and missing values.
        var numberText: String? {
            switch self {
            case .integer(let value): return String(value)
            case .number(let value, let decimals) where value.isFinite:
                return DecimalText.fixed(value, decimals: decimals)
            default: return nil
            }
        }
    }

    /// Used as the HTML title; other formats have nowhere to put it.
    public var title: String?
    public private(set) var columns: [Column]
    public private(set) var rows: [[Cell]]

    /// Column ids must be unique (they become JSON keys) and every row must have one cell
    /// per column; breaking either is a bug in the caller, so it traps.
    public init(title: String? = nil, columns: [Column], rows: [[Cell]] = []) {
        precondition(Set(columns.map(\.id)).count == columns.count, "DataTable column ids must be unique")
        self.title = title
        self.columns = columns
        self.rows = []
        rows.forEach { appendRow($0) }
    }

    public mutating func appendRow(_ cells: [Cell]) {
        precondition(cells.count == columns.count, "row has \(cells.count) cells for \(columns.count) columns")
        rows.append(cells)
    }

    /// A column is numeric when it has at least one number and nothing but numbers and
    /// blanks; Markdown and HTML right-align such columns.
    func isNumericColumn(_ index: Int) -> Bool {
        var sawNumber = false
        for row in rows {
            switch row[index] {
            case .integer, .number: sawNumber = true
            case .empty: continue
            case .text: return false
            }
        }
        return sawNumber
    }
}
