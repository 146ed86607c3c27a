import Foundation
import StrategyCompiler
import StrategyModel

/// Follows a variant's `base` down to the national strategy: national -> region -> council. Later layers
/// win. A base that is neither a strategy folder (`strategy.md`) nor a variant folder (`variant.md`), a
/// chain that leads back to itself, and a chain deeper than `maximumDepth` layers are reported at the
/// `base:` line that causes them.
struct VariantChain {
    static let maximumDepth = 8

    /// The national strategy's folder, and the variant folders from the innermost layer to the outermost
    /// (each newly found base goes in front).
    struct Links {
        var national: String
        var variants: [String]
    }

    let collector: DiagnosticCollector

    func follow(from given: String) -> Links? {
        let folder = VariantPaths.folder(named: given)
        var variants: [String] = []
        var seen: [String: String] = [:]
        var current = folder
        while true {
            let canonical = URL(fileURLWithPath: current).standardizedFileURL.resolvingSymlinksInPath().path
            if let earlier = seen[canonical] {
                collector.report(Diagnostic(.variantBaseCycle,
                                            "the bases of '\(folder)' lead back to '\(earlier)'; a variant cannot be its own base",
                                            at: baseRange(of: variants.first ?? folder)))
                return nil
            }
            seen[canonical] = current
            if FileManager.default.fileExists(atPath: current + "/strategy.md") {
                return Links(national: current, variants: variants)
            }
            guard FileManager.default.fileExists(atPath: current + "/" + VariantReader.fileName) else {
                let at = variants.first.map(baseRange(of:)) ?? SourceRange(at: .wholeFile(current))
                collector.report(Diagnostic(.variantBaseMissing,
                                            "'\(current)' is neither a strategy folder (strategy.md) nor a variant (variant.md)",
                                            at: at))
                return nil
            }
            variants.insert(current, at: 0)
            if variants.count > Self.maximumDepth {
                collector.report(Diagnostic(.variantBaseTooDeep,
                                            "'\(folder)' is built on more than \(Self.maximumDepth) layers of variants; "
                                                + "build it on a variant nearer the national strategy",
                                            at: baseRange(of: current)))
                return nil
            }
            guard let base = baseReference(in: current) else {
                return nil  // variant.md's own problems are reported when it is read
            }
            current = Self.folded(base.hasPrefix("/") ? base : current + "/" + base)
        }
    }

    /// `Variants/riverside/../greener-north` as `Variants/greener-north`: folded by its text, so messages
    /// name folders the way the user would.
    static func folded(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// The `base:` of a variant folder, read without reporting (its problems are reported when it is read).
    private func baseReference(in folder: String) -> String? {
        guard let text = try? String(contentsOfFile: folder + "/" + VariantReader.fileName, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n").prefix(200) where line.hasPrefix("base:") {
            var value = line.dropFirst(5).trimmingSpaces()
            if !value.hasPrefix("\""), !value.hasPrefix("'"), let comment = value.range(of: " #") {
                value = String(value[..<comment.lowerBound]).trimmingSpaces()
            }
            return value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }
        return nil
    }

    /// Where a variant's `base:` value is, for diagnostics about its chain.
    private func baseRange(of folder: String) -> SourceRange {
        let path = folder + "/" + VariantReader.fileName
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return SourceRange(at: .wholeFile(path)) }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.hasPrefix("base:") {
            let column = line.utf8.count - line.dropFirst(5).drop { $0 == " " }.utf8.count + 1
            return SourceRange(at: SourceLocation(path: path, line: index + 1, column: column))
        }
        return SourceRange(at: .wholeFile(path))
    }
}

/// Paths between folders of a repository, as a variant's `base:` is written.
public enum VariantPaths {
    /// The path from folder `from` to `to` (both relative to the same working folder), such as
    /// `../greener-north` from `Variants/riverside` to `Variants/greener-north`.
    public static func relative(from: String, to: String) -> String {
        let a = VariantChain.folded(from).split(separator: "/"), b = VariantChain.folded(to).split(separator: "/")
        var common = 0
        while common < min(a.count, b.count) && a[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: a.count - common)
        let down = b[common...].map(String.init)
        return (up + down).joined(separator: "/")
    }

    /// `Variants/x/variant.md` names its folder, `Variants/x`: the file is taken for the folder that holds it,
    /// as a user who points at the file they edit means.
    public static func folder(named path: String) -> String {
        var isFolder: ObjCBool = false
        guard (path as NSString).lastPathComponent == VariantReader.fileName,
              FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { return path }
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// The folder of the variant with this id under `variantsFolder` (a variant's folder is named after its
    /// id), when there is one. An id read from a file becomes a path only when it is a slug.
    public static func folder(ofVariant id: String, in variantsFolder: String) -> String? {
        let folder = (variantsFolder as NSString).appendingPathComponent(id)
        var isFolder: ObjCBool = false
        guard Slug.isValid(id), FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder),
              isFolder.boolValue else { return nil }
        return folder
    }

    /// Every variant folder under `folder`, by id: to tell a user the folder a return's variant is in.
    public static func foldersByID(in folder: String) -> [String: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var found: [String: String] = [:]
        for name in names.sorted() {
            guard let variant = Self.folder(ofVariant: name, in: folder),
                  FileManager.default.fileExists(atPath: variant + "/" + VariantReader.fileName) else { continue }
            found[name] = variant
        }
        return found
    }
}
