import StrategyModel
import StrategyRender

/// What a publication holds, counted once for whoever presents it: the line `check` and `build` print,
/// the preview server's log, a future server's page.
public struct PublicationSummary: Sendable, Equatable {
    public var title: String
    public var edition: String
    public var themes: Int
    public var keyAreas: Int
    public var indicators: Int
    public var enablers: Int
    public var descriptors: Int
    public var levels: Int
    public var retiredKeyAreas: Int
    /// The source files read.
    public var sourceFiles: Int
    /// The previous edition the ids were held against, as it was named.
    public var previousEdition: String?
    /// The national site's pages (not the variants').
    public var pages: Int
    /// Variant sites published under the national site's `variants/`.
    public var variantSites: Int
    public var files: Int

    public init(_ publication: Publication) {
        let published = publication.published
        let strategy = publication.strategy
        title = strategy.title
        edition = strategy.edition
        themes = strategy.themes.filter { $0.kind == .theme }.count
        keyAreas = published.themeKeyAreas.count
        indicators = published.themeKeyAreas.reduce(0) { $0 + $1.indicators.count }
        enablers = published.enablers.count
        descriptors = published.keyAreas.flatMap(\.indicators).reduce(0) { $0 + $1.descriptors.count }
        levels = strategy.levels.count
        retiredKeyAreas = published.retiredKeyAreas.count
        sourceFiles = publication.compilation.fileCount
        previousEdition = publication.previousEdition?.label
        let prefix = PublicationPipeline.variantsFolder + "/"
        pages = publication.files.filter { $0.path.hasSuffix(".html") && !$0.path.hasPrefix(prefix) }.count
        variantSites = Set(publication.files.compactMap { file -> Substring? in
            guard file.path.hasPrefix(prefix) else { return nil }
            let parts = file.path.dropFirst(prefix.count).split(separator: "/")
            return parts.count > 1 && parts[0] != "assets" ? parts[0] : nil
        }).count
        files = publication.files.count
    }
}

/// What a variant adds to its bases, counted for `check --variant`'s line.
public struct VariantSummary: Sendable, Equatable {
    public var title: String
    public var organisationType: String
    public var layers: Int
    public var baseEdition: String
    public var excluded: Int
    public var changedTexts: Int
    public var added: Int
    public var priorities: Int

    /// Nil for a resolution without a variant layer.
    public init?(_ resolved: ResolvedVariant) {
        guard let variant = resolved.variant else { return nil }
        title = variant.title
        organisationType = variant.organisationType.rawValue
        layers = resolved.layers.count
        baseEdition = resolved.base.edition
        excluded = resolved.exclusions.count
        changedTexts = resolved.replacements.count
        added = resolved.origins.values.filter { if case .added = $0 { return true } else { return false } }.count
        priorities = resolved.priorities.count
    }
}

/// A batch of variants published into a folder of its own.
public struct VariantBatchSummary: Sendable, Equatable {
    public var sites: Int
    public var files: Int

    public init(_ files: [OutputFile]) {
        sites = Set(files.compactMap { $0.path.split(separator: "/").count > 1 ? $0.path.split(separator: "/").first : nil }
            .filter { $0 != "assets" }).count
        self.files = files.count
    }
}
