import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to its end and reports what it cost: wall time and maximum resident set size (from `wait4`'s
/// rusage of that one child), with its output sent to a log file.
struct ChildRun {
    struct Cost {
        var status: Int32
        var seconds: Double
        var maxResidentBytes: Int
        /// User and system CPU time: less at the mercy of the machine's other jobs than the wall time.
        var cpuSeconds: Double = 0
    }

    static func run(_ executable: String, _ arguments: [String], log: String) -> Cost {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = Date()
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
            return Cost(status: -1, seconds: 0, maxResidentBytes: 0)
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(started)
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
        return Cost(status: exit, seconds: seconds, maxResidentBytes: usage.ru_maxrss * 1024, cpuSeconds: cpu)
    }

    /// User and system CPU time of this process so far (the bench's loopback server runs in it).
    static func ownCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
    }
}
