import Foundation
import StrategySupport
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The one safe way to read XML strategyc did not write: declarations found at their byte, and parsing
/// that never resolves an external entity and never takes a cut-short document for a whole one.
@Suite struct SafeXMLTests {
    private func data(_ text: String) -> Data { Data(text.utf8) }

    @Test func theFirstDeclarationIsFoundAtItsByte() {
        let text = "<?xml version=\"1.0\"?>\n<!-- <!doctype in a comment is still a declaration's text -->\n<!ENTITY x \"y\"><!DOCTYPE a>"
        let entity = text.utf8.count - "<!ENTITY x \"y\"><!DOCTYPE a>".utf8.count
        #expect(SafeXML.declaration(of: ["DOCTYPE", "ENTITY"], in: data(text))?.offset == entity)
        #expect(SafeXML.declaration(of: ["DOCTYPE", "ENTITY"], in: data(text))?.word == "ENTITY")
        #expect(SafeXML.declaration(of: ["DOCTYPE"], in: data(text))?.offset == text.utf8.count - "<!DOCTYPE a>".utf8.count)
        // In any case only when asked, and only the letters: `<!doctype` in the comment is found first then.
        #expect(SafeXML.declaration(of: ["DOCTYPE"], in: data(text), ignoringCase: true)?.offset == "<?xml version=\"1.0\"?>\n<!-- ".utf8.count)
        #expect(SafeXML.declaration(of: ["[CDATA["], in: data("<!{cdata{"), ignoringCase: true) == nil)
    }

    @Test func nothingIsFoundWhereNothingIsDeclared() {
        #expect(SafeXML.declaration(of: ["DOCTYPE", "ENTITY"], in: data("<a><!-- DOCTYPE --><b/></a>")) == nil)
        #expect(SafeXML.declaration(of: ["DOCTYPE"], in: data("<!DOCTYP")) == nil)
        #expect(SafeXML.declaration(of: ["DOCTYPE"], in: Data()) == nil)
    }

    private final class Names: NSObject, XMLParserDelegate {
        var names: [String] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            names.append(name)
        }
    }

    @Test func onlyAWholeDocumentIsComplete() {
        let whole = Names()
        #expect(SafeXML.parse(data("<a><b/></a>"), into: whole).complete)
        #expect(whole.names == ["a", "b"])
        #expect(!SafeXML.parse(data("<a><b/>"), into: Names()).complete)
        #expect(!SafeXML.parse(data("<a></b>"), into: Names()).complete)
    }
}
