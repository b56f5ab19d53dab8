#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes outputs so that a reader only ever sees the old file or the complete new one:
/// bytes go to a hidden temporary file beside the target, are flushed to disk, and the
/// temporary file is then renamed over the target. A failed or interrupted export
/// therefore never leaves a truncated matrix that looks finished.
public struct AtomicFileWriter: Sendable {
    /// Where the path "-" writes; settable so tests can point it at a pipe.
    public var standardOutput: Int32

    public init(standardOutput: Int32 = STDOUT_FILENO) {
        self.standardOutput = standardOutput
    }

    public func write(_ bytes: [UInt8], to path: String, refusingToOverwrite inputs: [String] = []) throws {
        try write(to: path, refusingToOverwrite: inputs) { try $0.write(bytes) }
    }

    /// Runs `produce` against a sink for `path` and commits the result only if it returns.
    /// If anything throws, including `produce`, the temporary file is removed, an existing
    /// target keeps its old content, and the error is rethrown.
    public func write(
        to path: String, refusingToOverwrite inputs: [String] = [], _ produce: (inout OutputSink) throws -> Void
    ) throws {
        if path == "-" {
            var sink = OutputSink(fileDescriptor: standardOutput, displayName: "standard output")
            try produce(&sink)
            try sink.flush()
            return
        }
        guard !path.isEmpty else { throw LearningThemesError(.output, "no output path given") }
        for input in inputs where input != "-" && PathIdentity.sameFile(path, input) {
            throw LearningThemesError(.output, "refusing to write over input file \(path)")
        }
        let destination = try checkedDestination(for: path)
        let (directory, name) = PathIdentity.split(destination)
        let (temporaryPath, fileDescriptor) = try createTemporaryFile(named: name, in: directory, for: path)
        InterruptCleanup.register(temporaryPath)
        defer { InterruptCleanup.clear() }
        do {
            if let existing = SystemCalls.status(of: destination) {
                // Keep the permissions a user gave the old file, where we are allowed to.
                _ = fchmod(fileDescriptor, existing.st_mode & 0o7777)
            }
            var sink = OutputSink(fileDescriptor: fileDescriptor, displayName: path)
            try produce(&sink)
            try sink.flush()
            guard fsync(fileDescriptor) == 0 else { throw failure(path, SystemCalls.lastErrorReason()) }
        } catch {
            close(fileDescriptor)
            unlink(temporaryPath)
            throw error
        }
        // Some file systems (NFS) only report a failed write when the file is closed.
        guard close(fileDescriptor) == 0 else {
            let reason = SystemCalls.lastErrorReason()
            unlink(temporaryPath)
            throw failure(path, reason)
        }
        guard rename(temporaryPath, destination) == 0 else {
            let reason = SystemCalls.lastErrorReason()
            unlink(temporaryPath)
            throw failure(path, reason)
        }
        syncDirectory(directory)
    }

    /// The file to replace: the path itself, or for a symlink the file it points to, so the
    /// link survives the rename. Problems with the path are reported before anything is
    /// created, in words that say what to fix.
    private func checkedDestination(for path: String) throws -> String {
        var destination = path
        if let link = SystemCalls.linkStatus(of: path), SystemCalls.isSymbolicLink(link) {
            destination = PathIdentity.resolve(path)
        }
        let (directory, name) = PathIdentity.split(destination)
        if name.isEmpty || name == "." || name == ".." {
            throw failure(path, "it is a directory")
        }
        guard let directoryStatus = SystemCalls.status(of: directory) else {
            let code = errno
            if code == ENOENT { throw failure(path, "directory \(directory) does not exist") }
            throw failure(path, "directory \(directory): \(SystemCalls.reason(forErrorNumber: code))")
        }
        guard SystemCalls.isDirectory(directoryStatus) else {
            throw failure(path, "\(directory) is not a directory")
        }
        if let existing = SystemCalls.status(of: destination), SystemCalls.isDirectory(existing) {
            throw failure(path, "it is a directory")
        }
        return destination
    }

    /// A hidden name with the process id and a random suffix, so concurrent exports to the
    /// same directory, even to the same target, never share a temporary file.
    private func createTemporaryFile(named name: String, in directory: String, for path: String) throws -> (String, Int32) {
        for _ in 0..<16 {
            let suffix = String(UInt64.random(in: 0 ... .max), radix: 16)
            let temporaryPath = PathIdentity.join(directory, ".\(name).\(getpid()).\(suffix).tmp")
            let fileDescriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o666))
            if fileDescriptor >= 0 { return (temporaryPath, fileDescriptor) }
            let code = errno
            if code == EEXIST { continue }
            if code == EACCES || code == EPERM {
                throw failure(path, "permission denied (cannot create files in \(directory))")
            }
            throw failure(path, SystemCalls.reason(forErrorNumber: code))
        }
        throw failure(path, "could not create a temporary file in \(directory)")
    }

    /// Makes the rename itself durable. Best effort: not every file system allows it, and
    /// the new content is already safely on disk.
    private func syncDirectory(_ directory: String) {
        let fileDescriptor = open(directory, O_RDONLY | O_CLOEXEC)
        guard fileDescriptor >= 0 else { return }
        _ = fsync(fileDescriptor)
        close(fileDescriptor)
    }

    private func failure(_ path: String, _ reason: String) -> LearningThemesError {
        LearningThemesError(.output, "cannot write \(path): \(reason)")
    }
}
