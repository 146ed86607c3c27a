/// The field names the renderers give templates, found by reflection on the view values themselves, so
/// the list cannot fall behind the views.
///
/// A view that is empty in this build (no retired key areas, no changes page, a first page without a
/// "previous" link) still names its fields: such types provide a `sample`, and the walk uses it when the
/// array is empty or the optional is nil.
enum TemplateVocabulary {
    /// Names every template may use whatever the view: the implicit iterator, and swift-mustache's
    /// sequence transforms.
    static let builtIn: Set<String> = [".", "first", "last", "index", "even", "odd", "count", "empty",
                                       "reversed", "enumerated", "uppercased", "lowercased", "capitalized"]

    static func fields(of values: [Any]) -> Set<String> {
        walk(values).fields
    }

    /// Views whose field list (`TemplateFields`) differs from their stored properties, as
    /// `KeyAreaView.origin`: a field a template could name but never see, or a view without a list.
    static func unlistedFields(of values: [Any]) -> [String] {
        walk(values).unlisted
    }

    /// Both in one walk.
    static func walk(_ values: [Any]) -> (fields: Set<String>, unlisted: [String]) {
        var names = builtIn
        var unlisted: [String] = []
        for value in values { collect(value, into: &names, unlisted: &unlisted) }
        return (names, unlisted.sorted())
    }

    private static func collect(_ value: Any, into names: inout Set<String>, unlisted: inout [String]) {
        if let stand = value as? TemplateSampleStandIn, let sample = stand.sampleIfEmpty {
            collect(sample, into: &names, unlisted: &unlisted)
            return
        }
        let mirror = Mirror(reflecting: value)
        // Only this module's views; a String or an Int is a struct to Mirror too.
        if mirror.displayStyle == .struct || mirror.displayStyle == .class,
           value is any TemplateFields || String(reflecting: type(of: value)).hasPrefix("StrategyRender.") {
            let labels = Set(mirror.children.compactMap(\.label))
            let listed = (value as? any TemplateFields).map { Set(type(of: $0).fieldNames) } ?? []
            for label in labels.symmetricDifference(listed) where !unlisted.contains("\(type(of: value)).\(label)") {
                unlisted.append("\(type(of: value)).\(label)")
            }
        }
        switch mirror.displayStyle {
        case .collection, .optional:
            // One element is enough: every element of an array has the same type.
            if let first = mirror.children.first { collect(first.value, into: &names, unlisted: &unlisted) }
        case .struct, .class:
            for child in mirror.children {
                if let label = child.label { names.insert(label) }
                collect(child.value, into: &names, unlisted: &unlisted)
            }
        default:
            break
        }
    }
}

/// A view type that can be absent from a build (an empty list, a nil link) and so provides a sample of
/// itself for `TemplateVocabulary`.
protocol TemplateSample {
    static var sample: Self { get }
}

/// An empty array or nil optional of a `TemplateSample`, seen through `Any`.
protocol TemplateSampleStandIn {
    var sampleIfEmpty: Any? { get }
}

extension Array: TemplateSampleStandIn where Element: TemplateSample {
    var sampleIfEmpty: Any? { isEmpty ? Element.sample : nil }
}

extension Optional: TemplateSampleStandIn where Wrapped: TemplateSample {
    var sampleIfEmpty: Any? { self == nil ? Wrapped.sample : nil }
}

extension Link: TemplateSample {
    static let sample = Link(title: "", href: "")
}

extension RetiredView: TemplateSample {
    static let sample = RetiredView(id: "", title: "", context: "", themeTitle: "", since: "", hasSince: true, retiredIn: "",
                                    replacedBy: [.sample],
                                    hasReplacement: true)
}

extension ToolkitMarkdownView.Line: TemplateSample {
    static let sample = ToolkitMarkdownView.Line(text: "")
}

extension ToolkitMarkdownView.Changed: TemplateSample {
    static let sample = ToolkitMarkdownView.Changed(heading: "", layer: "", now: "", replaced: "")
}

extension ToolkitMarkdownView.Retired: TemplateSample {
    static let sample = ToolkitMarkdownView.Retired(title: "", retiredIn: "")
}

extension DiffReport.Item: TemplateSample {
    static let sample = DiffReport.Item(headline: "", old: "", new: "", href: "")
}

extension DiffReport.Group: TemplateSample {
    static let sample = DiffReport.Group(title: "", items: [.sample])
}

extension DiffReport.Section: TemplateSample {
    static let sample = DiffReport.Section(title: "", groups: [.sample])
}

extension VariantPresentation.Difference: TemplateSample {
    static let sample = VariantPresentation.Difference(name: .sample, detail: "", layer: "")
}

extension VariantPresentation.ChangedText: TemplateSample {
    static let sample = VariantPresentation.ChangedText(name: .sample, field: "", layer: "", baseHTML: "", localHTML: "",
                                                        baseMarkdown: "", localMarkdown: "")
}

extension ElementName: TemplateSample {
    static let sample = ElementName(title: "", href: "", keyAreaTitle: "", keyAreaHref: "")
}

extension NavigationKeyArea: TemplateSample {
    static let sample = NavigationKeyArea(title: "", href: "", isCurrent: true)
}
