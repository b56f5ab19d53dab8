#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary file of an export in progress when the user interrupts the run
/// (Ctrl-C, or `kill`), so an interrupted run leaves neither a half-written output nor
/// litter. A signal handler may only call async-signal-safe functions, so the path is
/// kept as a C string ready for `unlink`, and the handler then exits with the
/// conventional 128 + signal status.
enum InterruptCleanup {
    nonisolated(unsafe) private static var pendingPath: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var installed = false

    static func register(_ path: String) {
        install()
        let copy = strdup(path)
        let previous = pendingPath
        pendingPath = copy
        free(previous)
    }

    static func clear() {
        let previous = pendingPath
        pendingPath = nil
        free(previous)
    }

    private static func install() {
        guard !installed else { return }
        installed = true
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                if let path = InterruptCleanup.pendingPath { unlink(path) }
                _exit(128 + received)
            }
        }
    }
}
