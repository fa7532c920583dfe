#if canImport(Glibc)
import Glibc
#endif

/// didctl holds private keys, passwords, PINs and tokens in memory (the node for as long as it
/// runs), so no core file may be written when it crashes: before anything else, the process
/// sets its core-file limit to zero, soft and hard (a file core pattern writes nothing;
/// systemd-coredump stores nothing for a process whose limit is zero), and on Linux also
/// marks itself not dumpable (`PR_SET_DUMPABLE` 0), so the kernel makes no dump for any core
/// pattern, piped ones included, and other processes of the same user cannot ptrace it.
enum CoreDumps {
    static func forbid() {
        #if os(Linux)
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &none)
        // prctl(2) is variadic in glibc's header, which Swift does not import (nor
        // <sys/prctl.h>'s constants); its symbol is called with the five machine words the
        // system call takes.
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        let setDumpable: Int32 = 4  // PR_SET_DUMPABLE, <linux/prctl.h>
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") {
            _ = unsafeBitCast(symbol, to: Prctl.self)(setDumpable, 0, 0, 0, 0)
        }
        #endif
    }
}
