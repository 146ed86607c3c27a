import Foundation
import PackagePlugin

/// Builds the default templates into StrategyRender: runs the EmbedTemplates tool over the package's
/// Templates/ folder into the plugin's work folder, and hands the generated Swift file to the compiler.
/// Every template file is an input, so editing, adding or removing one regenerates the source; nothing
/// generated is written into the source tree.
@main
struct EmbedTemplatesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates", directoryHint: .isDirectory)
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInTemplates.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default templates into \(target.name)",
                executable: try context.tool(named: "EmbedTemplates").url,
                arguments: [templates.path, output.path],
                inputFiles: templateFiles(under: templates),
                outputFiles: [output]
            )
        ]
    }

    /// The files the tool reads (dot files and folders excepted, as the tool skips them).
    private func templateFiles(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        return walker.compactMap { $0 as? URL }.filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }
}
