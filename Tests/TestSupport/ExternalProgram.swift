import Foundation

/// A program other than strategyc (python3, curl), found on the PATH and run to the end; what it printed to
/// standard output, and its exit status. With `quiet` false, what it printed to standard error is passed
/// on to the test's own, so that a failing script says why.
public enum ExternalProgram {
    public static func run(_ arguments: [String], quiet: Bool = false) throws -> (status: Int32, output: Data) {
        let ran = try ProcessRunner.onPath(arguments)
        if !quiet && !ran.stderr.isEmpty { FileHandle.standardError.write(ran.stderr) }
        return (ran.status, ran.stdout)
    }
}
