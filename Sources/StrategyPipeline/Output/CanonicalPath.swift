import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Absolute paths with every symbolic link resolved, so that `./Strategy`, `../main/Strategy` and a link
/// to it compare equal. A path that does not exist yet keeps its missing tail as written (with `.` and
/// `..` folded), after the longest existing prefix has been resolved.
enum CanonicalPath {
    static func resolve(_ path: String, relativeTo base: String) -> String {
        let absolute = path.hasPrefix("/") ? path : base + "/" + path
        var resolved = "/"
        var components = absolute.split(separator: "/").map(String.init)[...]
        while let component = components.first {
            components = components.dropFirst()
            if component == "." { continue }
            if component == ".." {
                resolved = (resolved as NSString).deletingLastPathComponent
                continue
            }
            let candidate = resolved == "/" ? "/" + component : resolved + "/" + component
            if let real = realPath(candidate) {
                resolved = real
            } else {
                resolved = candidate
            }
        }
        return resolved
    }

    /// Whether `inner` is `outer` or lies inside it.
    static func isSameOrInside(_ inner: String, _ outer: String) -> Bool {
        inner == outer || outer == "/" || inner.hasPrefix(outer + "/")
    }

    /// Whether the path itself (not what it points to) is a symbolic link.
    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
