import Foundation
import Testing

@testable import DossierGit

@Suite struct ProcessRunnerTests {
    @Test func drainsLargeStdoutAndStderrTogetherWithoutDeadlock() throws {
        // 1 MiB on each stream: far beyond a pipe's 64 KiB buffer.
        let script = "head -c 1048576 /dev/zero; head -c 1048576 /dev/zero >&2; exit 3"
        let result = try ProcessRunner.run("/bin/sh", ["-c", script], environment: [:])
        #expect(result.status == 3)
        #expect(result.stdout.count == 1 << 20)
        #expect(result.stderr.utf8.count == 1 << 20)
    }

    @Test func feedsStdinAndPassesTheEnvironment() throws {
        let input = Array(String(repeating: "line\n", count: 50_000).utf8)
        let result = try ProcessRunner.run(
            "/bin/sh", ["-c", "wc -l; echo \"$GREETING\""],
            environment: ["GREETING": "hello", "PATH": "/usr/bin:/bin"], stdin: input)
        #expect(String(decoding: result.stdout, as: UTF8.self) == "50000\nhello\n")
        #expect(result.status == 0)
    }

    @Test func aChildThatIgnoresStdinDoesNotHangOrKillUs() throws {
        let result = try ProcessRunner.run(
            "/bin/true", [], environment: [:], stdin: [UInt8](repeating: 65, count: 1 << 20))
        #expect(result.status == 0)
    }

    @Test func aMissingProgramIsAnError() {
        #expect(throws: ProcessSpawnError.self) {
            try ProcessRunner.run("/nonexistent/program", [], environment: [:])
        }
        #expect(ProcessRunner.find("definitely-not-a-program-here") == nil)
        #expect(ProcessRunner.find("sh") != nil)
    }

    @Test func signalsBecome128PlusTheSignal() throws {
        let result = try ProcessRunner.run("/bin/sh", ["-c", "kill -9 $$"], environment: [:])
        #expect(result.status == 137)
    }

    @Test func aTimeoutKillsTheWholeProcessGroupNotJustTheChild() throws {
        // The grandchild holds the pipes open; only killing the group ends the run.
        let started = Date()
        let result = try ProcessRunner.run(
            "/bin/sh", ["-c", "sleep 30 & sleep 30; echo never"], environment: [:],
            limits: ProcessRunner.Limits(seconds: 1, maxOutputBytes: 1 << 20))
        #expect(result.killed == .timedOut(seconds: 1))
        #expect(result.status == 128 + SIGKILL)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func tooMuchOutputIsCutOff() throws {
        let result = try ProcessRunner.run(
            "/bin/sh", ["-c", "yes"], environment: ["PATH": "/usr/bin:/bin"],
            limits: ProcessRunner.Limits(seconds: 30, maxOutputBytes: 1 << 16))
        #expect(result.killed == .tooMuchOutput(bytes: 1 << 16))
    }

    @Test func aBoundedChildHasNoTerminalAndReadsStdinFromAFile() throws {
        let result = try ProcessRunner.run(
            "/bin/sh", ["-c", "wc -c; tty || true"], environment: ["PATH": "/usr/bin:/bin"],
            stdinFile: "/etc/hostname", limits: ProcessRunner.Limits(seconds: 10, maxOutputBytes: 1 << 16))
        let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n")
        #expect(Int(lines.first ?? "") ?? 0 > 0)
        #expect(lines.last == "not a tty")
        #expect(result.killed == nil)
    }
}
