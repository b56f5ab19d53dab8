#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file with POSIX calls, because only errno tells "no such file",
/// "is a directory" and "permission denied" apart reliably on every platform.
enum FileBytesReader {
    /// Far above any real report, but stops `/dev/zero` or an endless pipe from
    /// exhausting memory.
    static let maximumSize = 1 << 30

    static func read(path: String) throws -> [UInt8] {
        let location = SourceLocation(file: path)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 { throw openError(errno, at: location) }
        defer { close(descriptor) }
        var status = stat()
        var sizeHint = 0
        if fstat(descriptor, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFDIR {
                throw LearningThemesError(.input, "is a directory", at: location)
            }
            sizeHint = Int(status.st_size)
        }
        return try readToEnd(descriptor, sizeHint: sizeHint, at: location)
    }

    static func readStandardInput(name: String) throws -> [UInt8] {
        try readToEnd(STDIN_FILENO, sizeHint: 0, at: SourceLocation(file: name))
    }

    /// Reads straight into the storage of the array returned, sized from the file's length,
    /// so no byte is zeroed or copied on the way. A file longer than stat said (pipes,
    /// /proc files) moves to storage twice the size and reading goes on.
    private static func readToEnd(_ descriptor: Int32, sizeHint: Int, at location: SourceLocation) throws -> [UInt8] {
        var capacity = min(max(sizeHint, 0), maximumSize) + 4096
        var bytes: [UInt8] = []
        while true {
            var reachedEnd = false
            let previous = bytes
            bytes = try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = buffer.initialize(fromContentsOf: previous)
                while count < buffer.count {
                    let read = posixRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
                    if read == 0 { reachedEnd = true; return }
                    if read < 0 {
                        let code = errno
                        if code == EINTR { continue }
                        throw code == EISDIR
                            ? LearningThemesError(.input, "is a directory", at: location)
                            : LearningThemesError(.input, "cannot read: \(describe(code))", at: location)
                    }
                    count += read
                    if count > maximumSize {
                        throw LearningThemesError(.input, "file too large (over \(maximumSize >> 20) MB)", at: location)
                    }
                }
            }
            if reachedEnd { return bytes }
            if capacity > maximumSize {
                throw LearningThemesError(.input, "file too large (over \(maximumSize >> 20) MB)", at: location)
            }
            capacity *= 2
        }
    }

    private static func openError(_ code: Int32, at location: SourceLocation) -> LearningThemesError {
        let message: String
        switch code {
        case ENOENT, ENOTDIR: message = "no such file"
        case EACCES, EPERM: message = "permission denied"
        case EISDIR: message = "is a directory"
        default: message = "cannot open: \(describe(code))"
        }
        return LearningThemesError(.input, message, at: location)
    }

    private static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

/// The system `read`; inside `FileBytesReader` the bare name means its own `read(path:)`.
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(descriptor, buffer, count)
    #elseif canImport(Musl)
    return Musl.read(descriptor, buffer, count)
    #else
    return Darwin.read(descriptor, buffer, count)
    #endif
}
