/// Turns the tag and text events of an HTML page into blocks. All nesting is
/// kept in counters and flat arrays, never in recursion, so a page nested ten
/// thousand levels deep costs no stack.
struct HTMLBlockCollector {
    private enum PendingBlock {
        case paragraph, heading(Int), listItem
    }

    private var builder = BlockTextBuilder()
    /// Text of the open block, or of the open table cell while a row is open.
    private var text: [UInt8] = []
    private var pendingBlock = PendingBlock.paragraph

    /// 1 inside a table; tables nested in cells are flattened into their cell.
    private var tableDepth = 0
    private var rowCells: [[UInt8]]?
    private var cellOpen = false

    private var openSkippedElements: [String: Int] = [:]
    private var skippedDepth = 0
    private var contentDepth = 0
    /// For each open header/footer, whether it was dropped as page furniture.
    private var furnitureDropped: [Bool] = []

    var isSkipping: Bool { skippedDepth > 0 }
    private var inRow: Bool { rowCells != nil }

    mutating func appendText(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        text.append(contentsOf: bytes)
    }

    mutating func appendLiteralLessThan() {
        text.append(UInt8(ascii: "<"))
    }

    /// nil when the `&` at `index` starts no reference and is text itself.
    mutating func appendCharacterReference(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        HTMLEntities.decode(bytes, at: index, into: &text)
    }

    mutating func start(_ name: String, role: HTMLElementRole?, selfClosing: Bool) {
        guard let role else { return }
        switch role {
        case .skipped:
            if !selfClosing {
                openSkippedElements[name, default: 0] += 1
                skippedDepth += 1
            }
            return
        case .furniture where !selfClosing:
            let drop = contentDepth == 0
            furnitureDropped.append(drop)
            if drop { skippedDepth += 1; return }
        case .content where !selfClosing:
            contentDepth += 1
        case .body:
            // `</head>` is optional; the body starting is what really ends it.
            skippedDepth -= openSkippedElements.removeValue(forKey: "head") ?? 0
        default:
            break
        }
        guard !isSkipping else { return }
        switch role {
        case .heading(let level): startBlock(.heading(level))
        case .listItem: startBlock(.listItem)
        case .table:
            if tableDepth > 0 {
                tableDepth += 1
                softBreak()
            } else {
                endBlock()
                tableDepth = 1
            }
        case .rowGroup: if tableDepth > 1 { softBreak() } else { closeRow() }
        case .row:
            if tableDepth > 1 { softBreak(); return }
            closeRow()
            endBlock()
            rowCells = []
        case .cell:
            if tableDepth > 1 { softBreak(); return }
            if !inRow {
                endBlock()
                rowCells = []
            }
            if cellOpen || !UTF8Bytes.isBlank(text) { rowCells?.append(text) }
            text.removeAll(keepingCapacity: true)
            cellOpen = true
        case .block, .content, .furniture, .body: boundary()
        case .skipped, .rawText: break
        }
    }

    mutating func end(_ name: String, role: HTMLElementRole?) {
        guard let role else { return }
        switch role {
        case .skipped:
            if let open = openSkippedElements[name], open > 0 {
                openSkippedElements[name] = open - 1
                skippedDepth -= 1
            }
            return
        case .furniture:
            if furnitureDropped.popLast() == true { skippedDepth -= 1; return }
        case .content:
            contentDepth = max(0, contentDepth - 1)
        default:
            break
        }
        guard !isSkipping else { return }
        switch role {
        case .heading, .listItem:
            if inRow { softBreak(); return }
            endBlock()
            pendingBlock = .paragraph
        case .table:
            if tableDepth > 1 {
                tableDepth -= 1
                softBreak()
            } else {
                closeRow()
                endBlock()
                tableDepth = 0
            }
        case .rowGroup, .row: if tableDepth > 1 { softBreak() } else { closeRow() }
        case .cell:
            if tableDepth > 1 { softBreak(); return }
            if inRow && cellOpen {
                rowCells?.append(text)
                text.removeAll(keepingCapacity: true)
                cellOpen = false
            }
        case .block, .content, .furniture, .body: boundary()
        case .skipped, .rawText: break
        }
    }

    mutating func finish() -> [UInt8] {
        closeRow()
        endBlock()
        return builder.output
    }

    /// Inside a table row everything stays on the row's line, so what would end a
    /// block elsewhere only separates words there.
    private mutating func startBlock(_ kind: PendingBlock) {
        if inRow { softBreak(); return }
        endBlock()
        pendingBlock = kind
    }

    private mutating func boundary() {
        if inRow { softBreak() } else { endBlock() }
    }

    private mutating func softBreak() {
        text.append(0x20)
    }

    /// An empty block keeps the pending kind, so `<li><p>text</p></li>` is still
    /// a list item.
    private mutating func endBlock() {
        guard !UTF8Bytes.isBlank(text) else { text.removeAll(keepingCapacity: true); return }
        switch pendingBlock {
        case .paragraph: builder.addParagraph(text)
        case .heading(let level): builder.addHeading(text, level: level)
        case .listItem: builder.addListItem(text)
        }
        pendingBlock = .paragraph
        text.removeAll(keepingCapacity: true)
    }

    private mutating func closeRow() {
        guard var cells = rowCells else { return }
        if cellOpen || !UTF8Bytes.isBlank(text) { cells.append(text) }
        builder.addTableRow(cells)
        rowCells = nil
        cellOpen = false
        text.removeAll(keepingCapacity: true)
    }
}
