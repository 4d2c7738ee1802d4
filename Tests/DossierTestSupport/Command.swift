import Foundation

/// Runs a program and captures its output; used to drive git and the built `dossier` binary in tests.
public enum Command {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var stdoutBytes: [UInt8]
    }

    public static func run(
        _ executable: String, _ arguments: [String], in directory: String? = nil,
        environment: [String: String]? = nil, stdin: String? = nil
    ) -> Result {
        var process = Process()
        var out = Pipe()
        var err = Pipe()
        var input = Pipe()
        // "Text file busy": a child another test spawned while `executable` was being written (a copied binary,
        // a script) holds an inherited descriptor to it until that child ends; wait for it, up to 5 s.
        for attempt in 1...50 {
            process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
            if let environment { process.environment = environment }
            (out, err, input) = (Pipe(), Pipe(), Pipe())
            process.standardOutput = out
            process.standardError = err
            process.standardInput = stdin == nil ? FileHandle.nullDevice : input
            do {
                try process.run()
                break
            } catch let error as NSError {
                let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
                guard attempt < 50, underlying?.code == Int(ETXTBSY) else {
                    fatalError("cannot run \(executable): \(error)")
                }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try? input.fileHandleForWriting.close()
        }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        let errorPipe = err
        DispatchQueue.global().async {
            errBox.data = errorPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errBox.data, as: UTF8.self), stdoutBytes: [UInt8](outData))
    }

    private final class Box: @unchecked Sendable { var data = Data() }
}

/// The `dossier` executable built next to the test bundle.
public enum Dossier {
    public static var executable: String {
        var url = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = url.appendingPathComponent("dossier").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            url = url.deletingLastPathComponent()
        }
        // `swift test` runs from the package root; fall back to the debug build there.
        return FileManager.default.currentDirectoryPath + "/.build/debug/dossier"
    }

    /// Runs `dossier` with `arguments` in `directory`, with colour off and a fixed, clean environment.
    public static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:])
        -> Command.Result
    {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        for (k, v) in environment { env[k] = v }
        return Command.run(executable, arguments, in: directory, environment: env)
    }
}
