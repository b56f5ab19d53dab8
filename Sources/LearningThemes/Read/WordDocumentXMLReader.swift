import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams word/document.xml (WordprocessingML) into the block contract. Only
/// the text a reader of the printed document sees is kept: deleted and moved-away
/// revisions, field codes and the fallback copies of drawings are left out.
final class WordDocumentXMLReader: NSObject, XMLParserDelegate {
    private static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    private static let markupCompatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    private struct OpenParagraph {
        var text: [UInt8] = []
        var headingLevel: Int?
        var isListItem = false
    }

    private var builder = BlockTextBuilder()
    /// More than one only for a text box's paragraphs inside a paragraph.
    private var paragraphs: [OpenParagraph] = []
    private var paragraphPropertiesDepth = 0
    private var inText = false
    /// Inside deleted or moved-away revisions, or in a drawing's fallback copy.
    private var hiddenDepth = 0
    private var tableDepth = 0
    private var rowCells: [[UInt8]]?
    private var cellText: [UInt8]?
    private var sawDocumentEnd = false

    static func blocks(fromDocumentXML xml: [UInt8], name: String) throws -> [UInt8] {
        let reader = WordDocumentXMLReader()
        let parser = XMLParser(data: Data(try XMLParserInput.prepared(xml, name: name)))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        // swift-corelibs' parse() can return true after reporting an error, so the
        // error is checked as well.
        let parsed = parser.parse()
        guard parsed, parser.parserError == nil else {
            throw LearningThemesError(
                .input, "damaged Word document: \(WordDocumentExtractor.mainPart) is not well-formed XML (line \(parser.lineNumber))",
                at: SourceLocation(file: name))
        }
        guard reader.sawDocumentEnd else {
            throw LearningThemesError(.input, "damaged Word document: \(WordDocumentExtractor.mainPart) is not a WordprocessingML document",
                                      at: SourceLocation(file: name))
        }
        return reader.builder.output
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if namespaceURI == Self.markupCompatibilityNamespace && elementName == "Fallback" {
            hiddenDepth += 1
            return
        }
        guard let namespaceURI, Self.wordNamespaces.contains(namespaceURI) else { return }
        if elementName == "del" || elementName == "moveFrom" { hiddenDepth += 1; return }
        guard hiddenDepth == 0 else { return }
        switch elementName {
        case "p": paragraphs.append(OpenParagraph())
        case "pPr": paragraphPropertiesDepth += 1
        case "pStyle": applyStyle(Self.value(in: attributes))
        case "numPr": setListItem(true)
        // Numbering id 0 is how Word records "numbering removed" on a list style.
        case "numId" where Self.value(in: attributes) == "0": setListItem(false)
        case "outlineLvl":
            if let level = Self.value(in: attributes).flatMap({ Int($0) }), level < 6,
               paragraphs.last?.headingLevel == nil, paragraphPropertiesDepth > 0 {
                paragraphs[paragraphs.count - 1].headingLevel = level + 1
            }
        case "t": inText = true
        // A tab inside paragraph properties is a tab stop, not text.
        case "tab", "ptab": if paragraphPropertiesDepth == 0 { appendToParagraph([0x20]) }
        case "br", "cr": appendToParagraph([0x20])
        case "noBreakHyphen": appendToParagraph([UInt8(ascii: "-")])
        case "tbl": tableDepth += 1
        case "tr" where tableDepth == 1: rowCells = []
        case "tc" where tableDepth == 1: cellText = []
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if namespaceURI == Self.markupCompatibilityNamespace && elementName == "Fallback" {
            hiddenDepth -= 1
            return
        }
        guard let namespaceURI, Self.wordNamespaces.contains(namespaceURI) else { return }
        if elementName == "document" { sawDocumentEnd = true }
        if elementName == "del" || elementName == "moveFrom" { hiddenDepth -= 1; return }
        guard hiddenDepth == 0 else { return }
        switch elementName {
        case "p": if let paragraph = paragraphs.popLast() { finishParagraph(paragraph) }
        case "pPr": paragraphPropertiesDepth = max(0, paragraphPropertiesDepth - 1)
        case "t": inText = false
        case "tc" where tableDepth == 1:
            if let text = cellText { rowCells?.append(text) }
            cellText = nil
        case "tr" where tableDepth == 1:
            if let cells = rowCells { builder.addTableRow(cells) }
            rowCells = nil
        case "tbl": tableDepth = max(0, tableDepth - 1)
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText, hiddenDepth == 0 else { return }
        appendToParagraph(Array(string.utf8))
    }

    /// Inside a table every paragraph, and any nested table, joins its cell's line.
    private func finishParagraph(_ paragraph: OpenParagraph) {
        if cellText != nil {
            cellText?.append(0x20)
            cellText?.append(contentsOf: paragraph.text)
        } else if let level = paragraph.headingLevel {
            builder.addHeading(paragraph.text, level: level)
        } else if paragraph.isListItem {
            builder.addListItem(paragraph.text)
        } else {
            builder.addParagraph(paragraph.text)
        }
    }

    private func appendToParagraph(_ bytes: [UInt8]) {
        guard !paragraphs.isEmpty else { return }
        paragraphs[paragraphs.count - 1].text.append(contentsOf: bytes)
    }

    private func setListItem(_ isListItem: Bool) {
        guard !paragraphs.isEmpty, paragraphPropertiesDepth > 0 else { return }
        paragraphs[paragraphs.count - 1].isListItem = isListItem
    }

    /// Built-in style ids: Heading1..Heading9 and Title for headings (Markdown
    /// stops at six levels), ListParagraph, ListBullet, ListNumber... for lists.
    private func applyStyle(_ styleID: String?) {
        guard let styleID, !paragraphs.isEmpty, paragraphPropertiesDepth > 0 else { return }
        let style = styleID.lowercased().replacingOccurrences(of: " ", with: "")
        let last = paragraphs.count - 1
        if style == "title" {
            paragraphs[last].headingLevel = 1
        } else if style.hasPrefix("heading"), let level = Int(style.dropFirst("heading".count)), (1...9).contains(level) {
            paragraphs[last].headingLevel = min(level, 6)
        } else if style.hasPrefix("list") {
            paragraphs[last].isListItem = true
        }
    }

    /// `w:val`, whether or not the parser kept the prefix on attribute names.
    private static func value(in attributes: [String: String]) -> String? {
        attributes["w:val"] ?? attributes["val"] ?? attributes.first { $0.key.hasSuffix(":val") }?.value
    }
}
