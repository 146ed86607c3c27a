/// The field names the renderers give templates, worked out from the views' types: from the view each
/// template is given, through every field's type (`TemplateFields`), so the list cannot fall behind the
/// views and needs no sample values. A field whose type is a view of this module without a field list
/// (which Mustache would read by reflection, slowly) is named in `unlisted`: a fault of strategyc.
public enum TemplateVocabulary {
    /// Names every template may use whatever the view: the implicit iterator, and swift-mustache's
    /// sequence transforms.
    static let builtIn: Set<String> = [".", "first", "last", "index", "even", "odd", "count", "empty",
                                       "reversed", "enumerated", "uppercased", "lowercased", "capitalized"]

    /// The view each template is given. A template set is checked against them all, so that `check` finds
    /// a misspelt field in the report and benchmark templates too.
    static var roots: [any TemplateFields.Type] {
        [IndexView.self, KeyAreaView.self, ChangesView.self, ToolkitMarkdownView.self, VariantView.self,
         VariantsIndexRenderer.View.self, ReportView.self, BenchmarkView.self, CollectStartView.self, CollectLinkView.self,
         CollectOverviewView.self, CollectKeyAreaView.self, CollectCheckView.self, CollectSubmittedView.self, CollectMessageView.self,
         CollectPageView.self]
    }

    /// What a field may hold besides views, arrays and optionals: text, numbers and flags.
    private static let leaves: Set<ObjectIdentifier> = [
        ObjectIdentifier(String.self), ObjectIdentifier(Int.self), ObjectIdentifier(Double.self), ObjectIdentifier(Bool.self),
    ]

    /// Every field name a template may use.
    public static let fields: Set<String> = walk(roots).fields

    /// The names reachable from `roots`, and the types met on the way that list no fields.
    static func walk(_ roots: [any TemplateFields.Type]) -> (fields: Set<String>, unlisted: [String]) {
        var names = builtIn
        var unlisted: Set<String> = []
        var seen: Set<ObjectIdentifier> = []
        var pending: [Any.Type] = roots
        while let type = pending.popLast() {
            guard seen.insert(ObjectIdentifier(type)).inserted else { continue }
            if let wrapper = type as? any TypeWrapping.Type {
                pending.append(wrapper.wrappedType)
            } else if let view = type as? any TemplateFields.Type {
                for (name, valueType) in fieldTypes(of: view) {
                    names.insert(name)
                    pending.append(valueType)
                }
            } else if !leaves.contains(ObjectIdentifier(type)) {
                unlisted.insert(String(reflecting: type))
            }
        }
        return (names, unlisted.sorted())
    }

    private static func fieldTypes<View: TemplateFields>(of view: View.Type) -> [(String, Any.Type)] {
        View.fields.map { ($0.key, type(of: $0.value).valueType) }
    }
}

/// An array or optional, seen through its type: the walk goes on to what it holds.
private protocol TypeWrapping {
    static var wrappedType: Any.Type { get }
}

extension Array: TypeWrapping {
    static var wrappedType: Any.Type { Element.self }
}

extension Optional: TypeWrapping {
    static var wrappedType: Any.Type { Wrapped.self }
}
