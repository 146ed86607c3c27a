import StrategyCompiler
import StrategyModel
import StrategyRender

/// Everything a publication produced before anything is written: the model, the comparison with the
/// previous edition, and the files, all in memory.
public struct Publication: Sendable {
    public var strategy: Strategy
    /// What the edition publishes, as every renderer saw it.
    public var published: PublishedStrategy
    /// The export and hash stamped on every artefact.
    public var stamp: PublicationStamp
    public var compilation: Compilation
    /// The previous edition and what changed since, when one is configured.
    public var previousEdition: PreviousEdition?
    /// The site, toolkit.md, model.json, workbook and CSV, ready for the writer.
    public var files: [OutputFile]
}
