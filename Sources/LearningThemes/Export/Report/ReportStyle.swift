/// The report's only styles, inline so the file works offline and by e-mail.
enum ReportStyle {
    static var css: HTML {
        var bands = HTML()
        bands += ".b0{background:\(HeatmapScale.noneColour);color:#555}\n"
        for (index, colour) in HeatmapScale.colours.enumerated() {
            let band = index + 1
            let text = HeatmapScale.darkBands.contains(band) ? "#fff" : "#111"
            bands += ".b\(band){background:\(colour);color:\(text)}\n"
        }
        return base + bands
    }

    private static let base: HTML = """
    :root{--ink:#1b1b1b;--muted:#555;--rule:#d0d0d0;--over:#b35806;--under:#2d5f9a;--accent:#0b5cad}
    *{box-sizing:border-box}
    html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    body{margin:0 auto;max-width:1320px;padding:20px 24px 48px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
    h1{font-size:1.7rem;margin:0 0 .2rem}
    h2{font-size:1.3rem;margin:2rem 0 .5rem;padding-top:.6rem;border-top:2px solid var(--ink)}
    h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
    a{color:var(--accent)}
    code{font:.85em/1.2 ui-monospace,"SF Mono",Menlo,Consolas,monospace}
    .made-by{color:var(--muted);margin:0 0 .6rem}
    nav{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;padding:.4rem 0;border-bottom:1px solid var(--rule)}
    .lead{max-width:60rem}
    .facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:1rem 0}
    .facts dt{font-weight:600}
    .facts dd{margin:0}
    details{margin:.6rem 0}
    summary{cursor:pointer;font-weight:600}
    table{border-collapse:collapse}
    .documents,.rules{margin:.5rem 0;font-size:.88rem;width:100%}
    .documents th code,.documents td:nth-child(4){white-space:nowrap}
    .documents th,.documents td,.rules th,.rules td{border-bottom:1px solid var(--rule);padding:.25rem .5rem;text-align:left;vertical-align:top}
    .documents thead th,.rules thead th{border-bottom:2px solid var(--ink)}
    .num{text-align:right!important;font-variant-numeric:tabular-nums}
    .warning{border-left:4px solid var(--over);background:#fff4e5;padding:.4rem .8rem}
    .legend{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem 1.4rem;margin:.6rem 0 .8rem;font-size:.85rem}
    .legend-title{margin:0;font-weight:600}
    .scale{display:flex;list-style:none;margin:0;padding:0;border:1px solid #999}
    .scale li{padding:.2rem .5rem;min-width:5.5rem;text-align:center;font-variant-numeric:tabular-nums}
    .marks{display:flex;flex-wrap:wrap;gap:.2rem 1rem;list-style:none;margin:0;padding:0}
    .legend-note{flex-basis:100%;margin:0;color:var(--muted)}
    .table-scroll{overflow-x:auto}
    .heatmap{table-layout:fixed;width:100%;min-width:1000px;font-size:11px;font-variant-numeric:tabular-nums}
    .heatmap caption{text-align:left;font-size:.8rem;color:var(--muted);padding-bottom:.2rem}
    .row-col{width:164px}
    .heatmap th,.heatmap td{border:1px solid #fff;padding:0}
    .heatmap .theme-group{font-size:11px;font-weight:600;text-align:left;padding:2px 4px;border-bottom:2px solid var(--ink);border-left:2px solid #fff}
    .heatmap th.theme{vertical-align:bottom;height:150px;font-weight:500;font-size:11px;line-height:1.15}
    .heatmap th.theme span{writing-mode:vertical-rl;transform:rotate(180deg);display:inline-block;max-height:148px;padding:2px 0}
    .heatmap .row-heading{vertical-align:bottom;text-align:left;padding:2px 4px}
    .heatmap tbody th{text-align:left;font-weight:600;font-size:12px;line-height:1.2;padding:3px 6px 3px 0;background:#fff;position:sticky;left:0}
    .heatmap .sub{display:block;font-weight:400;font-size:10.5px;color:var(--muted)}
    .heatmap td{text-align:center;height:40px;vertical-align:middle}
    .heatmap td a,.heatmap td>span{display:block;color:inherit;text-decoration:none}
    .heatmap td a{padding:3px 0}
    .heatmap td a:hover,.heatmap td a:focus{outline:2px solid #000;outline-offset:-2px}
    .heatmap .rate{display:block;font-weight:600}
    .heatmap .count{display:block;opacity:.9}
    .heatmap td.over,.heatmap td.under{box-shadow:inset 0 0 0 2px #000}
    .heatmap td.few{font-style:italic}
    .heatmap .group-start{border-left:2px solid var(--ink)}
    .heatmap .mark{margin-left:2px;font-style:normal}
    .findings{padding-left:1.4rem;max-width:70rem}
    .findings li{margin:.35rem 0}
    .findings .mark{font-weight:700}
    .findings .over .mark{color:var(--over)}
    .findings .under .mark{color:var(--under)}
    .stats{color:var(--muted)}
    .too-few{max-width:70rem}
    .bar-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(390px,1fr));gap:14px 22px}
    .bar-chart{margin:0;padding:.4rem .5rem;border:1px solid var(--rule);break-inside:avoid}
    .bar-chart figcaption{display:flex;justify-content:space-between;gap:.5rem;font-size:.9rem;margin-bottom:.2rem}
    .overall-note{color:var(--muted);font-size:.8rem;white-space:nowrap}
    .bar-chart table{width:100%;font-size:12px}
    .bar-chart th{text-align:left;font-weight:500;width:34%;padding:1px 6px 1px 0;line-height:1.15}
    .bar-chart .value{width:78px;text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums;padding-left:4px}
    .bar-chart .value a{color:inherit}
    .track{position:relative;height:14px;background:#f4f4f4}
    .track .bar{position:absolute;left:0;top:2px;bottom:2px;background:#8c96a3}
    .over .track .bar{background:var(--over)}
    .under .track .bar{background:var(--under)}
    .few .track .bar{background:#c9ced4}
    .track .ci{position:absolute;top:6px;height:2px;background:#111}
    .track .ci::before,.track .ci::after{content:"";position:absolute;top:-4px;height:10px;border-left:1.5px solid #111}
    .track .ci::before{left:-2px}
    .track .ci::after{right:-2px}
    .track .ci.clipped::after{right:-7px;top:-4px;height:0;border-left:7px solid #111;border-top:5px solid transparent;border-bottom:5px solid transparent}
    .track .overall{position:absolute;top:-2px;bottom:-2px;border-left:1.5px dashed #000}
    .axis{display:flex;justify-content:space-between;margin:.1rem 0 0 34%;padding-right:82px;font-size:10.5px;color:var(--muted)}
    .bar-chart .mark{font-size:11px}
    .cell-paragraphs{display:none;border:2px solid var(--accent);padding:.2rem 1rem .6rem;margin:1rem 0;scroll-margin-top:12px}
    .cell-paragraphs:target{display:block}
    .cell-paragraphs h3{margin-top:.6rem}
    .back{font-size:.9rem;margin:.2rem 0}
    .paragraphs{padding-left:1.4rem}
    .paragraph{margin:.8rem 0;max-width:72rem}
    .where{font-size:.82rem;color:var(--muted);margin:0}
    blockquote{margin:.25rem 0;padding:.3rem .7rem;border-left:3px solid var(--rule);background:#fafafa}
    mark{background:#ffe066;color:inherit;padding:0 1px;border-bottom:2px solid #c99700}
    .fired{font-size:.82rem;margin:0}
    .also{color:var(--muted);margin-left:.6rem}
    .truncated{font-style:italic}
    .method dt{font-weight:600;margin-top:.5rem}
    .method dd{margin-left:0;max-width:62rem}
    @media print{
    @page{size:A4 landscape;margin:10mm}
    body{font-size:10pt;max-width:none;padding:0}
    nav,.back{display:none}
    a{color:inherit;text-decoration:none}
    .table-scroll{overflow:visible}
    .heatmap tbody th{position:static}
    .row-col{width:120px}
    .heatmap{min-width:0}
    .heatmap,.heatmap th.theme,.heatmap .theme-group{font-size:8.5px}
    .heatmap tbody th{font-size:9.5px}
    .heatmap .sub{font-size:8px}
    .heatmap th.theme{height:120px}
    .heatmap th.theme span{max-height:118px}
    .bar-grid{grid-template-columns:repeat(3,1fr);gap:8px}
    h2{break-after:avoid}
    .heatmap tr,.findings li,.paragraph{break-inside:avoid}
    }

    """
}
