import Dispatch
import Foundation

/// Runs the system tools the loader leans on (pdftotext, pdfinfo, unzip).
enum ExternalProgram {
    struct Outcome {
        var status: Int32
        var output: [UInt8]
        var errorOutput: [UInt8]

        /// The first non-empty line of standard error: the tool's own reason,
        /// short enough to fit the one-line error we report.
        var firstErrorLine: String {
            let text = String(decoding: errorOutput, as: UTF8.self)
            let line = text.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .first { !$0.isEmpty } ?? "exit status \(status)"
            return line.count > 200 ? String(line.prefix(200)) + "…" : line
        }
    }

    /// Looks the program up on PATH ourselves: `Process` needs a full path, and a
    /// missing tool must become an install hint rather than a launch failure.
    static func locate(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.isEmpty ? ["/usr/local/bin", "/usr/bin", "/bin"] : path.split(separator: ":").map(String.init)
        for directory in directories where !directory.isEmpty {
            let candidate = directory + "/" + name
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let outputPipe = Pipe(), errorPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            let name = URL(fileURLWithPath: executable).lastPathComponent
            throw LearningThemesError(.tool, "could not run \(name): \(error.localizedDescription)")
        }
        // Standard error is drained on another thread: a tool that fills that pipe
        // while we wait on standard output would otherwise block forever.
        let errorReader = errorPipe.fileHandleForReading
        let collected = CollectedBytes()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            collected.store(errorReader.readDataToEndOfFile())
            group.leave()
        }
        let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: [UInt8](output), errorOutput: collected.bytes)
    }
}

/// Hands the bytes read on the background thread back to the caller.
private final class CollectedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [UInt8] = []

    func store(_ data: Data) {
        lock.lock()
        stored = [UInt8](data)
        lock.unlock()
    }

    var bytes: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
