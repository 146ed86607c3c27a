import StrategyModel

/// A key area's file is named after its id (`engaging-councillors.md`), so that an editor looking for an
/// id finds the file. A copied file whose id was not changed is caught by the duplicate-id check; this
/// catches the opposite slip, an id changed without renaming the file.
struct FileNameChecker: Checker {
    func check(_ strategy: Strategy) -> [Diagnostic] {
        strategy.allKeyAreas.compactMap { area in
            let name = area.sourcePath.split(separator: "/").last.map(String.init) ?? area.sourcePath
            guard name != area.id + ".md" else { return nil }
            return Diagnostic(.fileNameMismatch, "file '\(name)' holds key area '\(area.id)'; name it '\(area.id).md'",
                              at: area.idRange)
        }
    }
}
