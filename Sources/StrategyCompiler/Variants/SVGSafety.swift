import Foundation
import StrategySupport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Decides whether an SVG file is safe to publish as a logo: no script, no event handler, no reference to
/// anything outside the file, no document type (entities), and well-formed XML with `svg` at the root.
///
/// Read with Foundation's XMLParser with external entities off. The rules are an allow-nothing-active
/// list, as sanitisers such as DOMPurify apply to SVG: a logo needs shapes, gradients and text, never
/// behaviour.
enum SVGSafety {
    struct Problem: Equatable {
        var message: String
        var line: Int
        var column: Int
    }

    /// Elements that run code, embed other documents or animate a link into a script.
    static let forbiddenElements: Set<String> = ["script", "foreignobject", "iframe", "embed", "object", "handler",
                                                 "listener", "audio", "video"]
    /// Raster images an SVG may embed as `data:` URLs; anything else must stay inside the file (`#id`).
    static let allowedDataPrefixes = ["data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;"]

    static func problems(in data: Data) -> [Problem] {
        guard String(data: data, encoding: .utf8) != nil else {
            return [Problem(message: "the SVG is not UTF-8 text", line: 1, column: 1)]
        }
        // A document type is named before entities, wherever each stands.
        for word in ["DOCTYPE", "ENTITY"] {
            if let found = SafeXML.declaration(of: [word], in: data, ignoringCase: true) {
                let before = data[data.startIndex..<data.startIndex + found.offset]
                let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 - data.startIndex + 1 } ?? 0
                return [Problem(message: "it declares a document type or entities (<!\(word)); remove the declaration",
                                line: before.filter { $0 == UInt8(ascii: "\n") }.count + 1, column: found.offset - lineStart + 1)]
            }
        }
        let inspector = Inspector()
        let (parsed, parser) = SafeXML.parse(data, into: inspector)
        if !parsed && inspector.problems.isEmpty {
            return [Problem(message: "it is not well-formed XML (parser error \(parser.parserError.map { ($0 as NSError).code } ?? 0))",
                            line: parser.lineNumber, column: parser.columnNumber)]
        }
        if inspector.root != "svg" && inspector.problems.isEmpty {
            return [Problem(message: "its root element is <\(inspector.root ?? "")>, not <svg>", line: 1, column: 1)]
        }
        return inspector.problems
    }

    /// Whether a URL inside the SVG stays inside it.
    static func isInternal(_ reference: String) -> Bool {
        let value = reference.trimmingSpacesAndNewlines().lowercased()
        return value.hasPrefix("#") || allowedDataPrefixes.contains { value.hasPrefix($0) }
    }

    /// `url(...)` and `@import` in CSS (a `style` attribute or element) that leave the file.
    static func externalCSS(_ css: String) -> String? {
        let lowered = css.lowercased()
        if lowered.contains("@import") { return "@import" }
        var rest = lowered[...]
        while let open = rest.range(of: "url(") {
            let argument = rest[open.upperBound...].drop { $0 == " " || $0 == "\"" || $0 == "'" }
            if !isInternal(String(argument.prefix { $0 != ")" && $0 != "\"" && $0 != "'" })) { return "url(\(argument.prefix(40))" }
            rest = rest[open.upperBound...]
        }
        return nil
    }

    private final class Inspector: NSObject, XMLParserDelegate {
        var problems: [Problem] = []
        var root: String?
        private var inStyle = false
        private var style = ""

        private func localName(_ name: String) -> String {
            String(name.split(separator: ":").last ?? Substring(name)).lowercased()
        }

        private func report(_ message: String, _ parser: XMLParser) {
            problems.append(Problem(message: message, line: parser.lineNumber, column: parser.columnNumber))
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String]) {
            let element = localName(name)
            if root == nil { root = element }
            if SVGSafety.forbiddenElements.contains(element) {
                report("it has a <\(name)> element, which can run code or load another document", parser)
            }
            for (attribute, value) in attributes.sorted(by: { $0.key < $1.key }) {
                let local = localName(attribute)
                if local.hasPrefix("on") {
                    report("<\(name)> has an event handler (\(attribute)), which runs script", parser)
                } else if local == "href" || local == "src", !SVGSafety.isInternal(value) {
                    report("<\(name)> refers outside the file (\(attribute)=\"\(value.prefix(60))\"); only #ids inside it are allowed", parser)
                } else if local == "style", let external = SVGSafety.externalCSS(value) {
                    report("<\(name)> has a style that loads from outside the file (\(external))", parser)
                } else if value.lowercased().contains("javascript:") {
                    report("<\(name)> has a javascript: URL in \(attribute)", parser)
                } else if local == "attributename", value.lowercased().hasSuffix("href") {
                    report("<\(name)> animates a link, which can turn it into a script", parser)
                }
            }
            if element == "style" {
                inStyle = true
                style = ""
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inStyle { style += string }
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            if inStyle { style += String(decoding: block, as: UTF8.self) }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard localName(name) == "style" else { return }
            inStyle = false
            if let external = SVGSafety.externalCSS(style) {
                report("its <style> loads from outside the file (\(external))", parser)
            }
        }

        func parser(_ parser: XMLParser, foundProcessingInstructionWithTarget target: String, data: String?) {
            if target.lowercased() == "xml-stylesheet" { report("it links a stylesheet (<?xml-stylesheet?>)", parser) }
        }
    }
}
