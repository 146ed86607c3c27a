import Foundation
import TestSupport

/// The end-to-end tests' view of a `ProjectCopy`: the binary run from its root (or a folder in it), as a
/// user runs it.
extension ProjectCopy {
    func run(_ arguments: [String], in folder: String? = nil, timeout: TimeInterval = 300) throws -> StrategycRunner.Result {
        try StrategycRunner.run(arguments, in: folder.map(url) ?? root, timeout: timeout)
    }
}
