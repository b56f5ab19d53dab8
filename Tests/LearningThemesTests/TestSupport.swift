import Foundation
import XCTest
@testable import LearningThemes

/// Paths and builders shared by the tests.
enum TestSupport {
    /// The repository root, found from this file's path.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    static let taxonomy: Taxonomy = {
        let bytes = [UInt8](FileManager.default.contents(atPath: path("rules/taxonomy.txt"))!)
        return try! Taxonomy.parse(bytes, file: "taxonomy.txt")
    }()

    /// A rule set from rule-file text (one file), against the real taxonomy.
    static func ruleSet(_ text: String, file: String = "test.rules") throws -> RuleSet {
        try RuleSet.build(taxonomy: taxonomy, files: [(file, Array(text.utf8))])
    }

    static func matcher(_ text: String) throws -> Matcher { Matcher(ruleSet: try ruleSet(text)) }

    /// The error a rule file gives, as `file:line:column: message`.
    static func ruleError(_ text: String, file: String = "test.rules") -> String? {
        do {
            _ = try ruleSet(text, file: file)
            return nil
        } catch {
            return "\(error)"
        }
    }

    static func seed(_ name: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path("corpus/documents/\(name)"))!, as: UTF8.self)
    }

    /// The built `learning-themes` executable (built alongside the tests).
    /// On Linux the tests run as an executable of their own in the build folder;
    /// elsewhere inside a bundle: look next to either.
    static var executable: String {
        let starts = [Bundle.main.executableURL, Bundle(for: BundleMarker.self).bundleURL].compactMap { $0 }
        let candidates = starts.flatMap { start in
            [start.deletingLastPathComponent(), start.deletingLastPathComponent().deletingLastPathComponent()]
                .map { $0.appendingPathComponent("learning-themes").path }
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs the CLI with `arguments`, optional standard input, in `directory`.
    static func run(_ arguments: [String], input: String? = nil, directory: String? = nil,
                    environment: [String: String] = [:]) throws -> Run {
        try runProgram([executable] + arguments, input: input, directory: directory, environment: environment)
    }

    /// Runs `command` (a program and its arguments). A child killed by a signal reports
    /// 128 + the signal, as a shell does, so a crash can never pass for an exit code.
    static func runProgram(_ command: [String], input: String? = nil, directory: String? = nil,
                           environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? root)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "LEARNING_THEMES_RULES")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Standard error goes to a file so a chatty child can never block on a full pipe
        // while the test reads standard output.
        let errorPath = NSTemporaryDirectory() + "learning-themes-test-\(UUID().uuidString).err"
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let errorHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        let output = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = errorHandle
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        let errData = FileManager.default.contents(atPath: errorPath) ?? Data()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Run(status: status, standardOutput: String(decoding: outData, as: UTF8.self),
                   standardError: String(decoding: errData, as: UTF8.self))
    }
}

private final class BundleMarker {}
