import Foundation

/// Runs a converter program as a subprocess: arguments as an array, never through a shell,
/// so file names with spaces or quotes are passed as they are.
struct ExternalTool: Sendable {
    let name: String
    /// The Debian package that provides the program, named in the error when it is missing.
    let package: String

    /// Where the program is, searching `PATH` from `environment`; nil when it is not installed.
    func locate(environment: [String: String]) -> URL? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    struct Output {
        var stdout: Data
        var stderr: String
        var status: Int32
    }

    /// Runs the program and waits for it. Standard error goes to a temporary file so that a
    /// chatty converter cannot block on a full pipe while we read standard output.
    /// - Throws: `ImportFailure.converterMissing` when the program is not on `PATH`.
    func run(_ arguments: [String], environment: [String: String]) throws -> Output {
        guard let executable = locate(environment: environment) else {
            throw ImportFailure.converterMissing(tool: name, package: package)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = environment
        env["LC_ALL"] = "C.UTF-8"
        process.environment = env
        let out = Pipe()
        let errURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("samrad-import-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let errHandle = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ImportFailure.converterFailed(tool: name, detail: "\(error)")
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? errHandle.close()
        let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return Output(stdout: data, stderr: err, status: process.terminationStatus)
    }

    static let pdftotext = ExternalTool(name: "pdftotext", package: "poppler-utils")
    static let pandoc = ExternalTool(name: "pandoc", package: "pandoc")
}

extension String {
    /// The last non-empty line, for quoting a converter's complaint.
    var lastLine: String {
        split(whereSeparator: \.isNewline).last.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
    }
}
