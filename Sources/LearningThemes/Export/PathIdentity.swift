/// Working out whether two paths name the same file, including paths to files that do
/// not exist yet, so an export can refuse to replace one of its own inputs however the
/// user spelled the path ("data/a.csv", "./data/../data/a.csv", a symlink, a hard link).
enum PathIdentity {
    /// The "directory/name" form of a path: "a.csv" is in ".", "/a.csv" is in "/".
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = path[..<slash]
        return (directory.isEmpty ? "/" : String(directory), String(path[path.index(after: slash)...]))
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// An absolute path with every symlink followed. A missing file resolves through its
    /// directory; a dangling symlink resolves to where it points, since writing through it
    /// would create that file.
    static func resolve(_ path: String, linksFollowed: Int = 0) -> String {
        if let resolved = SystemCalls.realPath(path) { return resolved }
        let (directory, name) = split(path)
        if linksFollowed < 40, let link = SystemCalls.linkStatus(of: path), SystemCalls.isSymbolicLink(link),
            let target = SystemCalls.symbolicLinkTarget(path)
        {
            let targetPath = target.hasPrefix("/") ? target : join(directory, target)
            return resolve(targetPath, linksFollowed: linksFollowed + 1)
        }
        if let resolvedDirectory = SystemCalls.realPath(directory) {
            return join(resolvedDirectory, name)
        }
        if path.hasPrefix("/") { return path }
        return join(SystemCalls.currentDirectory() ?? ".", path)
    }

    static func sameFile(_ first: String, _ second: String) -> Bool {
        if let a = SystemCalls.status(of: first), let b = SystemCalls.status(of: second) {
            return a.st_dev == b.st_dev && a.st_ino == b.st_ino
        }
        return resolve(first) == resolve(second)
    }
}
