import StrategyModel

/// Stage 4: a rule about the model as a whole, such as "ids are unique".
///
/// Each rule lives in its own file under `Checkers/` with its own tests. Per-file structure (sections,
/// levels, front matter) is checked while building; checkers see what needs the whole strategy.
protocol Checker: Sendable {
    func check(_ strategy: Strategy) -> [Diagnostic]
}

/// Every checker, in the order they run (the order does not affect output, which is sorted).
let allCheckers: [any Checker] = [
    DuplicateIDChecker(),
    DuplicateIndicatorTitleChecker(),
    DuplicateKeyAreaTitleChecker(),
    DuplicateOrderChecker(),
    LongDescriptorChecker(),
    EmptyThemeChecker(),
    FileNameChecker(),
    ReferenceChecker(),
    EditionChecker(),
    LinkChecker(),
]
