import Mustache

/// A view whose fields templates read by name through key paths.
///
/// swift-mustache looks a tag up with `Mirror` unless the value is a `MustacheParent`; reflecting costs a
/// walk over every stored property for every tag, and dominated the time of a build. A view declares
/// `TemplateFields` and nothing more: its `fields` are written on every build from its stored properties
/// (the `ListTemplateFields` tool, run by `TemplateFieldsPlugin`), so the declaration is the one list.
protocol TemplateFields: MustacheParent {
    static var fields: [String: PartialKeyPath<Self>] { get }
}

extension TemplateFields {
    static var fieldNames: [String] { Array(fields.keys) }
}

extension TemplateFields {
    public func child(named name: String) -> Any? {
        guard let path = Self.fields[name] else { return nil }
        return unwrapped(self[keyPath: path])
    }
}

/// A value read through `Any`, with an optional unwrapped as Mustache expects (nil is false, empty).
private func unwrapped(_ value: Any) -> Any? {
    if let optional = value as? AnyOptional { return optional.wrappedValue }
    return value
}

private protocol AnyOptional {
    var wrappedValue: Any? { get }
}

extension Optional: AnyOptional {
    fileprivate var wrappedValue: Any? {
        switch self {
        case .some(let value): unwrapped(value)
        case .none: nil
        }
    }
}
