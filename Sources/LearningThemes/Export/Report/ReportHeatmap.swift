/// The groups × themes heatmap and its legend. Colour shows the share of the row's
/// paragraphs with the theme, and every cell also prints that share, the count and the
/// comparison's mark, so nothing depends on telling colours apart.
struct ReportHeatmap {
    let context: ReportContext

    init(_ context: ReportContext) { self.context = context }

    func markup() -> HTML {
        let rowName = Self.rowHeading(context.comparison.grouping)
        return """
        <section id="heatmap">
        <h2>Heatmap: how often each theme comes up, by \(rowName.lowercased())</h2>
        <p class="lead">Each cell is the share of the \(rowName.lowercased())’s paragraphs that carry the theme, with the \
        number of those paragraphs beneath it. Marks compare the \(rowName.lowercased()) with the rest of the corpus. \
        Select a cell to read the paragraphs behind it.</p>
        \(legend())
        <div class="table-scroll">
        <table class="heatmap">
        <caption>Share of paragraphs tagged with each theme, by \(rowName.lowercased())</caption>
        \(columns())
        \(head(rowName: rowName))
        <tbody>
        \(HTML.joined(context.rowOrder.map(row), separator: "\n"))
        </tbody>
        </table>
        </div>
        </section>

        """
    }

    static func rowHeading(_ grouping: Grouping) -> String {
        switch grouping {
        case .partnership: "Partnership"
        case .period: "Period"
        case .kind: "Kind of document"
        case .source: "Learning source"
        case .document: "Document"
        }
    }

    private func legend() -> HTML {
        let scale = context.scale
        let bands = (0...HeatmapScale.bandCount).map { band -> HTML in
            "<li class=\"b\(band)\">\(scale.label(ofBand: band))</li>"
        }
        let tests = context.comparison.cells.filter { $0.assessed.adjustedPValue != nil }.count
        let level = DecimalText.shortest(context.comparison.significanceLevel)
        return """
        <div class="legend">
        <p class="legend-title" id="scale-title">Colour: share of the row’s paragraphs with the theme</p>
        <ol class="scale" aria-labelledby="scale-title">\(HTML.joined(bands))</ol>
        <ul class="marks">
        <li><b>▲</b> more often than in the rest of the corpus</li>
        <li><b>▼</b> less often than in the rest of the corpus</li>
        <li><b>?</b> too few paragraphs to tell either way</li>
        <li><b>no mark</b> no clear difference</li>
        </ul>
        <p class="legend-note">▲ and ▼ mark differences whose Fisher’s exact test p-value, adjusted for the \
        \(ReportNumbers.count(tests)) comparisons that could show a difference (Benjamini–Hochberg), is below \(level).</p>
        </div>
        """
    }

    /// A fixed row-header column and equal theme columns share the page width, so every
    /// theme fits on one 1280-pixel screen however many themes the rules have.
    private func columns() -> HTML {
        let themeColumns = context.comparison.tags.map { _ -> HTML in "<col>" }
        return "<colgroup><col class=\"row-col\">\(HTML.joined(themeColumns))</colgroup>"
    }

    private func head(rowName: String) -> HTML {
        let runs = themeGroupRuns()
        let groupCells = runs.map { run -> HTML in
            let start: HTML = run.start > 0 ? " group-start" : ""
            return "<th scope=\"colgroup\" colspan=\"\(run.count)\" class=\"theme-group\(start)\">\(run.title)</th>"
        }
        let themeCells = context.comparison.tags.indices.map { tag -> HTML in
            let first: HTML = runs.contains { $0.start == tag && tag > 0 } ? " group-start" : ""
            return "<th scope=\"col\" class=\"theme\(first)\" title=\"\(context.comparison.tags[tag])\"><span>\(context.tagLabels[tag])</span></th>"
        }
        return """
        <thead>
        <tr><td class="corner"></td>\(HTML.joined(groupCells))</tr>
        <tr><th scope="col" class="row-heading">\(rowName)</th>\(HTML.joined(themeCells))</tr>
        </thead>
        """
    }

    /// Consecutive compared themes of the same taxonomy table, for the header above them.
    private func themeGroupRuns() -> [(start: Int, count: Int, title: String)] {
        var runs: [(start: Int, count: Int, title: String)] = []
        var previous: ThemeGroup?
        for (position, id) in context.comparison.tags.enumerated() {
            let group = context.ruleSet.rule(id)?.group ?? .harm
            if group == previous, !runs.isEmpty {
                runs[runs.count - 1].count += 1
            } else {
                let title = group == .practice ? "How professionals and agencies worked"
                    : group == .harm ? "What children experienced" : "Where learning came from"
                runs.append((position, 1, title))
            }
            previous = group
        }
        return runs
    }

    private func row(_ group: Int) -> HTML {
        let tally = context.comparison.groups[group]
        let fullName: HTML = context.groupNames[group] == tally.name ? "" : " title=\"\(tally.name)\""
        let starts = Set(themeGroupRuns().map(\.start).filter { $0 > 0 })
        let cells = context.comparison.tags.indices.map { cell(group: group, tag: $0, startsGroup: starts.contains($0)) }
        return """
        <tr><th scope="row"\(fullName)>\(context.groupNames[group])<span class="sub">\(ReportNumbers.count(tally.documentIDs.count)) \
        \(tally.documentIDs.count == 1 ? "document" : "documents"), \(ReportNumbers.count(tally.paragraphs)) paragraphs</span></th>\(HTML.joined(cells))</tr>
        """
    }

    private func cell(group: Int, tag: Int, startsGroup: Bool) -> HTML {
        let cell = context.cell(group: group, tag: tag)
        let band = context.scale.band(tagged: cell.tagged, of: cell.paragraphs)
        let verdict = cell.assessed.verdict
        let mark = ReportContext.mark(verdict)
        let markup: HTML = mark.isEmpty ? "" : "<span class=\"mark\">\(mark)</span>"
        let content: HTML = """
        <span class="rate">\(ReportNumbers.percent(cell.tagged, of: cell.paragraphs))</span>\
        <span class="count">\(ReportNumbers.count(cell.tagged))\(markup)</span>
        """
        let summary = context.cellSummary(group: group, tag: tag)
        let classes: HTML = "b\(band) \(Self.verdictClass(verdict))\(startsGroup ? " group-start" : "")"
        guard context.hasDrillDown(group: group, tag: tag) else {
            return "<td class=\"\(classes)\" title=\"\(summary)\">\(content)</td>"
        }
        return "<td class=\"\(classes)\"><a href=\"#\(context.anchor(group: group, tag: tag))\" title=\"\(summary)\" aria-label=\"\(summary)\">\(content)</a></td>"
    }

    static func verdictClass(_ verdict: RateVerdict) -> HTML {
        switch verdict {
        case .over: "over"
        case .under: "under"
        case .noDifference: "same"
        case .tooFewToTell: "few"
        }
    }
}
