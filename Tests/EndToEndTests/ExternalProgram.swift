import Foundation

/// A program other than strategyc (python3, curl), found on the PATH and run to the end; what it printed to
/// standard output, and its exit status. Its standard error is left to the test's own.
enum ExternalProgram {
    static func run(_ arguments: [String], quiet: Bool = false) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        if quiet { process.standardError = FileHandle.nullDevice }
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }
}
