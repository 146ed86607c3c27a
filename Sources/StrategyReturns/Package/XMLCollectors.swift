import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses XML from a workbook part with Foundation's XMLParser, never resolving external entities (the
/// file may come from anywhere). Nil when the XML is broken or cut short.
func parseXML<Delegate: XMLParserDelegate>(_ data: Data, into delegate: Delegate) -> Delegate? {
    let parser = XMLParser(data: data)
    parser.shouldResolveExternalEntities = false
    parser.delegate = delegate
    // On Linux, parse() can return true for a document cut short and only set parserError.
    guard parser.parse(), parser.parserError == nil else { return nil }
    return delegate
}

/// Collects the attributes of every element with one name.
final class AttributeCollector: NSObject, XMLParserDelegate {
    let element: String
    var found: [[String: String]] = []

    init(element: String) { self.element = element }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        if name == element { found.append(attributes) }
    }
}

/// Collects every cell's raw value and type (`s` for a shared string) by column letters and row.
final class CellCollector: NSObject, XMLParserDelegate {
    var found: [XLSXPackage.CellReference: XLSXPackage.RawCell] = [:]
    private var current: XLSXPackage.CellReference?
    private var inValue = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        switch name {
        case "c":
            current = nil
            guard let reference = attributes["r"].flatMap(XLSXPackage.CellReference.init) else { return }
            current = reference
            found[reference] = XLSXPackage.RawCell(type: attributes["t"] ?? "n")
        case "v", "t":
            inValue = current != nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue, let current { found[current]?.value += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "v" || name == "t" { inValue = false }
        if name == "c" { current = nil }
    }
}

/// The texts of `xl/sharedStrings.xml`, one per `si` (rich text runs joined).
final class SharedStringCollector: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var inText = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        if name == "si" { strings.append("") }
        if name == "t" { inText = !strings.isEmpty }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { strings[strings.count - 1] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false }
    }
}

/// The workbook's defined names (`<definedName name="AboutRegion">About!$B$6</definedName>`).
final class DefinedNameCollector: NSObject, XMLParserDelegate {
    var found: [String: String] = [:]
    private var current: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        if name == "definedName", let defined = attributes["name"] {
            current = defined
            found[defined] = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current { found[current]? += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "definedName" { current = nil }
    }
}
