import ArgumentParser
import Foundation
import StrategyPipeline
import StrategyRender

/// What `check` and `build` share beyond compiling: the templates and the output folder. `check` takes
/// them too, so that it finds everything that would make `build` fail with the same arguments.
struct PublicationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The templates folder (Mustache templates, and assets/ copied as they are).",
                               discussion: "Default: ./Templates when it exists, otherwise the templates built into strategyc."),
            completion: .directory)
    var templates: String?

    /// `--templates`, else `./Templates` when there is one, else the built-in set: a council's repository
    /// needs no templates of its own.
    var templateSource: TemplateSet.Source { Self.templateSource(templates) }

    /// The same rule for any command that takes `--templates`.
    static func templateSource(_ templates: String?) -> TemplateSet.Source {
        if let templates { return .folder(templates) }
        var isFolder: ObjCBool = false
        let folder = PublicationRequest.defaultTemplatesFolder
        return FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue
            ? .folder(folder) : .builtIn
    }

    @Option(name: [.short, .customLong("out")], help: "The output folder.", completion: .directory)
    var output: String = "_site"

    @Option(name: .customLong("with-variants"),
            help: "Also publish every variant in this folder under variants/, linked from the national pages.",
            completion: .directory)
    var withVariants: String?
}

/// `--templates` alone, for the commands that write a report rather than the site (`report`, `benchmark`).
struct TemplatesOption: ParsableArguments {
    @Option(help: ArgumentHelp("The templates folder.", discussion: "Default: ./Templates when it exists, otherwise the built-in templates."),
            completion: .directory)
    var templates: String?

    var source: TemplateSet.Source { PublicationOptions.templateSource(templates) }
}
