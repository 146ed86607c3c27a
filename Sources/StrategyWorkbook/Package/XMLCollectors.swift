import Foundation
import StrategyModel
import StrategySupport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses XML from a workbook part with Foundation's XMLParser, never resolving external entities (the
/// file may come from anywhere). Nil when the XML is broken or cut short.
func parseXML<Delegate: XMLParserDelegate>(_ data: Data, into delegate: Delegate) -> Delegate? {
    try? parseXML(data, part: "", into: delegate)
}

/// The same, saying why a part is refused. A part with a document type declaration is refused before it
/// is parsed: a workbook never has one, and a DTD is how entity expansion ("billion laughs") and external
/// entities get in.
func parseXML<Delegate: XMLParserDelegate>(_ data: Data, part: String, into delegate: Delegate) throws(XLSXPackage.Refusal) -> Delegate {
    if SafeXML.declaration(of: ["DOCTYPE", "ENTITY"], in: data) != nil {
        throw XLSXPackage.Refusal(description: "its part \(part) declares a DTD or entities, which a workbook never does")
    }
    let (parsed, _) = SafeXML.parse(data, into: delegate)
    if let limited = delegate as? LimitedCollector, limited.overLimit {
        throw XLSXPackage.Refusal(description: "its part \(part) holds more than \(limited.limit) \(limited.what)")
    }
    guard parsed else {
        throw XLSXPackage.Refusal(description: "its part \(part) is not well-formed XML")
    }
    return delegate
}

/// A collector that stops the parse once it has found more than `limit` things.
protocol LimitedCollector: AnyObject {
    var limit: Int { get }
    var overLimit: Bool { get }
    /// What is counted, plural, for the message (`cells`).
    var what: String { get }
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

/// Collects every cell's raw value, type (`s` for a shared string) and formula by column letters and row.
/// A cell without an `r` attribute takes the place after the cell before it, as the format allows.
final class CellCollector: NSObject, XMLParserDelegate, LimitedCollector {
    var found: [XLSXPackage.CellReference: XLSXPackage.RawCell] = [:]
    let limit: Int
    var overLimit = false
    let what = "cells"
    private var current: XLSXPackage.CellReference?
    private var row = 0
    private var nextColumn = 1
    private enum Inside { case none, value, formula }
    private var inside = Inside.none

    init(limit: Int) { self.limit = limit }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        switch name {
        case "row":
            row = attributes["r"].flatMap { Int($0) } ?? row + 1
            nextColumn = 1
        case "c":
            current = nil
            let reference = attributes["r"].flatMap(XLSXPackage.CellReference.init)
                ?? (row > 0 ? XLSXPackage.CellReference(column: columnLetter(nextColumn - 1), row: row) : nil)
            guard let reference else { return }
            nextColumn = columnNumber(reference.column) + 1
            current = reference
            found[reference] = XLSXPackage.RawCell(type: attributes["t"] ?? "n")
            if found.count > limit {
                overLimit = true
                parser.abortParsing()
            }
        case "v", "t":
            inside = current != nil ? .value : .none
        case "f":
            inside = current != nil ? .formula : .none
            if let current, found[current]?.formula == nil { found[current]?.formula = "" }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard let current else { return }
        switch inside {
        case .value: found[current]?.value += string
        case .formula: found[current]?.formula? += string
        case .none: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "v" || name == "t" || name == "f" { inside = .none }
        if name == "c" { current = nil }
    }
}

/// The texts of `xl/sharedStrings.xml`, one per `si` (rich text runs joined).
final class SharedStringCollector: NSObject, XMLParserDelegate, LimitedCollector {
    var strings: [String] = []
    let limit: Int
    var overLimit = false
    let what = "shared strings"
    private var inText = false
    /// Inside phonetic hints (`rPh`), whose text is not part of the string.
    private var inPhonetic = false

    init(limit: Int = .max) { self.limit = limit }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        if name == "si" {
            strings.append("")
            if strings.count > limit {
                overLimit = true
                parser.abortParsing()
            }
        }
        if name == "rPh" { inPhonetic = true }
        if name == "t" { inText = !strings.isEmpty && !inPhonetic }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { strings[strings.count - 1] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false }
        if name == "rPh" { inPhonetic = false }
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
