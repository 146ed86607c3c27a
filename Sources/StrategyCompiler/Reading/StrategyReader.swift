import Foundation
import StrategyModel
import StrategyDiagnostics

/// Stage 1: finds the strategy's Markdown files and turns each into text, or into a diagnostic.
///
/// A file that is empty, binary, not UTF-8 or over the size limit is reported and skipped; it never
/// reaches the parser. Only a folder that cannot be listed is thrown as an error.
struct StrategyReader {
    /// Larger files are refused: a key area is a few kilobytes, so a megabyte is a mistake, not content.
    static let maximumFileSize = 1 << 20
    /// More files than any strategy needs (the 2022 toolkit has 20; the benchmark's largest copy 15,000):
    /// past this, the folder is the wrong one (a home folder, a disk), and nothing is read.
    static let defaultMaximumFileCount = 100_000

    let maximumFileCount: Int

    init(maximumFileCount: Int = Self.defaultMaximumFileCount) {
        self.maximumFileCount = maximumFileCount
    }

    func read(folder root: String) throws -> SourceTree {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw StrategyReadError.notFound(root)
        }
        guard isDirectory.boolValue else { throw StrategyReadError.notADirectory(root) }

        var tree = SourceTree(root: root, strategyFile: nil, assessmentFile: nil, themeFiles: [], keyAreaFiles: [], diagnostics: [],
                              fileCount: 0)
        // The tree carries what was found, its diagnostics included, to the stages after it.
        let collector = DiagnosticCollector()
        let listing = try markdownFiles(under: root)
        guard listing.files.count <= maximumFileCount else {
            collector.report(Diagnostic(
                .tooManyFiles,
                "the folder holds \(listing.files.count) Markdown files; a strategy is limited to \(maximumFileCount), "
                    + "so this is probably not a strategy folder",
                at: SourceRange(at: .wholeFile(root))))
            tree.diagnostics = collector.diagnostics
            return tree
        }
        for link in listing.links {
            let path = root.hasSuffix("/") ? root + link : root + "/" + link
            collector.report(Diagnostic(
                .fileIsLink,
                "'\(link)' is a symbolic link; strategyc never follows links, so that nothing outside the strategy "
                    + "folder is read or published: put the file or folder itself here",
                at: SourceRange(at: .wholeFile(path))))
            if let kind = UnbuiltSource.Kind(layoutOf: link) {
                tree.unreadable.append(UnbuiltSource(kind: kind, relativePath: link, path: path))
            }
        }
        for relativePath in listing.files {
            let path = root.hasSuffix("/") ? root + relativePath : root + "/" + relativePath
            add(relativePath, path: path, to: &tree, reportingTo: collector) { load(path: path, relativePath: relativePath, reportingTo: $0) }
        }
        requireStrategyFile(in: tree, reportingTo: collector)
        tree.diagnostics = collector.diagnostics
        return tree
    }

    /// The same for files held in memory (a fuzzer's input, an editor's unsaved buffers), by path relative
    /// to `root`, which only names them in diagnostics.
    func read(files: [(relativePath: String, data: Data)], root: String) -> SourceTree {
        var tree = SourceTree(root: root, strategyFile: nil, assessmentFile: nil, themeFiles: [], keyAreaFiles: [], diagnostics: [],
                              fileCount: 0)
        let collector = DiagnosticCollector()
        for file in files.sorted(by: { $0.relativePath < $1.relativePath }) where file.relativePath.hasSuffix(".md") {
            let path = root + "/" + file.relativePath
            add(file.relativePath, path: path, to: &tree, reportingTo: collector) {
                decode(file.data, path: path, relativePath: file.relativePath, reportingTo: $0)
            }
        }
        requireStrategyFile(in: tree, reportingTo: collector)
        tree.diagnostics = collector.diagnostics
        return tree
    }

    /// Sorts one file into the tree by its place in the layout, loading it only when it belongs there.
    private func add(_ relativePath: String, path: String, to tree: inout SourceTree, reportingTo collector: DiagnosticCollector,
                     load: (DiagnosticCollector) -> SourceFile?) {
        tree.fileCount += 1
        let kind = SourceKind(relativePath: relativePath)
        if kind == .other {
            if relativePath != "README.md" {
                collector.report(Diagnostic(
                    .fileIgnored,
                    "'\(relativePath)' is not part of the strategy layout and was skipped",
                    at: SourceRange(at: SourceLocation(path: path, line: 1, column: 1)),
                    notes: [.init("key areas belong under key-areas/, themes under themes/")]
                ))
            }
            return
        }
        guard let file = load(collector) else {
            if let unbuiltKind = UnbuiltSource.Kind(layoutOf: relativePath) {
                tree.unreadable.append(UnbuiltSource(kind: unbuiltKind, relativePath: relativePath, path: path))
            }
            return
        }
        switch kind {
        case .strategy: tree.strategyFile = file
        case .assessment: tree.assessmentFile = file
        case .theme: tree.themeFiles.append(file)
        case .keyArea: tree.keyAreaFiles.append(file)
        case .other: break
        }
    }

    private func requireStrategyFile(in tree: SourceTree, reportingTo collector: DiagnosticCollector) {
        guard tree.strategyFile == nil && !collector.diagnostics.contains(where: { $0.range.path.hasSuffix("/strategy.md") }) else {
            return
        }
        let path = tree.root.hasSuffix("/") ? tree.root + "strategy.md" : tree.root + "/strategy.md"
        collector.report(Diagnostic(
            .missingStrategyFile,
            "the strategy folder has no strategy.md (title, edition, publisher and levels)",
            at: SourceRange(at: SourceLocation(path: path, line: 1, column: 1))
        ))
    }

    /// Paths of `.md` files below `root`, relative to it, sorted so that every run sees them in one order,
    /// and the symbolic links found there (files or folders), which are never followed. Hidden files and
    /// folders are skipped.
    private func markdownFiles(under root: String) throws -> (files: [String], links: [String]) {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw StrategyReadError.unreadable(root, reason: "the folder cannot be listed")
        }
        var paths: [String] = []
        var links: [String] = []
        while let next = enumerator.nextObject() as? String {
            let components = next.split(separator: "/")
            if components.contains(where: { $0.hasPrefix(".") }) { continue }
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeSymbolicLink {
                links.append(next)
                continue
            }
            if next.hasSuffix(".md") { paths.append(next) }
        }
        return (paths.sorted(), links.sorted())
    }

    /// Reads and decodes one file, reporting why it cannot be used when that is the case.
    func load(path: String, relativePath: String, reportingTo collector: DiagnosticCollector) -> SourceFile? {
        let start = SourceRange(at: SourceLocation(path: path, line: 1, column: 1))
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > Self.maximumFileSize {
            collector.report(Diagnostic(
                .fileTooLarge, "file is \(size) bytes; source files are limited to \(Self.maximumFileSize) bytes",
                at: start))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            collector.report(Diagnostic(.fileUnreadable, "file cannot be read", at: start))
            return nil
        }
        return decode(data, path: path, relativePath: relativePath, reportingTo: collector)
    }

    /// Decodes one file's bytes, reporting why they cannot be used when that is the case.
    func decode(_ data: Data, path: String, relativePath: String, reportingTo collector: DiagnosticCollector) -> SourceFile? {
        if data.count > Self.maximumFileSize {
            collector.report(Diagnostic(
                .fileTooLarge, "file is \(data.count) bytes; source files are limited to \(Self.maximumFileSize) bytes",
                at: SourceRange(at: SourceLocation(path: path, line: 1, column: 1))))
            return nil
        }
        if let order = UTF16Sniffer.order(of: data) {
            collector.report(utf16Diagnostic(data, order: order, path: path))
            // Read on, so that the file's other problems are reported in the same run; the error above
            // still stops publication until the file is saved as UTF-8.
            guard let text = UTF16Sniffer.decode(data, order) else { return nil }
            return sourceFile(text, path: path, relativePath: relativePath, reportingTo: collector)
        }
        if let nul = data.firstIndex(of: 0) {
            let position = Self.position(ofByte: nul - data.startIndex, in: data)
            collector.report(Diagnostic(
                .fileBinary, "file contains a NUL byte, so it is not a text file",
                at: SourceRange(at: SourceLocation(path: path, line: position.line, column: position.column))))
            return nil
        }
        if let bad = Self.firstInvalidUTF8Byte(in: data) {
            let position = Self.position(ofByte: bad, in: data)
            collector.report(Diagnostic(
                .fileNotUTF8, "file is not valid UTF-8 (byte 0x\(String(data[data.startIndex + bad], radix: 16, uppercase: true))); save it as UTF-8",
                at: SourceRange(at: SourceLocation(path: path, line: position.line, column: position.column))))
            return nil
        }
        return sourceFile(String(decoding: data, as: UTF8.self), path: path, relativePath: relativePath,
                          reportingTo: collector)
    }

    /// The decoded text as a source file: without a byte-order mark, with Unix line endings; nil (reported)
    /// when it holds nothing.
    private func sourceFile(_ decoded: String, path: String, relativePath: String,
                            reportingTo collector: DiagnosticCollector) -> SourceFile? {
        let start = SourceRange(at: SourceLocation(path: path, line: 1, column: 1))
        var text = decoded
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // Swift treats "\r\n" as one Character, so line splitting needs one convention: Unix line endings.
        // Line numbers are unchanged, and so are columns (the "\r" sat at the end of a line).
        // A lone carriage return ends a line too, as CommonMark says (old Mac files). The byte scan first:
        // most files have no "\r", and Foundation's search would bridge every one of them to NSString.
        if text.utf8.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if text.allSatisfy(\.isWhitespace) {
            collector.report(Diagnostic(.fileEmpty, "file is empty", at: start))
            return nil
        }
        if let control = Self.firstControlCharacter(in: text) {
            // Reported, and the file read on: the characters would make the pages invalid HTML and can
            // hide text in a terminal, so publication stops until they are removed.
            collector.report(Diagnostic(
                .controlCharacter,
                "file contains the control character U+\(String(format: "%04X", control.scalar.value))"
                    + (control.count > 1 ? " and \(control.count - 1) more" : "")
                    + ", which cannot be published; delete it (it is invisible in most editors)",
                at: SourceRange(at: SourceLocation(path: path, line: control.line, column: control.column))))
        }
        return SourceFile(path: path, relativePath: relativePath, text: text)
    }

    /// The first control character other than tab and line ends, with its line and byte column, and how
    /// many the text holds.
    static func firstControlCharacter(in text: String) -> (scalar: Unicode.Scalar, line: Int, column: Int, count: Int)? {
        var first: (Unicode.Scalar, Int, Int)?
        var count = 0, line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if isControl(scalar) {
                count += 1
                if first == nil { first = (scalar, line, column) }
            }
            column += UTF8.width(scalar)
        }
        return first.map { ($0.0, $0.1, $0.2, count) }
    }

    /// A UTF-16 file, named as such, with a fix-it that replaces its content by the same text (to be
    /// saved as UTF-8) and the command that does it.
    private func utf16Diagnostic(_ data: Data, order: UTF16Sniffer.Order, path: String) -> Diagnostic {
        let start = SourceLocation(path: path, line: 1, column: 1)
        var fixIts: [FixIt] = []
        if let text = UTF16Sniffer.decode(data, order) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let end = SourceLocation(path: path, line: lines.count, column: (lines.last?.utf8.count ?? 0) + 1)
            fixIts.append(FixIt("save the same text as UTF-8", range: SourceRange(start: start, end: end), replacement: text))
        }
        let name = (path as NSString).lastPathComponent
        return Diagnostic(
            .fileNotUTF8, "file is UTF-16 (\(order.rawValue)) text; save it as UTF-8",
            at: SourceRange(at: start),
            notes: [.init("in a terminal: iconv -f \(order.iconvName) -t UTF-8 \(name) > \(name).utf8 && mv \(name).utf8 \(name)")],
            fixIts: fixIts)
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, if any.
    static func firstInvalidUTF8Byte(in data: Data) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    /// The 1-based line and byte column of a byte offset.
    static func position(ofByte offset: Int, in data: Data) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for (index, byte) in data.prefix(offset).enumerated() where byte == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }
}
