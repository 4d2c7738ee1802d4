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
}
