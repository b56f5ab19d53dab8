import Foundation
import XCTest

/// The documents are about children: the tool must never send a byte of them anywhere.
/// Any networking API in the sources fails this test, so adding one is a visible decision.
final class NoNetworkTests: XCTestCase {
    static let networkingAPIs = [
        #"\bURLSession\b"#, #"\bURLRequest\b"#, #"\bNWConnection\b"#, #"\bCFStream"#, #"\bFoundationNetworking\b"#,
        #"\bimport\s+Network\b"#, #"\bsocket\s*\("#, #"\bconnect\s*\("#, #"\bgetaddrinfo\s*\("#, #"\bgethostbyname\s*\("#,
        #"contentsOf:\s*URL\(string:"#,
    ]

    func testSourcesUseNoNetworkingAPI() throws {
        let sources = TestSupport.path("Sources")
        let files = FileManager.default.enumerator(atPath: sources)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        XCTAssertGreaterThan(files.count, 50, "the scan must see the sources")
        var findings: [String] = []
        for file in files.sorted() {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            findings += Self.networkingCalls(in: text).map { "Sources/\(file):\($0)" }
        }
        XCTAssertEqual(findings, [], "networking APIs in the sources")
    }

    func testScanFindsNetworkingCallsButNotComments() {
        let code = """
        import FoundationNetworking
        // URLSession is not used: this comment must not count
        let task = URLSession.shared.dataTask(with: url)
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        _ = connect(fd, address, length)  /// trailing doc comment: connect(
        disconnect(device)
        """
        XCTAssertEqual(Self.networkingCalls(in: code).map { $0.components(separatedBy: ":").first! }, ["1", "3", "4", "5"])
    }

    /// `line: code` for every line whose code (comments removed) names a networking API.
    static func networkingCalls(in text: String) -> [String] {
        let patterns = networkingAPIs.map { try! NSRegularExpression(pattern: $0) }
        var found: [String] = []
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            let code = withoutComment(line)
            let range = NSRange(code.startIndex..., in: code)
            if patterns.contains(where: { $0.firstMatch(in: code, range: range) != nil }) {
                found.append("\(number + 1): \(code.trimmingCharacters(in: .whitespaces))")
            }
        }
        return found
    }

    /// Drops a `//` comment; a `//` inside a string literal (a URL) is rare enough in these
    /// sources that cutting there only ever hides text, never adds a false finding.
    private static func withoutComment(_ line: String) -> String {
        guard let start = line.range(of: "//") else { return line }
        return String(line[..<start.lowerBound])
    }
}
