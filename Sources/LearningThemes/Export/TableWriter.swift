/// Renders a `DataTable` in one `TableFormat`, either to bytes in memory or streamed
/// row by row into an `OutputSink`; both give identical bytes.
public struct TableWriter: Sendable {
    public struct Options: Sendable, Equatable {
        /// CSV only. Excel takes a UTF-8 CSV without a byte order mark for the local legacy
        /// code page and garbles non-ASCII text; R and pandas read it either way but keep
        /// the mark in the first column name unless told otherwise, hence the option.
        public var csvByteOrderMark: Bool
        /// CSV and TSV only: prefix text cells that a spreadsheet would run as a formula
        /// with an apostrophe (CSV injection). Typed numbers are never changed.
        public var neutraliseFormulas: Bool
        /// JSON and JSON Lines only: see `JSONSerializer.htmlSafe`.
        public var htmlSafeJSON: Bool

        public init(csvByteOrderMark: Bool = true, neutraliseFormulas: Bool = true, htmlSafeJSON: Bool = false) {
            self.csvByteOrderMark = csvByteOrderMark
            self.neutraliseFormulas = neutraliseFormulas
            self.htmlSafeJSON = htmlSafeJSON
        }
    }

    public var format: TableFormat
    public var options: Options

    public init(format: TableFormat, options: Options = Options()) {
        self.format = format
        self.options = options
    }

    public func render(_ table: DataTable) -> [UInt8] {
        let renderer = makeRenderer(for: table)
        var out: [UInt8] = []
        renderer.appendHeader(to: &out)
        for (index, row) in table.rows.enumerated() {
            renderer.appendRow(row, at: index, to: &out)
        }
        renderer.appendFooter(to: &out)
        return out
    }

    /// Streams the table so a large export never needs its whole text in memory at once.
    public func write(_ table: DataTable, to sink: inout OutputSink) throws {
        let renderer = makeRenderer(for: table)
        var pending: [UInt8] = []
        renderer.appendHeader(to: &pending)
        for (index, row) in table.rows.enumerated() {
            renderer.appendRow(row, at: index, to: &pending)
            if pending.count >= 16 * 1024 {
                try sink.write(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        renderer.appendFooter(to: &pending)
        try sink.write(pending)
    }

    func makeRenderer(for table: DataTable) -> any TableRendering {
        switch format {
        case .csv:
            return DelimitedTableRenderer(
                table: table, dialect: .csv(byteOrderMark: options.csvByteOrderMark),
                neutraliseFormulas: options.neutraliseFormulas)
        case .tsv:
            return DelimitedTableRenderer(table: table, dialect: .tsv, neutraliseFormulas: options.neutraliseFormulas)
        case .json:
            return JSONTableRenderer(table: table, linePerRecord: false, htmlSafe: options.htmlSafeJSON)
        case .jsonl:
            return JSONTableRenderer(table: table, linePerRecord: true, htmlSafe: options.htmlSafeJSON)
        case .markdown:
            return MarkdownTableRenderer(table: table)
        case .html:
            return HTMLTableRenderer(table: table)
        }
    }
}

/// One format's bytes, split into the parts that can be produced independently so the
/// same code serves both in-memory rendering and streaming.
protocol TableRendering {
    func appendHeader(to out: inout [UInt8])
    func appendRow(_ cells: [DataTable.Cell], at index: Int, to out: inout [UInt8])
    func appendFooter(to out: inout [UInt8])
}

extension TableRendering {
    func appendHeader(to out: inout [UInt8]) {}
    func appendFooter(to out: inout [UInt8]) {}
}

extension TableWriter {
    /// Rows written as they are produced, for outputs too large to hold as one table.
    /// (Markdown right-aligns a column only when every cell in it is a number, which needs
    /// the whole table: it is rendered at `finish` from the collected rows.)
    public struct Stream {
        private let writer: TableWriter
        private let columns: [DataTable.Column]
        private var renderer: (any TableRendering)?
        private var collected: DataTable?
        private var index = 0

        init(writer: TableWriter, columns: [DataTable.Column]) {
            self.writer = writer
            self.columns = columns
            if writer.format == .markdown || writer.format == .html {
                collected = DataTable(columns: columns)
            } else {
                renderer = writer.makeRenderer(for: DataTable(columns: columns))
            }
        }

        public mutating func begin(_ sink: inout OutputSink) throws {
            guard let renderer else { return }
            var out: [UInt8] = []
            renderer.appendHeader(to: &out)
            try sink.write(out)
        }

        public mutating func append(_ row: [DataTable.Cell], to sink: inout OutputSink) throws {
            if collected != nil {
                collected!.appendRow(row)
                return
            }
            var out: [UInt8] = []
            renderer!.appendRow(row, at: index, to: &out)
            index += 1
            try sink.write(out)
        }

        public mutating func finish(_ sink: inout OutputSink) throws {
            if let collected {
                try sink.write(writer.render(collected))
                return
            }
            var out: [UInt8] = []
            renderer!.appendFooter(to: &out)
            try sink.write(out)
        }
    }

    public func stream(columns: [DataTable.Column]) -> Stream {
        Stream(writer: self, columns: columns)
    }
}
