import Foundation
import PackagePlugin

/// Writes the views' field lists into StrategyRender: runs the ListTemplateFields tool over the target's
/// Swift files into the plugin's work folder, and hands the generated file to the compiler. Every Swift
/// file of the target is an input, so a view edited anywhere regenerates the lists; nothing generated is
/// written into the source tree.
@main
struct TemplateFieldsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target.sourceModule else { return [] }
        let sources = module.sourceFiles(withSuffix: "swift").map(\.url).sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "TemplateFieldLists.swift")
        return [
            .buildCommand(
                displayName: "Listing the template fields of \(target.name)'s views",
                executable: try context.tool(named: "ListTemplateFields").url,
                arguments: [output.path] + sources.map(\.path),
                inputFiles: sources,
                outputFiles: [output]
            )
        ]
    }
}
