import Foundation

#if FUZZING
// Declared only in a fuzzer build (`-DFUZZING`): no other build links libFuzzer.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

#endif

/// The two ways a fuzz executable runs: under libFuzzer, or replaying files.
public enum FuzzDriver {
    #if FUZZING
    /// Hands the process to libFuzzer (`LLVMFuzzerRunDriver`), with the command line as given.
    /// Only a `-sanitize=fuzzer` build links libFuzzer, so only such a build may call this.
    /// - Parameters:
    ///   - argc: The argument count of `main`.
    ///   - argv: The arguments of `main`.
    ///   - callback: `LLVMFuzzerTestOneInput`.
    /// - Returns: libFuzzer's exit status.
    public static func run(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                           _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv, callback)
    }
    #endif

    /// Runs every file named on the command line (a directory: every file in it) through
    /// `harness` and says how many ran; a crashing input stops the process, as under libFuzzer.
    /// `--write-seeds DIR` writes the harness's generated seeds (``FuzzSeeds``) into DIR instead.
    /// - Parameter harness: The harness to run.
    public static func replay(_ harness: FuzzHarness) async {
        let arguments = CommandLine.arguments
        if arguments.count == 3, arguments[1] == "--write-seeds" {
            do {
                for seed in try await FuzzSeeds.make(harness) {
                    try Data(seed.bytes).write(to: URL(fileURLWithPath: arguments[2]).appendingPathComponent(seed.name))
                }
            } catch {
                FileHandle.standardError.write(Data("cannot write the seeds: \(error)\n".utf8))
                exit(1)
            }
            return
        }
        let paths = CommandLine.arguments.dropFirst().flatMap { path -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.isEmpty ? [path] : names.sorted().map { path + "/" + $0 }
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(2)
            }
            await harness.run([UInt8](data))
        }
        print("\(harness.rawValue): \(paths.count) inputs replayed")
    }
}
