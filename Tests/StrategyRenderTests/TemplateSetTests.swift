import Foundation
import StrategyModel
@testable import StrategyRender
import StrategyRules
import Testing
import StrategyDiagnostics
import StrategySupport

/// One case per template diagnostic: a change to a copy of Templates/ and where the diagnostic must be.
struct TemplateCase: CustomTestStringConvertible, Sendable {
    var code: DiagnosticCode
    var file: String
    var line: Int
    var column: Int
    var change: @Sendable (URL) throws -> Void
    var testDescription: String { code.rawValue }
}

private func write(_ path: String, _ text: String) -> @Sendable (URL) throws -> Void {
    { root in try Data(text.utf8).write(to: root.appendingPathComponent(path)) }
}

let templateCases: [TemplateCase] = [
    // A missing folder or file has no line: the position is the path alone.
    TemplateCase(code: .templateFolderMissing, file: "", line: 0, column: 0, change: { root in
        try FileManager.default.removeItem(at: root)
    }),
    TemplateCase(code: .templateMissing, file: "key-area.mustache", line: 0, column: 0, change: { root in
        try FileManager.default.removeItem(at: root.appendingPathComponent("key-area.mustache"))
    }),
    TemplateCase(code: .templateMissing, file: "index.mustache", line: 2, column: 3,
                 change: write("index.mustache", "<p>Hello</p>\n  {{> partials/nope}}\n")),
    TemplateCase(code: .templateSyntax, file: "toolkit.md.mustache", line: 2, column: 5,
                 change: write("toolkit.md.mustache", "{{#themes}}\n{{/levels}}\n")),
    TemplateCase(code: .templateAssetName, file: "assets/Logo.PNG", line: 1, column: 1,
                 change: write("assets/Logo.PNG", "x")),
]

@Suite struct TemplateSetTests {
    @Test func realTemplatesLoadCleanly() throws {
        let collector = DiagnosticCollector()
        #expect(TemplateSet.load(folder: RenderSupport.templates.path, reportingTo: collector) != nil)
        #expect(collector.diagnostics.isEmpty, "\(collector.diagnostics)")
    }

    @Test(arguments: templateCases)
    func reportsCodeAtPosition(_ check: TemplateCase) throws {
        let scratch = try RenderSupport.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let root = scratch.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: RenderSupport.templates, to: root)
        try check.change(root)
        let collector = DiagnosticCollector()
        let set = TemplateSet.load(folder: root.path, reportingTo: collector)
        let diagnostics = collector.diagnostics
        let path = check.file.isEmpty ? root.path : root.appendingPathComponent(check.file).path
        let diagnostic = try #require(diagnostics.first { $0.code == check.code && $0.range.path == path }, "\(diagnostics)")
        #expect(diagnostic.range.start.line == check.line, "\(diagnostics)")
        #expect(diagnostic.range.start.column == check.column, "\(diagnostics)")
        #expect((set == nil) == (check.code.defaultSeverity == .error))
    }

    /// A misspelt field prints nothing in Mustache; the check names the tag, its position and the field
    /// meant. A field that only a retired key area or the changes page would show is known even when this
    /// build has neither.
    @Test func unknownFieldIsAnErrorAtTheTag() throws {
        let scratch = try RenderSupport.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let root = scratch.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: RenderSupport.templates, to: root)
        let index = root.appendingPathComponent("index.mustache")
        let text = try String(contentsOf: index, encoding: .utf8)
        try Data(("{{#retired}}{{themeTitle}}{{/retired}}\n<p>{{page.edtion}} and {{{ introductionHTML }}}</p>\n<p>{{page.editoin}}</p>\n" + text).utf8).write(to: index)
        let collector = DiagnosticCollector()
        let set = try #require(TemplateSet.load(folder: root.path, reportingTo: collector))
        let model = try RenderSupport.model()
        let subject = TemplateSubject(templates: set.texts.map { .init(name: $0.name, path: $0.path, text: $0.text) },
                                      knownFields: TemplateVocabulary.fields)
        RuleRegistry.standard.check(.templates, RuleContext(strategy: model, templates: subject), reportingTo: collector)
        #expect(collector.diagnostics.map { "\($0.location): \($0.message) [\($0.code.rawValue)]" } == [
            "\(index.path):2:4: template 'index' uses `page.edtion`, which no page provides, so it would print nothing; did you mean `edition`? [template-unknown-field]",
            // Two letters swapped count as one edit, as in every other "did you mean" (Suggestion).
            "\(index.path):3:4: template 'index' uses `page.editoin`, which no page provides, so it would print nothing; did you mean `edition`? [template-unknown-field]",
        ])
    }

    @Test func templateThatCannotRenderIsADiagnostic() throws {
        let collector = DiagnosticCollector()
        let text = try RenderSupport.templateSet().render("no-such-template", reportingTo: collector, "x")
        #expect(text == "")
        #expect(collector.diagnostics.map(\.code) == [.templateRenderFailed])
        #expect(collector.diagnostics.first?.message == "template 'no-such-template' could not be rendered")
    }

    @Test func everyTemplateCodeHasACase() {
        let covered = Set(templateCases.map(\.code) + [.templateUnknownField, .templateRenderFailed])
        let missing = DiagnosticCode.allCases.filter { $0.rawValue.hasPrefix("template-") && !covered.contains($0) }
        #expect(missing.isEmpty, "\(missing)")
    }
}

/// Views are read by templates through their `TemplateFields` lists, and the field check's vocabulary comes
/// from the same lists.
@Suite struct TemplateFieldsTests {
    struct Listed: TemplateFields {
        var title: String
        var count: Int
        nonisolated(unsafe) static let fields: [String: PartialKeyPath<Listed>] = ["title": \Listed.title, "count": \Listed.count]
    }

    struct Forgotten: TemplateFields {
        var title: String
        var origin: String?
        nonisolated(unsafe) static let fields: [String: PartialKeyPath<Forgotten>] = ["title": \Forgotten.title]
    }

    struct Holder: TemplateFields {
        var listed: [Listed]
        var inner: Unlisted?
        nonisolated(unsafe) static let fields: [String: PartialKeyPath<Holder>] = ["listed": \Holder.listed, "inner": \Holder.inner]
    }

    struct Unlisted {
        var hidden: String
    }

    /// The vocabulary follows the fields' types through arrays and optionals; a type that is neither a view
    /// with a list nor text, a number or a flag is named.
    @Test func theVocabularyFollowsTheFieldsTypes() {
        let walk = TemplateVocabulary.walk([Holder.self])
        #expect(walk.fields == TemplateVocabulary.builtIn.union(["listed", "inner", "title", "count"]))
        #expect(walk.unlisted == ["StrategyRenderTests.TemplateFieldsTests.Unlisted"])
    }

    /// Every view a template is given, and every view inside it, lists its fields.
    @Test func theRealViewsLeaveNothingUnlisted() {
        #expect(TemplateVocabulary.walk(TemplateVocabulary.roots).unlisted == [])
        #expect(TemplateVocabulary.fields.isSuperset(of: ["pageTitle", "edition", "introductionHTML", "themeTitle", "radarSVG"]))
    }

    /// A list that misses a stored property, or names one the view lacks, is found.
    @Test func aForgottenFieldIsFound() {
        #expect(Self.mismatches(in: [Listed(title: "a", count: 1)]) == [])
        #expect(Self.mismatches(in: [Forgotten(title: "a", origin: nil)]) == ["Forgotten.origin"])
    }

    /// The real views of a full site (changes page, variant page) list exactly their stored properties.
    @Test func everyRealViewListsEveryField() throws {
        let strategy = try RenderSupport.model()
        let collector = DiagnosticCollector()
        var templates = try RenderSupport.templateSet()
        let observer = TemplateSet.ViewObserver()
        templates.viewObserver = observer
        _ = SiteRenderer(templates: templates, stamp: RenderSupport.stamp(strategy))
            .render(PublishedStrategy(strategy), changes: EditionDiff(from: strategy, to: strategy), reportingTo: collector)
        #expect(collector.diagnostics.map(\.message) == [])
        #expect(observer.views.count > 3)
        #expect(Self.mismatches(in: observer.views) == [])
    }

    /// `Type.property` for each stored property a view's list lacks, and each listed name it has no
    /// property for, over the views and every view inside them.
    static func mismatches(in values: [Any]) -> [String] {
        var found: Set<String> = []
        func walk(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle != .optional, let view = value as? any TemplateFields {
                let labels = Set(mirror.children.compactMap(\.label))
                for label in labels.symmetricDifference(type(of: view).fieldNames) { found.insert("\(type(of: value)).\(label)") }
            }
            mirror.children.forEach { walk($0.value) }
        }
        values.forEach(walk)
        return found.sorted()
    }

    /// Through the list, optionals read as Mustache expects: nil is absent, a value is the value.
    @Test func optionalsAreUnwrapped() {
        let view = Forgotten(title: "t", origin: nil)
        #expect(view.child(named: "title") as? String == "t")
        #expect(view.child(named: "origin") == nil)
        #expect(view.child(named: "missing") == nil)
    }
}
