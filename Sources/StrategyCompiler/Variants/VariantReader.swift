import Foundation
import StrategyModel
import StrategyDiagnostics

/// Reads one variant folder (`variant.md`, its own key areas under `key-areas/`, and indicators it adds to
/// inherited key areas under `additions/`) into a `VariantLayer`, given the base it is laid on (for the
/// levels and themes that its files refer to). Problems are reported with their place in the variant's files.
public struct VariantReader {
    public init() {}

    public static let fileName = "variant.md"

    /// The `base:` of a folder's variant.md and where it stands, read as YAML like the rest of the file:
    /// what the chain of bases follows before any layer can be read. Nil when the file cannot be read or
    /// names no base, with its problems reported (they are the same when the layer is read, and said once).
    public func base(ofFolder folder: String, reportingTo collector: DiagnosticCollector) -> (reference: String, range: SourceRange)? {
        let root = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard let file = StrategyReader().load(path: root + "/" + Self.fileName, relativePath: Self.fileName, reportingTo: collector),
              let source = ParsedSource(file, collector: collector),
              let fields = source.fields(.variant, what: "variant front matter", collector: collector),
              let base = fields.text("base") else { return nil }
        return (base.value, base.range)
    }

    /// Nil when `variant.md` is missing or unusable (reported). Throws only when the folder cannot be read.
    public func read(folder: String, base: Strategy, reportingTo collector: DiagnosticCollector) throws -> VariantLayer? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw StrategyReadError.notFound(folder)
        }
        guard isDirectory.boolValue else { throw StrategyReadError.notADirectory(folder) }
        let root = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let reader = StrategyReader()
        // What reading the files found, kept apart so that a variant.md that was read but not parsed is
        // told apart from one that could not be read.
        let loading = DiagnosticCollector()
        defer { collector.report(loading.diagnostics) }
        guard let file = reader.load(path: root + "/" + Self.fileName, relativePath: Self.fileName, reportingTo: loading),
              let source = ParsedSource(file, collector: collector) else {
            if loading.diagnostics.isEmpty {
                collector.report(Diagnostic(.variantBaseMissing, "'\(root)' has no \(Self.fileName)",
                                       at: SourceRange(at: .wholeFile(root))))
            }
            return nil
        }
        let introduction = source.bodyText(collector: collector, missing: "variant.md has no introduction: write a few "
                                           + "paragraphs after the front matter")
        guard let fields = source.fields(.variant, what: "variant front matter", collector: collector),
              let id = fields.id("id"), let title = fields.text("title"), let audience = fields.text("for"),
              let type = fields.choice("type", as: VariantLayer.OrganisationType.self),
              let baseReference = fields.text("base") else { return nil }
        var layer = VariantLayer(id: id.value, idRange: id.range, title: title.value, audience: audience.value,
                                 organisationType: type, base: baseReference.value, baseRange: baseReference.range,
                                 introduction: introduction, folder: root, range: file.wholeRange)
        layer.branding = BrandingReader(collector: collector, root: root).read(fields)
        layer.publisher = fields.text("publisher")?.value
        if let edition = fields.text("base_edition") {
            layer.baseEdition = edition.value
            layer.baseEditionRange = edition.range
        }
        layer.exclusions = items(fields, "exclude", schema: .exclusion, collector: collector).compactMap { item in
            guard let id = item.id("id"), let reason = item.text("reason") else { return nil }
            return VariantLayer.Exclusion(id: id.value, reason: reason.value, range: id.range)
        }
        layer.priorities = items(fields, "priorities", schema: .priority, collector: collector).compactMap { item in
            guard let area = item.id("key_area") else { return nil }
            var priority = VariantLayer.Priority(keyAreaID: area.value, range: area.range)
            if let weight = item.text("weight") {
                priority.weight = Double(weight.value) ?? .nan
                priority.weightText = weight.value
                priority.weightRange = weight.range
            }
            if let target = item.text("target") { (priority.target, priority.targetRange) = (target.value, target.range) }
            if let minimum = item.text("minimum_target") {
                (priority.minimumTarget, priority.minimumTargetRange) = (minimum.value, minimum.range)
            }
            return priority
        }
        let factory = RichTextFactory(collector: collector)
        layer.overrides = items(fields, "overrides", schema: .override, collector: collector).compactMap { item in
            guard let id = item.id("id"), let text = item.text("text") else { return nil }
            let field: VariantLayer.Field
            if let level = item.text("level") {
                field = .level(level.value)
            } else {
                switch item.text("field")?.value ?? "description" {
                case "what-it-is": field = .whatItIs
                case "why-it-is-important": field = .whyItIsImportant
                default: field = .description
                }
            }
            let base = item.text("base")
            return VariantLayer.Override(id: id.value, idRange: id.range, field: field, baseFingerprint: base?.value,
                                         baseFingerprintRange: base?.range,
                                         text: factory.make(markdown: text.value), range: item.range)
        }
        let themes = Dictionary(base.themes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let keyAreaBuilder = KeyAreaBuilder(collector: collector, levels: base.levels, themes: themes,
                                            unbuiltThemes: base.unbuilt.filter { $0.kind == .theme })
        let keyAreas = files(under: root, in: "key-areas", reader: reader, reportingTo: loading)
            .map { keyAreaBuilder.outcome($0) }
        layer.keyAreas = keyAreas.compactMap(\.element)
        let additions = files(under: root, in: "additions", reader: reader, reportingTo: loading)
            .map { addition($0, levels: base.levels, collector: collector) }
        layer.additions = additions.compactMap(\.element)
        layer.unbuilt = keyAreas.compactMap(\.unbuilt) + additions.compactMap(\.unbuilt)
        return layer
    }

    /// A list of mappings under `key`, each checked against `schema`.
    private func items(_ fields: FrontMatterFields, _ key: String, schema: FrontMatterSchema,
                       collector: DiagnosticCollector) -> [FrontMatterFields] {
        guard let pair = fields.pair(key) else { return [] }
        guard case .sequence(let values, _) = pair.value else {
            collector.report(Diagnostic(.invalidType, "`\(key)` must be a list, found \(pair.value.kindDescription)",
                                   at: pair.value.range))
            return []
        }
        return values.compactMap { FrontMatterFields($0, schema: schema, what: "an item of `\(key)`", collector: collector) }
    }

    /// The Markdown files of a sub-folder, sorted. A symbolic link is refused, never followed.
    private func files(under root: String, in folder: String, reader: StrategyReader,
                       reportingTo collector: DiagnosticCollector) -> [SourceFile] {
        let base = root + "/" + folder
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: base)
        while let next = enumerator?.nextObject() as? String {
            guard !next.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            if enumerator?.fileAttributes?[.type] as? FileAttributeType == .typeSymbolicLink {
                collector.report(Diagnostic(
                    .fileIsLink, "'\(folder)/\(next)' is a symbolic link; strategyc never follows links, so that nothing "
                        + "outside the variant folder is read or published: put the file itself here",
                    at: SourceRange(at: .wholeFile(base + "/" + next))))
                continue
            }
            if next.hasSuffix(".md") { paths.append(next) }
        }
        paths.sort()
        return paths.compactMap { reader.load(path: base + "/" + $0, relativePath: folder + "/" + $0, reportingTo: collector) }
    }

    /// `additions/<file>.md`: `key_area:` in the front matter, then `## Indicators` with `###` indicators.
    /// The addition, or (when it or one of its indicator headings could not be built) what is known of it.
    private func addition(_ file: SourceFile, levels: [Level], collector: DiagnosticCollector)
        -> BuildOutcome<VariantLayer.Addition> {
        let unbuilt = UnbuiltSource(kind: .additions, relativePath: file.relativePath, path: file.path)
        guard let source = ParsedSource(file, collector: collector),
              let fields = source.fields(.addition, what: "addition front matter", collector: collector),
              let area = fields.id("key_area") else { return .unbuilt(unbuilt) }
        let outline = BodyOutline(source.body, levelNames: levels.map(\.name), collector: collector)
        let builder = IndicatorBuilder(collector: collector, levels: levels)
        let headings = outline.section(.indicators)?.indicators ?? []
        let indicators = headings.compactMap { builder.build($0, in: source.body) }
        guard indicators.count == headings.count else { return .unbuilt(unbuilt) }
        return .built(VariantLayer.Addition(keyAreaID: area.value, keyAreaRange: area.range, indicators: indicators))
    }
}
