import ArgumentParser

/// What `check` and `build` share beyond compiling: the templates and the output folder. `check` takes
/// them too, so that it finds everything that would make `build` fail with the same arguments.
struct PublicationOptions: ParsableArguments {
    @Option(help: "The templates folder (Mustache templates, and assets/ copied as they are).",
            completion: .directory)
    var templates: String = "Templates"

    @Option(name: [.short, .customLong("out")], help: "The output folder.", completion: .directory)
    var output: String = "_site"
}
