import FuzzHarnesses

// Built with `-sanitize=fuzzer -DFUZZING` (`make fuzz`), this is a libFuzzer target; in an
// ordinary build it replays the files named on its command line (Fuzz/README.md).
#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzHarness.schema.runBlocking(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

// SwiftPM links an executable's `main` to `FuzzSchema_main`: hand the process to libFuzzer.
@_cdecl("FuzzSchema_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc: argc, argv: argv, fuzzTestOneInput)
}
#else
@main
enum FuzzSchema {
    static func main() async { await FuzzDriver.replay(.schema) }
}
#endif
