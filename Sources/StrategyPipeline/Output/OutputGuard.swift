import Foundation
import StrategyModel
import StrategyWorkbook
import StrategyDiagnostics

/// Decides, before anything is rendered, whether a command may write where it was asked to.
///
/// strategyc replaces only output it can prove it wrote. A folder is replaced only when it is missing,
/// empty, or holds exactly the files its manifest lists, unchanged; a single file (a workbook, an export)
/// only when it is missing or is strategyc's own, unfilled output. Some places are refused whatever they
/// hold: the root and home folders, the working folder, the strategy and templates folders, anything that
/// contains them or lies inside the sources, a folder holding `.git`, and symbolic links, which are never
/// deleted or written through. `docs/output.md` explains each rule to users.
public struct OutputGuard: Sendable {
    /// What a single output file is, which says how to recognise an earlier copy of it.
    public enum FileKind: Sendable {
        /// `strategyc export`: the model as JSON.
        case modelJSON
        /// `strategyc workbook`: a blank assessment workbook.
        case workbook
        /// `strategyc read-return -o`: the answers read, as JSON.
        case returnsJSON
    }

    private struct Protected: Sendable {
        var path: String
        /// What the place is, such as "the strategy folder".
        var kind: String
        /// The path as the user gave it, when that helps.
        var given: String?

        var name: String { name(shownWith: true) }

        func name(shownWith showPath: Bool) -> String {
            guard showPath, let given else { return kind }
            return "\(kind) '\(given)'"
        }
    }

    private let workingDirectory: String
    private let never: [Protected]
    private let sources: [Protected]

    /// - Parameters:
    ///   - strategyFolder: the sources being compiled.
    ///   - templatesFolder: the templates, when the command uses them.
    ///   - workingDirectory: where relative paths start.
    ///   - home: the user's home folder.
    public init(strategyFolder: String, templatesFolder: String? = nil,
                workingDirectory: String = FileManager.default.currentDirectoryPath,
                home: String? = ProcessInfo.processInfo.environment["HOME"]) {
        self.workingDirectory = workingDirectory
        func canonical(_ path: String) -> String { CanonicalPath.resolve(path, relativeTo: workingDirectory) }
        var sources = [Protected(path: canonical(strategyFolder), kind: "the strategy folder", given: strategyFolder)]
        if let templatesFolder {
            sources.append(Protected(path: canonical(templatesFolder), kind: "the templates folder", given: templatesFolder))
        }
        self.sources = sources
        var never = [Protected(path: canonical(workingDirectory), kind: "the working folder")] + sources
        if let home, !home.isEmpty { never.append(Protected(path: canonical(home), kind: "your home folder")) }
        self.never = never
    }

    // MARK: - Folders

    /// Why `path` may not be replaced by a build's output folder; empty when it may.
    public func checkFolder(_ path: String) -> [Diagnostic] {
        let location = SourceRange(at: .wholeFile(path))
        func refuse(_ code: DiagnosticCode, _ message: String) -> [Diagnostic] {
            [Diagnostic(code, message, at: location)]
        }
        guard !path.isEmpty else { return refuse(.outputProtected, "the output folder is empty; give a folder name") }
        if CanonicalPath.isSymbolicLink(trimmedTrailingSlash(path)) {
            return refuse(.outputProtected, "'\(path)' is a symbolic link; strategyc never replaces or deletes "
                + "through a link: give the folder itself")
        }
        let target = CanonicalPath.resolve(path, relativeTo: workingDirectory)
        if target == "/" { return refuse(.outputProtected, "'\(path)' is the root folder; choose a folder of its own for the output") }
        for place in never where CanonicalPath.isSameOrInside(place.path, target) {
            let relation = place.path == target ? "is" : "contains"
            return refuse(.outputProtected, "'\(path)' \(relation) \(place.name(shownWith: place.path != target)); "
                + "the build would replace it, "
                + "so choose a folder of its own for the output, such as _site")
        }
        if target.split(separator: "/").contains(".git") {
            return refuse(.outputProtected, "'\(path)' is inside a git repository's own folder (.git); choose a "
                + "folder of its own for the output")
        }
        for source in sources where CanonicalPath.isSameOrInside(target, source.path) {
            return refuse(.outputProtected, "'\(path)' is inside \(source.name); output is never written among "
                + "the sources, so choose a folder outside it, such as _site")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else {
            return refuse(.outputNotOwned, "'\(path)' is a file, not an output folder; choose another --out")
        }
        let folder = URL(fileURLWithPath: target, isDirectory: true)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        if entries.contains(".git") {
            return refuse(.outputProtected, "'\(path)' holds a git repository (.git); choose a folder of its own for the output")
        }
        if entries.isEmpty { return [] }
        guard let manifest = OutputManifest.read(in: folder) else {
            return refuse(.outputNotOwned, "'\(path)' already exists and was not written by strategyc "
                + "(it has no \(OutputManifest.fileName)); choose another --out, or empty or remove it yourself "
                + "if nothing in it is needed")
        }
        let foreign = ForeignFiles.find(in: folder, manifest: manifest)
        guard foreign.isEmpty else {
            let shown = foreign.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
            let more = foreign.count > 3 ? " and \(foreign.count - 3) more" : ""
            return refuse(.outputNotOwned, "'\(path)' holds files strategyc did not write or that were changed "
                + "since: \(shown)\(more); move them out, or choose another --out")
        }
        return []
    }

    // MARK: - Single files

    /// Why `path` may not be replaced by a single output file of `kind`; empty when it may.
    public func checkFile(_ path: String, kind: FileKind) -> [Diagnostic] {
        let location = SourceRange(at: .wholeFile(path))
        func refuse(_ code: DiagnosticCode, _ message: String) -> [Diagnostic] {
            [Diagnostic(code, message, at: location)]
        }
        guard !path.isEmpty else { return refuse(.outputProtected, "the output file name is empty") }
        if CanonicalPath.isSymbolicLink(trimmedTrailingSlash(path)) {
            return refuse(.outputProtected, "'\(path)' is a symbolic link; strategyc never writes through a link: "
                + "give the file itself")
        }
        let target = CanonicalPath.resolve(path, relativeTo: workingDirectory)
        for source in sources where CanonicalPath.isSameOrInside(target, source.path) {
            return refuse(.outputProtected, "'\(path)' is inside \(source.name); a command never writes over "
                + "its sources, so choose a file outside it")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { return [] }
        if isDirectory.boolValue {
            return refuse(.outputProtected, "'\(path)' is a folder; give a file name, such as \(kind.example)")
        }
        let url = URL(fileURLWithPath: target)
        switch kind {
        case .modelJSON:
            guard ModelExportProof.isExport(url) else {
                return refuse(.outputNotOwned, "'\(path)' already exists and is not a model exported by strategyc; "
                    + "choose another file name, or move it away yourself")
            }
        case .returnsJSON:
            guard ModelExportProof.hasFormat(url, prefix: "strategyc-returns-") else {
                return refuse(.outputNotOwned, "'\(path)' already exists and is not answers written by strategyc read-return; "
                    + "choose another file name, or move it away yourself")
            }
        case .workbook:
            switch BlankWorkbookProof.examine(url) {
            case .blank: break
            case .answered(let cell):
                return refuse(.outputNotOwned, "'\(path)' is an assessment workbook with answers (\(cell) is "
                    + "filled in); a blank workbook would replace them, so choose another file name")
            case .notOurs(let reason):
                return refuse(.outputNotOwned, "'\(path)' already exists and is not a blank workbook written by "
                    + "strategyc (\(reason)); choose another file name, or move it away yourself")
            }
        }
        return []
    }

    private func trimmedTrailingSlash(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }
}

extension OutputGuard.FileKind {
    var example: String {
        switch self {
        case .modelJSON: "model.json"
        case .workbook: "assessment.xlsx"
        case .returnsJSON: "answers.json"
        }
    }
}
