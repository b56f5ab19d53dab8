/// What an HTML element means for extracting the text a reader of the page sees.
enum HTMLElementRole: Equatable {
    /// Its whole content is dropped: code, page furniture, form controls.
    case skipped
    /// `script`-like: its content is not markup, so it is skipped up to the end tag.
    case rawText
    /// `header`/`footer`: furniture around the page, but a title block inside an
    /// article or main section, which is kept.
    case furniture
    /// `main`/`article`: inside them `header`/`footer` are part of the content.
    case content
    case heading(level: Int)
    case listItem
    case table
    case rowGroup
    case row
    case cell
    /// Starts and ends a paragraph.
    case block
    /// Ends an unclosed `head`.
    case body

    static func of(_ name: String) -> HTMLElementRole? {
        roles[name]
    }

    private static let roles: [String: HTMLElementRole] = {
        var roles: [String: HTMLElementRole] = [:]
        for name in ["noscript", "template", "svg", "math", "head", "nav", "aside", "form", "button",
                     "select", "datalist", "object", "canvas", "video", "audio"] {
            roles[name] = .skipped
        }
        for name in ["script", "style", "textarea", "title", "iframe", "noembed", "noframes", "xmp"] {
            roles[name] = .rawText
        }
        for name in ["p", "div", "section", "ul", "ol", "dl", "dd", "dt", "blockquote", "pre", "br", "hr",
                     "figure", "figcaption", "caption", "address", "details", "summary", "fieldset",
                     "legend", "center", "html"] {
            roles[name] = .block
        }
        for level in 1...6 { roles["h\(level)"] = .heading(level: level) }
        roles["header"] = .furniture
        roles["footer"] = .furniture
        roles["main"] = .content
        roles["article"] = .content
        roles["li"] = .listItem
        roles["table"] = .table
        roles["thead"] = .rowGroup
        roles["tbody"] = .rowGroup
        roles["tfoot"] = .rowGroup
        roles["tr"] = .row
        roles["td"] = .cell
        roles["th"] = .cell
        roles["body"] = .body
        return roles
    }()
}
