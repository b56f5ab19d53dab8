/// One small bar chart per theme: each group's share as a bar, its 95% Wilson interval
/// as a whisker, and the whole corpus's share as a dashed line, so a reader sees at once
/// whether a group's difference is larger than its uncertainty.
struct ReportBars {
    let context: ReportContext

    init(_ context: ReportContext) { self.context = context }

    /// Axis tops in tenths of a per cent: fine enough that the widest whisker fills most
    /// of its chart, round enough to read.
    static let axisTops = [1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 25, 30, 40, 50, 60, 80, 100,
                           150, 200, 250, 300, 400, 500, 600, 800, 1000]

    func markup() -> HTML {
        """
        <section id="bars">
        <h2>Theme by theme</h2>
        <p class="lead">Each bar is a share of paragraphs. The thin line through it is the 95% confidence interval \
        (Wilson): the range the share could plausibly have, which is wide when there are few paragraphs. \
        A whisker ending in an arrow runs on past the end of the scale. The dashed line is the share across the \
        whole corpus. Each chart has its own scale, shown under it.</p>
        <div class="bar-grid">
        \(HTML.joined(context.comparison.tags.indices.map(chart), separator: "\n"))
        </div>
        </section>

        """
    }

    /// The smallest axis top that holds every bar and the corpus line, and whiskers up to
    /// twice the largest share. A tiny group's whisker can reach ten times its share;
    /// scaling to it would squash every bar, so such whiskers are cut with an arrow.
    static func axisTop(largestShare: Double, largestUpperBound: Double) -> Int {
        let wanted = largestShare > 0 ? min(largestUpperBound, 2 * largestShare) : largestUpperBound
        let needed = max(wanted, largestShare)
        return axisTops.first { needed <= Double($0) / 1000 } ?? 1000
    }

    private func chart(_ tag: Int) -> HTML {
        let comparison = context.comparison
        let cells = comparison.groups.indices.map { context.cell(group: $0, tag: tag) }
        let overall = cells.first.map { cell -> Double in
            let rate = cell.assessed.comparison
            let total = rate.groupTotal + rate.restTotal
            return total > 0 ? Double(rate.groupHits + rate.restHits) / Double(total) : 0
        } ?? 0
        let largestShare = cells.reduce(overall) { max($0, $1.assessed.comparison.groupRate ?? 0) }
        let largestUpperBound = cells.reduce(overall) { largest, cell in
            let interval = cell.assessed.comparison.groupInterval
            return interval.hasData ? max(largest, interval.upper) : largest
        }
        let top = Self.axisTop(largestShare: largestShare, largestUpperBound: largestUpperBound)
        let rows = context.rowOrder.map { row(group: $0, tag: tag, top: top, overall: overall) }
        let id = comparison.tags[tag]
        return """
        <figure class="bar-chart" id="bars-\(id)">
        <figcaption><b>\(context.tagLabels[tag])</b> <span class="overall-note">whole corpus \(ReportNumbers.percent(overall))</span></figcaption>
        <table aria-label="\(context.tagLabels[tag]) by \(ReportHeatmap.rowHeading(comparison.grouping).lowercased())">
        <tbody>
        \(HTML.joined(rows, separator: "\n"))
        </tbody>
        </table>
        <p class="axis"><span>0</span><span>\(ReportNumbers.percent(perMille: top))</span></p>
        </figure>
        """
    }

    private func row(group: Int, tag: Int, top: Int, overall: Double) -> HTML {
        let cell = context.cell(group: group, tag: tag)
        let rate = cell.assessed.comparison
        let scale = Double(top) / 1000
        let name = context.groupNames[group]
        let fullName: HTML = name == cell.group ? "" : " title=\"\(cell.group)\""
        let verdict = cell.assessed.verdict
        let mark = ReportContext.mark(verdict)
        let value: HTML = "\(ReportNumbers.percent(cell.tagged, of: cell.paragraphs)) (\(ReportNumbers.count(cell.tagged)))"
        let linked: HTML = context.hasDrillDown(group: group, tag: tag)
            ? "<a href=\"#\(context.anchor(group: group, tag: tag))\">\(value)</a>" : value
        let markup: HTML = mark.isEmpty ? "" : " <span class=\"mark\">\(mark)</span>"
        var track = HTML()
        if let share = rate.groupRate, rate.groupInterval.hasData {
            let interval = rate.groupInterval
            let clipped: HTML = interval.upper > scale ? " clipped" : ""
            track += """
            <span class="bar" style="width:\(ReportNumbers.cssPercent(share / scale))"></span>\
            <span class="ci\(clipped)" style="left:\(ReportNumbers.cssPercent(interval.lower / scale));\
            width:\(ReportNumbers.cssPercent((min(interval.upper, scale) - interval.lower) / scale))"></span>
            """
        }
        track += "<span class=\"overall\" style=\"left:\(ReportNumbers.cssPercent(overall / scale))\"></span>"
        return """
        <tr class="\(ReportHeatmap.verdictClass(verdict))"><th scope="row"\(fullName)>\(name)</th>\
        <td class="track-cell"><div class="track" title="\(context.cellSummary(group: group, tag: tag))">\(track)</div></td>\
        <td class="value">\(linked)\(markup)</td></tr>
        """
    }
}
