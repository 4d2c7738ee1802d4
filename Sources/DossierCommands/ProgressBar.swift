import DossierBundle
import Foundation

/// A one-line progress bar on stderr for long work: bytes and files done, rate, time left. Drawn only on a
/// terminal, only once the work has taken a moment, at most ten times a second, and erased at the end.
final class ProgressBar {
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var drawn = false
    /// Work that ends sooner than this never shows a bar.
    private static let delay: UInt64 = 300_000_000
    private static let interval: UInt64 = 100_000_000
    private static let width = 24

    /// nil when stderr is not a terminal, TERM is dumb, or `quiet`.
    init?(quiet: Bool) {
        guard !quiet, isatty(2) == 1, ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return nil }
    }

    func update(_ progress: BundleProgress) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - start >= Self.delay, now - lastDraw >= Self.interval else { return }
        lastDraw = now
        drawn = true
        let seconds = Double(now - start) / 1e9
        let fraction = progress.bytesTotal > 0 ? Double(progress.bytesDone) / Double(progress.bytesTotal) : 1
        let filled = Int(fraction * Double(Self.width))
        let rate = Double(progress.bytesDone) / max(seconds, 0.001)
        let left = rate > 0 ? Double(progress.bytesTotal - progress.bytesDone) / rate : 0
        let line =
            "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: Self.width - filled) + "] "
            + "\(Int(fraction * 100))%  \(ByteCount(progress.bytesDone)) of \(ByteCount(progress.bytesTotal))  "
            + "\(progress.filesDone)/\(progress.filesTotal) files  \(ByteCount(Int64(rate)))/s  \(Int(left.rounded()))s left"
        Output.errorRaw("\r\u{1B}[K" + line)
    }

    func finish() {
        if drawn { Output.errorRaw("\r\u{1B}[K") }
    }
}

/// Bytes for people: `812 B`, `4.2 KB`, `1.3 MB` (powers of 1000, as file managers show them).
struct ByteCount: CustomStringConvertible {
    var bytes: Int64
    init(_ bytes: Int64) { self.bytes = bytes }

    var description: String {
        if bytes < 1000 { return "\(bytes) B" }
        var value = Double(bytes)
        for unit in ["KB", "MB", "GB", "TB"] {
            value /= 1000
            if value < 1000 || unit == "TB" { return "\((value * 10).rounded() / 10) \(unit)" }
        }
        return "\(bytes) B"
    }
}
