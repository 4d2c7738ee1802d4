import DossierFuzzTargets
import Foundation

#if DOSSIER_LIBFUZZER
    /// libFuzzer's driver, which runs the fuzzing loop and parses its `-flags` (linked by `-sanitize=fuzzer`).
    /// Called from `main` because SwiftPM names an executable's entry point itself, so libFuzzer's own `main`
    /// cannot be used.
    @_silgen_name("LLVMFuzzerRunDriver")
    private func runDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// The target named by `DOSSIER_FUZZ_TARGET` (`make fuzz` sets it).
    private let target: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["DOSSIER_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            fatalError("set DOSSIER_FUZZ_TARGET to one of: \(names)")
        }
        return target
    }()

    /// libFuzzer's per-input callback (its archive's own `main` refers to it, so it must exist by this name).
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }
#endif

/// Under libFuzzer (`make fuzz`): the fuzzing loop for the target named by `DOSSIER_FUZZ_TARGET`.
///
/// Otherwise `dossier-fuzz TARGET FILE-OR-FOLDER…` runs every input through the target once: the smoke run of
/// `make test`, and a way to replay a crash in a debugger.
@main
struct FuzzDriver {
    static func main() {
        #if DOSSIER_LIBFUZZER
            _ = target
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(
                runDriver(&argc, &argv) { fuzzOneInput($0, $1) })
        #else
            replay()
        #endif
    }

    static func replay() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: dossier-fuzz \(names) FILE-OR-FOLDER...\n".utf8))
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            for file in inputs(path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
                    exit(1)
                }
                target.run(Array(data))
                count += 1
            }
        }
        print("\(name): \(count) inputs passed")
    }

    /// A file, or the files in a folder (not recursive), sorted.
    static func inputs(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            return [path]
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
    }
}
