import Foundation
import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// Applies variant layers to the national strategy, in order, and checks each layer against what it is
/// laid on: every id it names exists and is active there, nothing is both excluded and overridden, targets
/// are real levels, weights are positive, no target goes below an earlier layer's minimum, an override's
/// base text is unchanged since it was written, and local ids cannot collide with the base's. Every problem
/// is reported in the layer's own file. (Links to what was excluded are found by the whole-model checks run
/// on the result; see `PublicationPipeline.checkResolvedVariant`.)
public struct VariantResolver {
    public init() {}

    public func resolve(_ national: Strategy, layers: [VariantLayer], reportingTo collector: DiagnosticCollector) -> ResolvedVariant {
        var resolved = ResolvedVariant(layers: layers, base: national, strategy: national, origins: [:], exclusions: [],
                                       replacements: [], priorities: [:])
        for layer in layers {
            apply(layer, to: &resolved, collector: collector)
        }
        return resolved
    }

    /// One more layer on a variant already resolved: the same as resolving all the layers at once, without
    /// applying the earlier ones again.
    public func resolve(onto resolved: ResolvedVariant, adding layer: VariantLayer,
                        reportingTo collector: DiagnosticCollector) -> ResolvedVariant {
        var result = resolved
        result.layers.append(layer)
        apply(layer, to: &result, collector: collector)
        return result
    }

    // MARK: - One layer

    private func apply(_ layer: VariantLayer, to resolved: inout ResolvedVariant, collector: DiagnosticCollector) {
        resolved.strategy.unbuilt += layer.unbuilt
        var strategy = resolved.strategy
        var active: [String: KeyArea] = [:]
        var activeIndicators: [String: (KeyArea, Indicator)] = [:]
        func index() {
            strategy = resolved.strategy
            active = Dictionary(strategy.allKeyAreas.filter { $0.status == .active }.map { ($0.id, $0) },
                                uniquingKeysWith: { first, _ in first })
            activeIndicators = Dictionary(
                strategy.allKeyAreas.filter { $0.status == .active }
                    .flatMap { area in area.indicators.filter { $0.status == .active }.map { ($0.id, (area, $0)) } },
                uniquingKeysWith: { first, _ in first })
        }
        index()
        let everyID = Set(strategy.allKeyAreas.map(\.id) + strategy.allIndicators.map(\.id)
                          + resolved.exclusions.map(\.id) + resolved.base.allKeyAreas.map(\.id)
                          + resolved.base.allIndicators.map(\.id))
        let levelIDs = strategy.levels.map(\.id)

        func known(_ id: String, at range: SourceRange, what: String, keyAreasOnly: Bool = false) -> Bool {
            if active[id] != nil || (!keyAreasOnly && activeIndicators[id] != nil) { return true }
            let retired = strategy.allKeyAreas.contains { $0.id == id } || strategy.allIndicators.contains { $0.id == id }
            if retired {
                collector.report(Diagnostic(.variantUnknownID, "\(what) names '\(id)', which is retired in the base", at: range))
            } else if resolved.exclusions.contains(where: { $0.id == id }) {
                collector.report(Diagnostic(.variantUnknownID, "\(what) names '\(id)', which an earlier layer left out", at: range))
            } else if case let holders = strategy.unbuilt(mayHoldKeyArea: id)
                        + (keyAreasOnly ? [] : strategy.unbuilt(mayHoldIndicator: id)), !holders.isEmpty {
                // It may be in a file of the base or of this layer that could not be built (reported there):
                // not applied, and not "corrected" to a near id either.
                collector.report(holders.map(\.uncheckedNote))
            } else {
                let candidates = (Array(active.keys) + (keyAreasOnly ? [] : Array(activeIndicators.keys))).sorted()
                let suggestion = Suggestion.closest(to: id, among: candidates)
                collector.report(Diagnostic(
                    .variantUnknownID,
                    "\(what) names '\(id)', which is not in the base" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                    at: range,
                    fixIts: suggestion.map { [FixIt("replace with '\($0)'", range: range, replacement: $0)] } ?? []))
            }
            return false
        }

        // Exclusions.
        var excluded: Set<String> = []
        for exclusion in layer.exclusions where known(exclusion.id, at: exclusion.range, what: "`exclude`") {
            if exclusion.reason.trimmingSpaces().isEmpty {
                collector.report(Diagnostic(.variantMissingReason,
                                            "excluding '\(exclusion.id)' needs a `reason`, which is published",
                                            at: exclusion.range))
            }
            excluded.insert(exclusion.id)
            if let area = active[exclusion.id] {
                excluded.formUnion(area.indicators.map(\.id))
            }
            let title = active[exclusion.id]?.title ?? activeIndicators[exclusion.id]?.1.title ?? exclusion.id
            let area = activeIndicators[exclusion.id]?.0
            resolved.exclusions.append(.init(id: exclusion.id, title: title, layer: layer.id, reason: exclusion.reason,
                                             keyAreaID: area?.id, keyAreaTitle: area?.title))
        }

        // Additions: local key areas and local indicators, in the layer's namespace.
        func checkLocal(_ id: String, at range: SourceRange) -> Bool {
            if everyID.contains(id) {
                collector.report(Diagnostic(.variantIDCollision,
                                            "local id '\(id)' is already used by the base; give it an id of its own",
                                            at: range))
                return false
            }
            if !id.hasPrefix(layer.id + "-") {
                collector.report(Diagnostic(
                    .variantIDCollision,
                    "local id '\(id)' must start with the variant's id ('\(layer.id)-'), so it can never collide with an id "
                        + "a later base edition adds",
                    at: range, fixIts: [FixIt("use '\(layer.id)-\(id)'", range: range, replacement: "\(layer.id)-\(id)")]))
                return false
            }
            return true
        }
        for area in layer.keyAreas where checkLocal(area.id, at: area.idRange) {
            let localIndicators = area.indicators.filter { checkLocal($0.id, at: $0.idRange) }
            guard resolved.strategy.themes.contains(where: { $0.id == area.themeID }) else {
                collector.report(Diagnostic(.variantUnknownID, "local key area '\(area.id)' names theme '\(area.themeID)', "
                                            + "which is not in the base", at: area.idRange))
                continue
            }
            var local = area
            local.indicators = localIndicators
            resolved.strategy.themes = resolved.strategy.themes.map { theme in
                guard theme.id == area.themeID else { return theme }
                var theme = theme
                theme.keyAreas = (theme.keyAreas + [local]).sorted { ($0.order, $0.id) < ($1.order, $1.id) }
                return theme
            }
            resolved.origins[area.id] = .added(by: layer.id)
            for indicator in localIndicators { resolved.origins[indicator.id] = .added(by: layer.id) }
        }
        for addition in layer.additions where known(addition.keyAreaID, at: addition.keyAreaRange, what: "an addition",
                                                    keyAreasOnly: true) {
            let indicators = addition.indicators.filter { checkLocal($0.id, at: $0.idRange) }
            resolved.strategy.themes = resolved.strategy.themes.map { theme in
                var theme = theme
                theme.keyAreas = theme.keyAreas.map { area in
                    guard area.id == addition.keyAreaID else { return area }
                    var area = area
                    area.indicators += indicators
                    return area
                }
                return theme
            }
            for indicator in indicators { resolved.origins[indicator.id] = .added(by: layer.id) }
        }

        index()  // what this layer added can now be overridden, prioritised or excluded from nothing

        // Overrides.
        for override in layer.overrides where known(override.id, at: override.idRange, what: "an override") {
            if excluded.contains(override.id) {
                collector.report(Diagnostic(
                    .variantExcludedAndOverridden, "'\(override.id)' is both excluded and overridden; keep one",
                    at: override.idRange))
                continue
            }
            guard let base = baseText(of: override, in: resolved.strategy) else {
                collector.report(Diagnostic(
                    .variantUnknownID, "'\(override.id)' has no \(override.field.name) to override", at: override.range))
                continue
            }
            let current = TextFingerprint.of(base.markdown)
            if override.baseFingerprint != current {
                // With no `base:` yet, the fix-it adds the line under `id:`, indented like it.
                let idLine = override.idRange.start
                let insertion = SourceRange(at: SourceLocation(path: idLine.path, line: idLine.line + 1, column: 1))
                let indent = String(repeating: " ", count: max(0, idLine.column - 1 - "id: ".count))
                let range = override.baseFingerprintRange ?? insertion
                collector.report(Diagnostic(
                    override.baseFingerprint == nil ? .overrideBaseMissing : .overrideBaseChanged,
                    override.baseFingerprint == nil
                        ? "the override of \(override.field.name) of '\(override.id)' does not record the base text it replaces; "
                            + "record it with `strategyc variant accept-base`, so that check can tell you when it changes"
                        : "the base text this override of \(override.field.name) of '\(override.id)' replaced has changed; "
                            + "read it again, then accept it with `strategyc variant accept-base`",
                    at: override.baseFingerprintRange ?? override.idRange,
                    notes: [.init("the base text now reads: " + Self.oneLine(base.plainText, limit: 300))],
                    fixIts: [FixIt("record the current base text: base: \(current)", range: range,
                                   replacement: override.baseFingerprintRange == nil ? "\(indent)base: \(current)\n" : current)]))
            }
            resolved.replacements.append(.init(id: override.id, field: override.field, layer: layer.id, baseText: base,
                                               text: override.text))
            resolved.strategy = replacing(override, in: resolved.strategy)
            if resolved.origins[override.id].map({ if case .added = $0 { return false } else { return true } }) ?? true {
                resolved.origins[override.id] = .changed(by: layer.id)
            }
        }

        // Priorities.
        for priority in layer.priorities where known(priority.keyAreaID, at: priority.range, what: "a priority",
                                                     keyAreasOnly: true) {
            var entry = resolved.priorities[priority.keyAreaID] ?? .init()
            if let weight = priority.weight {
                if weight > 0 && weight.isFinite {
                    entry.weight = weight
                } else {
                    collector.report(Diagnostic(.variantInvalidPriority, "a weight must be a positive number, found '\(priority.weightText ?? String(weight))'",
                                                at: priority.weightRange ?? priority.range))
                }
            }
            for (value, range, what) in [(priority.target, priority.targetRange, "target"),
                                         (priority.minimumTarget, priority.minimumTargetRange, "minimum_target")] {
                guard let value, !levelIDs.contains(value) else { continue }
                let suggestion = Suggestion.closest(to: value, among: levelIDs)
                collector.report(Diagnostic(
                    .variantInvalidPriority,
                    "`\(what)` must be a level id (\(levelIDs.joined(separator: ", "))), found '\(value)'",
                    at: range ?? priority.range,
                    fixIts: suggestion.flatMap { s in range.map { [FixIt("replace with '\(s)'", range: $0, replacement: s)] } } ?? []))
            }
            if let floor = entry.minimumTarget, let target = priority.target, let floorIndex = levelIDs.firstIndex(of: floor),
               let targetIndex = levelIDs.firstIndex(of: target), targetIndex < floorIndex {
                collector.report(Diagnostic(
                    .variantTargetBelowMinimum,
                    "target '\(target)' for '\(priority.keyAreaID)' is below '\(floor)', the minimum its base sets",
                    at: priority.targetRange ?? priority.range,
                    fixIts: priority.targetRange.map { [FixIt("raise it to '\(floor)'", range: $0, replacement: floor)] } ?? []))
            }
            if let target = priority.target, levelIDs.contains(target) { entry.target = target }
            if let minimum = priority.minimumTarget, levelIDs.contains(minimum) { entry.minimumTarget = minimum }
            resolved.priorities[priority.keyAreaID] = entry
        }

        // Leave out what this layer excluded, and make sure nothing kept still points at it.
        resolved.strategy.themes = resolved.strategy.themes.map { theme in
            var theme = theme
            theme.keyAreas = theme.keyAreas.filter { !excluded.contains($0.id) }.map { area in
                var area = area
                area.indicators = area.indicators.filter { !excluded.contains($0.id) }
                return area
            }
            return theme
        }
    }

    // MARK: - Texts

    /// A text on one line, cut at `limit` characters, for a note.
    static func oneLine(_ text: String, limit: Int) -> String {
        let folded = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return folded.count > limit ? String(folded.prefix(limit)) + "…" : folded
    }

    private func baseText(of override: VariantLayer.Override, in strategy: Strategy) -> RichText? {
        for area in strategy.allKeyAreas {
            if area.id == override.id {
                switch override.field {
                case .description: return area.description
                case .whatItIs: return area.whatItIs
                case .whyItIsImportant: return area.whyItIsImportant
                case .level: return nil
                }
            }
            for indicator in area.indicators where indicator.id == override.id {
                guard case .level(let level) = override.field else { return nil }
                return indicator.descriptor(for: level)?.text
            }
        }
        return nil
    }

    private func replacing(_ override: VariantLayer.Override, in strategy: Strategy) -> Strategy {
        var strategy = strategy
        strategy.themes = strategy.themes.map { theme in
            var theme = theme
            theme.keyAreas = theme.keyAreas.map { area in
                var area = area
                if area.id == override.id {
                    switch override.field {
                    case .description: area.description = override.text
                    case .whatItIs: area.whatItIs = override.text
                    case .whyItIsImportant: area.whyItIsImportant = override.text
                    case .level: break
                    }
                }
                area.indicators = area.indicators.map { indicator in
                    guard indicator.id == override.id, case .level(let level) = override.field else { return indicator }
                    var indicator = indicator
                    indicator.descriptors = indicator.descriptors.map { descriptor in
                        guard descriptor.levelID == level else { return descriptor }
                        var descriptor = descriptor
                        descriptor.text = override.text
                        return descriptor
                    }
                    return indicator
                }
                return area
            }
            return theme
        }
        return strategy
    }
}
