import StrategyModel

/// What became of one theme or key-area file: the element, or (its problems reported) what is known of a
/// file that could not be built, which the model keeps so that no check takes its ids as gone.
enum BuildOutcome<Element> {
    case built(Element)
    case unbuilt(UnbuiltSource)

    var element: Element? {
        if case .built(let element) = self { return element }
        return nil
    }

    var unbuilt: UnbuiltSource? {
        if case .unbuilt(let source) = self { return source }
        return nil
    }
}
