/// Reads the body text of a .docx: `unzip` unpacks word/document.xml and
/// `WordDocumentXMLReader` turns it into the block contract.
enum WordDocumentExtractor {
    static let mainPart = "word/document.xml"

    static func extract(_ archive: [UInt8], name: String) throws -> [UInt8] {
        let location = SourceLocation(file: name)
        guard let unzip = ExternalProgram.locate("unzip") else {
            throw LearningThemesError(.tool, "unzip not found: install the Debian package unzip", at: location)
        }
        // Always through a temporary file with a plain name: unzip reads wildcards
        // in the archive name, so `Report [final].docx` would not be found.
        let outcome = try TemporaryFile.withFile(containing: archive, suffix: ".docx") { path in
            try ExternalProgram.run(unzip, ["-p", path, mainPart])
        }
        guard outcome.status == 0, !outcome.output.isEmpty else {
            throw LearningThemesError(.input, "damaged Word document: unzip could not extract \(mainPart): \(outcome.firstErrorLine)",
                                      at: location)
        }
        return try WordDocumentXMLReader.blocks(fromDocumentXML: outcome.output, name: name)
    }
}
