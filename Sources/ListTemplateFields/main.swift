// Writes the field lists of the views templates are given, from the views' own declarations: every struct
// that declares `TemplateFields` gets `fields`, its stored properties by name, read through key paths.
// Run by the TemplateFieldsPlugin build-tool plugin on every build of StrategyRender, into the build
// folder, so that a view's stored properties are the one list of its fields: adding a property adds the
// field, and nothing generated is in git.
//
// usage: ListTemplateFields OUTPUT.swift SOURCE.swift...
//
// This is a scanner for the plain declarations views are written in, not a Swift parser: stored
// properties are the `let` and `var` declarations directly in the struct's body that are not `static` and
// open no body of their own (`var x: T { ... }` is computed). A test holds every list to the view's
// stored properties as reflection sees them, so a declaration this scanner misreads fails the tests.
import Foundation

/// A view and its stored properties, in the order they are declared.
struct View {
    var name: String
    var fields: [String]
}

/// `text` with comments and string literals blanked out (newlines kept), so that braces and keywords
/// inside them are not read as code.
func code(of text: String) -> [Character] {
    let characters = Array(text)
    var result = characters
    var index = 0
    func blank(_ range: Range<Int>) {
        for position in range where result[position] != "\n" { result[position] = " " }
    }
    func starts(_ token: String, at position: Int) -> Bool {
        let token = Array(token)
        return position + token.count <= characters.count && Array(characters[position..<position + token.count]) == token
    }
    while index < characters.count {
        if starts("//", at: index) {
            let end = characters[index...].firstIndex(of: "\n") ?? characters.count
            blank(index..<end)
            index = end
        } else if starts("/*", at: index) {
            var end = index + 2
            while end < characters.count, !starts("*/", at: end) { end += 1 }
            end = min(end + 2, characters.count)
            blank(index..<end)
            index = end
        } else if characters[index] == "\"" {
            // A string literal, single- or multi-line, raw (`#"..."#`) or not.
            var hashes = 0
            while index - hashes - 1 >= 0, characters[index - hashes - 1] == "#" { hashes += 1 }
            let delimiter = starts("\"\"\"", at: index) ? "\"\"\"" : "\""
            let closing = delimiter + String(repeating: "#", count: hashes)
            var end = index + delimiter.count
            while end < characters.count, !starts(closing, at: end) {
                end += (characters[end] == "\\" && hashes == 0) ? 2 : 1
            }
            end = min(end + closing.count, characters.count)
            blank(index + 1..<max(index + 1, end - 1))
            index = end
        } else {
            index += 1
        }
    }
    return result
}

/// The views declared in one source file.
func views(in text: String) -> [View] {
    let characters = code(of: text)
    let lines = String(characters).split(separator: "\n", omittingEmptySubsequences: false)
    let declaration = try! Regex(#"\b(struct|enum|class|extension|protocol|actor)\s+([A-Za-z_][A-Za-z0-9_.]*)([^{]*)$"#)
    let property = try! Regex(#"^\s*(?:(?:(?:public|internal|fileprivate|private)(?:\(set\))?|nonisolated|final)\s+)*(?:let|var)\s+([A-Za-z_][A-Za-z0-9_]*)\s*[:=]"#)

    struct Scope {
        var name: String?
        var isView: Bool
        var fields: [String]
    }
    var stack: [Scope] = []
    var pendingType: (name: String, isView: Bool)?
    var found: [View] = []
    for line in lines {
        let text = String(line)
        if let top = stack.last, top.isView, !text.contains("{"), !text.contains("static "),
           let match = text.firstMatch(of: property), let name = match.output[1].substring {
            stack[stack.count - 1].fields.append(String(name))
        }
        // A type's header may end on this line with its `{` (or run on to a later one).
        var header = text
        if let brace = text.firstIndex(of: "{") { header = String(text[..<brace]) }
        if let match = header.firstMatch(of: declaration), let name = match.output[2].substring {
            let kind = match.output[1].substring.map(String.init) ?? ""
            let enclosing = stack.compactMap(\.name).last
            let qualified = kind == "extension" || enclosing == nil ? String(name) : enclosing! + "." + name
            let inherits = match.output[3].substring.map(String.init) ?? ""
            pendingType = (qualified, kind == "struct" && inherits.range(of: #"\bTemplateFields\b"#, options: .regularExpression) != nil)
        }
        for character in text {
            if character == "{" {
                if let type = pendingType {
                    stack.append(Scope(name: type.name, isView: type.isView, fields: []))
                    pendingType = nil
                } else {
                    stack.append(Scope(name: nil, isView: false, fields: []))
                }
            } else if character == "}", let closed = stack.popLast(), closed.isView, let name = closed.name {
                found.append(View(name: name, fields: closed.fields))
            }
        }
    }
    return found
}

/// The Swift file: one extension per view, sorted by name so that the same sources give the same file.
func source(of views: [View]) -> String {
    let extensions = views.sorted { $0.name < $1.name }.map { view in
        // A view without stored properties gets the empty dictionary, `[:]` (`[]` would be an array).
        let entries = view.fields.isEmpty ? ":"
            : "\n" + view.fields.map { "        \"\($0)\": \\\(view.name).\($0)," }.joined(separator: "\n") + "\n    "
        return """
            extension \(view.name) {
                nonisolated(unsafe) static let fields: [String: PartialKeyPath<\(view.name)>] = [\(entries)]
            }
            """
    }
    return """
        // Generated on every build by the TemplateFieldsPlugin from the views' declarations; never in git,
        // never edited.

        \(extensions.joined(separator: "\n\n"))

        """
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: ListTemplateFields OUTPUT.swift SOURCE.swift...\n".utf8))
    exit(2)
}
do {
    var found: [View] = []
    for path in arguments.dropFirst().sorted() {
        found += views(in: try String(contentsOfFile: path, encoding: .utf8))
    }
    let output = URL(fileURLWithPath: arguments[0])
    let text = Data(source(of: found).utf8)
    // Written only when it changes, so that an unchanged view does not recompile StrategyRender twice.
    if (try? Data(contentsOf: output)) != text {
        try text.write(to: output, options: .atomic)
    }
} catch {
    FileHandle.standardError.write(Data("ListTemplateFields: error: \(error)\n".utf8))
    exit(1)
}
