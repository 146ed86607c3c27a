import StrategyRender

/// What to publish, from where, and where to.
///
/// `check` and `build` make the same request (so `check` finds everything that would make `build` fail);
/// `workbook` and `export` make narrower ones. A variant build or a preview server will make their own.
public struct PublicationRequest: Sendable {
    /// Where `build` and `check` look for templates unless told otherwise; without such a folder they use
    /// the templates built into the binary.
    public static let defaultTemplatesFolder = "Templates"

    /// The strategy sources.
    public var strategyFolder: String
    /// The Mustache templates; nil for commands that publish no site.
    public var templates: TemplateSet.Source?
    /// The output folder a build would replace; nil when nothing is written to a folder.
    public var outputFolder: String?
    /// The edition to compare with (`--since`), instead of the `previous_edition` in strategy.md.
    public var since: String?
    /// Written into outputs, such as `strategyc 0.1.0`.
    public var generator: String
    /// The folder whose git repository `git:REV` names; nil for the working folder of the process, as the
    /// command line has it. A server, or a test, that cannot change its working folder per request says it
    /// here.
    public var workingDirectory: String?

    /// The templates folder, when the templates come from one.
    public var templatesFolder: String? {
        if case .folder(let folder) = templates { return folder }
        return nil
    }

    public init(strategyFolder: String, templates: TemplateSet.Source? = nil, outputFolder: String? = nil,
                since: String? = nil, generator: String, workingDirectory: String? = nil) {
        self.strategyFolder = strategyFolder
        self.templates = templates
        self.outputFolder = outputFolder
        self.since = since
        self.generator = generator
        self.workingDirectory = workingDirectory
    }
}
