/// The colour scale of the heatmap: five equal bands from zero to a round top, plus a
/// band of its own for "none at all". Bands rather than a continuous ramp, so a reader
/// can match any cell to the legend exactly; bands are decided in integers, so a share
/// that sits on a boundary lands in the same band on every machine.
struct HeatmapScale: Sendable {
    static let bandCount = 5
    /// ColorBrewer YlGnBu, light to dark: sequential, and readable with the common
    /// colour-vision deficiencies.
    static let colours = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"]
    static let noneColour = "#f2f2f2"
    /// Bands dark enough to need white numbers.
    static let darkBands: Set<Int> = [4, 5]
    /// Candidate tops, in tenths of a per cent, chosen so every band edge is a short number.
    static let roundTops = [10, 20, 50, 100, 200, 250, 500, 1000]

    /// The top of the scale, in tenths of a per cent (per mille).
    let topPerMille: Int

    /// A scale whose top is the smallest round value at or above the largest share.
    init(largestTagged: Int, ofParagraphs paragraphs: Int) {
        topPerMille = Self.roundTops.first { top in
            paragraphs == 0 || largestTagged * 1000 <= top * paragraphs
        } ?? 1000
    }

    /// 0 for none tagged, else 1...bandCount, band k covering (k-1, k] fifths of the top.
    func band(tagged: Int, of paragraphs: Int) -> Int {
        guard tagged > 0, paragraphs > 0 else { return 0 }
        let numerator = tagged * 1000 * Self.bandCount
        let denominator = paragraphs * topPerMille
        return min(Self.bandCount, max(1, (numerator + denominator - 1) / denominator))
    }

    /// Upper edge of band k, in per mille.
    func upperEdge(ofBand band: Int) -> Int { topPerMille * band / Self.bandCount }

    /// Legend text for band k: "up to 2%", "2% to 4%".
    func label(ofBand band: Int) -> String {
        if band == 0 { return "none" }
        let upper = ReportNumbers.percent(perMille: upperEdge(ofBand: band))
        if band == 1 { return "above 0, up to \(upper)" }
        return "above \(ReportNumbers.percent(perMille: upperEdge(ofBand: band - 1))), up to \(upper)"
    }
}
