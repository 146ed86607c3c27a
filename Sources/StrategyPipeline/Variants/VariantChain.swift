import Foundation
import StrategyCompiler
import StrategyModel
import StrategyDiagnostics

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
        /// Where each variant folder's `base:` stands, for diagnostics about the chain.
        var baseRanges: [String: SourceRange] = [:]
        func baseRange(of folder: String) -> SourceRange {
            baseRanges[folder] ?? SourceRange(at: .wholeFile(folder + "/" + VariantReader.fileName))
        }
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
            // Read before the depth is judged, so that the error names the `base:` that went too deep.
            let base = VariantReader().base(ofFolder: current, reportingTo: collector)
            if let base { baseRanges[current] = base.range }
            variants.insert(current, at: 0)
            if variants.count > Self.maximumDepth {
                collector.report(Diagnostic(.variantBaseTooDeep,
                                            "'\(folder)' is built on more than \(Self.maximumDepth) layers of variants; "
                                                + "build it on a variant nearer the national strategy",
                                            at: baseRange(of: current)))
                return nil
            }
            guard let base else { return nil }  // variant.md's problems are reported by the read above
            let reference = base.reference
            current = Self.folded(reference.hasPrefix("/") ? reference : current + "/" + reference)
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
