import Foundation
import StrategyCompiler
import StrategyModel
import StrategyRender
import StrategyRules
import StrategyWorkbook
import StrategyDiagnostics

/// The stages every action is made of: read, parse, build and check the sources; load the templates;
/// resolve the previous edition and hold the strategy to its ids; render the site, toolkit.md, model.json
/// and the workbook; check the destination; write atomically.
///
/// Every stage reports into the one `DiagnosticCollector` and none prints. The order of a job is not
/// written here but in its action (`PublishAction` for check and build, `VariantPublishAction`,
/// `VariantBatchAction`, …), which the command line and the servers call alike. The pipeline keeps what
/// a batch shares: the national strategy compiled once, resolved chains of layers, the templates.
public struct PublicationPipeline {
    public let request: PublicationRequest
    public let collector: DiagnosticCollector
    public let outputGuard: OutputGuard
    /// Told how a batch of variants is getting on, for a progress line on a terminal.
    public var progress: (@Sendable (BatchProgress) -> Void)?

    /// How far a batch of variants has got.
    public enum BatchProgress: Sendable {
        case resolving(done: Int, of: Int)
        case rendering(done: Int, of: Int)
        /// Returns read for the store, and recorded in it.
        case readingReturns(done: Int, of: Int)
        case recordingReturns(done: Int, of: Int)
    }
    /// National strategies already compiled by this pipeline, by folder: a batch of variants on one base
    /// compiles it once.
    private let nationalCache = NationalCache()

    private final class NationalCache {
        var compilations: [String: Compilation] = [:]
        /// Variants resolved so far, by the chain of folders from the national strategy to the variant.
        var resolvedChains: [String: ResolvedVariant] = [:]
        /// Earlier national editions, by folder and edition (nil inside when not available).
        var olderEditions: [String: Strategy?] = [:]
        /// Content hashes of national strategies, by edition and title.
        var hashes: [String: ContentHash] = [:]
        /// The templates, loaded once (nil inside when they could not be used; already reported).
        var templates: TemplateSet??
    }

    public init(_ request: PublicationRequest, collector: DiagnosticCollector) {
        self.request = request
        self.collector = collector
        // Commands that use no templates still never write into the default templates folder.
        outputGuard = OutputGuard(strategyFolder: request.strategyFolder,
                                  templatesFolder: request.templatesFolder ?? PublicationRequest.defaultTemplatesFolder)
    }

    // MARK: - Stages

    /// Read, parse, build and check. Throws only when the folder itself cannot be read.
    public func compile() throws -> Compilation {
        try StrategyCompiler().compile(folder: request.strategyFolder, reportingTo: collector)
    }

    /// The templates, or nil (with diagnostics) when they cannot be used. `overrides` are folders whose
    /// files replace single templates, partials or assets (a variant's `templates/`), the last winning.
    public func loadTemplates(overrides: [String] = []) -> TemplateSet? {
        guard let source = request.templates else { return nil }
        guard overrides.isEmpty else { return TemplateSet.load(source, overrides: overrides, reportingTo: collector) }
        if let loaded = nationalCache.templates { return loaded }
        let templates = TemplateSet.load(source, overrides: [], reportingTo: collector)
        nationalCache.templates = .some(templates)
        return templates
    }

    /// The template override folders of a variant's layers, innermost first: each layer's `templates/`.
    public func templateOverrides(of resolved: ResolvedVariant) -> [String] {
        resolved.layers.map { ($0.folder.hasSuffix("/") ? String($0.folder.dropLast()) : $0.folder) + "/templates" }
            .filter { var isFolder: ObjCBool = false
                      return FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && isFolder.boolValue }
    }

    /// The edition to compare with: `--since` when given, else `previous_edition` from strategy.md.
    /// Problems are reported at the `previous_edition` line, or at the option for `--since`.
    public func resolvePreviousEdition(of strategy: Strategy) -> PreviousEdition? {
        guard let reference = request.since ?? strategy.previousEdition else { return nil }
        let range = request.since != nil
            ? SourceRange(at: .wholeFile("--since \(reference)"))
            : (strategy.previousEditionRange ?? strategy.range)
        return PreviousEditionResolver(strategyFolder: request.strategyFolder, workingDirectory: request.workingDirectory,
                                       collector: collector)
            .resolve(reference, reportedAt: range, relativeToStrategy: request.since == nil, current: strategy)
    }

    /// What the edition publishes and the stamp every artefact carries, worked out once for all renderers.
    public func prepare(_ strategy: Strategy) -> (PublishedStrategy, PublicationStamp) {
        (PublishedStrategy(strategy), PublicationStamp(strategy, generator: request.generator))
    }

    /// The site (pages, toolkit.md, model.json, assets and the changes page). A template that fails to
    /// render, or names a field no page provides, is a diagnostic.
    public func renderSite(_ published: PublishedStrategy, stamp: PublicationStamp, templates: TemplateSet,
                           changes: EditionDiff?, variant: VariantPresentation? = nil,
                           linksToVariants: Bool = false) -> [OutputFile] {
        templates.checkFields(of: published.strategy, reportingTo: collector)
        return SiteRenderer(templates: templates, stamp: stamp, linksToVariants: linksToVariants)
            .render(published, changes: changes, variant: variant, reportingTo: collector)
    }

    /// The workbook and its CSV twin. A libxlsxwriter failure is reported, never thrown.
    public func renderWorkbook(_ published: PublishedStrategy, stamp: PublicationStamp,
                               variant: WorkbookVariant? = nil, filled: FilledReturn? = nil) -> [OutputFile] {
        do {
            return try WorkbookRenderer(stamp: stamp).render(published, variant: variant, filled: filled, reportingTo: collector)
        } catch {
            collector.report(Diagnostic(.workbookWriteFailed, "the workbook cannot be made: \(error)",
                                        at: published.strategy.range))
            return []
        }
    }

    /// Whether a single output file may be written or replaced; see `OutputGuard`.
    public func checkOutputFile(_ path: String, kind: OutputGuard.FileKind) {
        collector.report(outputGuard.checkFile(path, kind: kind))
    }

    /// Whether the output folder may be replaced; see `OutputGuard`.
    public func checkOutputFolder() {
        guard let folder = request.outputFolder else { return }
        collector.report(outputGuard.checkFolder(folder))
    }

    /// A variant resolved onto the national strategy: its chain of bases followed, the national strategy
    /// compiled, each layer read and applied in order (later layers win) and checked against its base.
    /// Nil when the chain or the national strategy is unusable (reported).
    public func resolveVariant(_ folder: String) throws -> ResolvedVariant? {
        guard let links = VariantChain(collector: collector).follow(from: folder) else { return nil }
        let compilation: Compilation
        if let cached = nationalCache.compilations[links.national] {
            compilation = cached  // its diagnostics are already in the collector
        } else {
            compilation = try StrategyCompiler().compile(folder: links.national, reportingTo: collector)
            nationalCache.compilations[links.national] = compilation
        }
        guard let national = compilation.strategy else { return nil }
        // A batch of councils on one region reads and applies the region once: layers, and the result of
        // each chain of layers, are kept by folder.
        var resolved: ResolvedVariant?
        var chain = links.national
        for variantFolder in links.variants {
            chain += "\u{0}" + variantFolder
            if let cached = nationalCache.resolvedChains[chain] {
                resolved = cached
                continue
            }
            guard let layer = try readLayer(variantFolder, onto: national, nationalFolder: links.national) else { return nil }
            let next = resolved.map { VariantResolver().resolve(onto: $0, adding: layer, reportingTo: collector) }
                ?? VariantResolver().resolve(national, layers: [layer], reportingTo: collector)
            nationalCache.resolvedChains[chain] = next
            resolved = next
        }
        return resolved ?? VariantResolver().resolve(national, layers: [], reportingTo: collector)
    }

    /// One layer read and held to the national edition it was written against (see `BaseChanges`).
    private func readLayer(_ folder: String, onto national: Strategy, nationalFolder: String) throws -> VariantLayer? {
        guard let layer = try VariantReader().read(folder: folder, base: national, reportingTo: collector) else { return nil }
        if let edition = layer.baseEdition, edition != national.edition, let range = layer.baseEditionRange {
            let notes = olderEdition(edition, of: national, folder: nationalFolder)
                .map { BaseChanges(diff: EditionDiff(from: $0, to: national)).notes(for: layer) }
                ?? [.init("to list what changed since edition \(edition), give the national strategy.md a "
                          + "`previous_edition` of that edition (a folder or git:REV), or pass --since")]
            collector.report(Diagnostic(
                .variantBaseMoved,
                "'\(layer.id)' was written against edition \(edition); its base is now edition \(national.edition): "
                    + "review what changed and then set `base_edition: \(national.edition)`",
                at: range, notes: notes,
                fixIts: [FixIt("set base_edition to \(national.edition)", range: range, replacement: national.edition)]))
        }
        return layer
    }

    /// The national strategy as it was at `edition`: its `previous_edition` (or `--since`), when that is the
    /// edition asked for. Problems reading it are the national build's to report, so they are not repeated.
    private func olderEdition(_ edition: String, of national: Strategy, folder: String) -> Strategy? {
        let key = folder + "\u{0}" + edition
        if let cached = nationalCache.olderEditions[key] { return cached }
        var found: Strategy?
        if let reference = request.since ?? national.previousEdition {
            let quiet = DiagnosticCollector()
            let previous = PreviousEditionResolver(strategyFolder: folder, workingDirectory: request.workingDirectory, collector: quiet)
                .resolve(reference, reportedAt: national.range, relativeToStrategy: request.since == nil, current: national)
            if previous?.strategy.edition == edition { found = previous?.strategy }
        }
        nationalCache.olderEditions[key] = .some(found)
        return found
    }

    /// What a variant publishes: the resolved model under the variant's title and introduction, and its stamp.
    public func prepareVariant(_ resolved: ResolvedVariant) -> (Strategy, PublishedStrategy, PublicationStamp) {
        let strategy = resolved.publishedStrategy
        let (published, stamp) = prepare(strategy)
        return (strategy, published, stamp)
    }

    /// A variant's workbook: its default targets filled in, its weights, an Origin column, and its base in
    /// the stamp.
    public func renderVariantWorkbook(_ resolved: ResolvedVariant, published: PublishedStrategy,
                                      stamp: PublicationStamp, filled: FilledReturn? = nil) -> [OutputFile] {
        renderWorkbook(published, stamp: stamp, variant: WorkbookVariant(resolved, baseHash: nationalHash(of: resolved.base)),
                       filled: filled)
    }

    /// The content hash of a variant's national base, worked out once per batch.
    func nationalHash(of national: Strategy) -> ContentHash {
        let key = national.range.start.path + "\u{0}" + national.edition
        if let hash = nationalCache.hashes[key] { return hash }
        let hash = PublicationStamp(national, generator: request.generator).hash
        nationalCache.hashes[key] = hash
        return hash
    }

    /// Holds the resolved variant to the rules the national strategy keeps (unique ids, titles, links...);
    /// a link to what the variant left out is named as such, with the reason.
    public func checkResolvedVariant(_ resolved: ResolvedVariant) {
        RuleRegistry.standard.check(.model, RuleContext(strategy: resolved.strategy, variant: resolved), reportingTo: collector)
    }

    // MARK: - Writing

    /// Where a national site built with its variants keeps them.
    public static let variantsFolder = "variants"

    /// Writes files to the output folder, all or nothing. Call only when the collector has no errors.
    /// Throws for I/O failures.
    public func write(_ files: [OutputFile]) throws {
        guard let folder = request.outputFolder else { return }
        precondition(!collector.hasErrors, "a publication with errors is never written")
        do {
            try AtomicFolderWriter(generator: request.generator).write(files, to: URL(fileURLWithPath: folder))
        } catch {
            throw OutputWriteFailure(path: folder, reason: error.localizedDescription)
        }
    }

    /// Writes one file (a workbook, an export) atomically, after `checkFile` found nothing to refuse.
    public func writeFile(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw OutputWriteFailure(path: path, reason: error.localizedDescription)
        }
    }
}
