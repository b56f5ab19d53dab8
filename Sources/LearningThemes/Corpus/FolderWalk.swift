#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists a folder tree with `opendir`/`readdir`. FileManager's enumerator cost about as
/// much per file as reading a 50 KB document's metadata; this walks the tree the way it
/// did (symbolic links are listed but never followed, not even a linked root, and no
/// other file system is entered), so a corpus lists the same files.
enum FolderWalk {
    /// The paths below `folder`, relative to it ("sub/name"), of the entries `keeps`
    /// accepts, given each entry's name. Sub-folders that `entersFolder` refuses, given
    /// their name, are not looked into. Unreadable folders are skipped.
    static func entries(in folder: String, entersFolder: (String) -> Bool, keeps: (String) -> Bool) -> [String] {
        var root = folder
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        var rootStatus = stat()
        guard lstat(root, &rootStatus) == 0, rootStatus.st_mode & S_IFMT == S_IFDIR else { return [] }
        var found: [String] = []
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            guard let directory = opendir(relative.isEmpty ? root : root + "/" + relative) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                if keeps(name) { found.append(path) }
                if mayBeFolder(entry.pointee.d_type), entersFolder(name), isFolder(root + "/" + path, device: rootStatus.st_dev) {
                    pending.append(path)
                }
            }
        }
        return found
    }

    /// What `readdir` says of an entry's type: most file systems tell files from folders.
    private static func mayBeFolder(_ type: UInt8) -> Bool {
        type == UInt8(DT_DIR) || type == UInt8(DT_UNKNOWN)
    }

    /// Whether `path` is a real folder on the root's file system; a symbolic link to a
    /// folder is not one.
    private static func isFolder(_ path: String, device: dev_t) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR && status.st_dev == device
    }
}
