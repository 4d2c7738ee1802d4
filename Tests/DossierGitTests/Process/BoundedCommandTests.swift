import DossierTestSupport
import Foundation
import Testing

@testable import DossierGit

@Suite struct BoundedCommandTests {
    func command(_ script: String, in directory: String = "/", seconds: Int = 10, max: Int = 1 << 20)
        -> BoundedCommand
    {
        BoundedCommand(
            arguments: ["sh", "-c", script], directory: directory,
            environment: ["PATH": "/usr/bin:/bin"], timeoutSeconds: seconds, maxOutputBytes: max,
            stderrTailBytes: 64)
    }

    @Test func runsInTheGivenFolderWithEmptyStdin() throws {
        let folder = TemporaryDirectory("dossier-bounded")
        let result = try command("pwd; cat; echo end", in: folder.path).run()
        #expect(String(decoding: result.stdout, as: UTF8.self) == "\(folder.path)\nend\n")
        #expect(result.status == 0)
    }

    @Test func keepsOnlyTheTailOfStderrAndDoesNotCountItAsOutput() throws {
        // 1 MiB of stderr against a 1 KiB output cap: drained, not fatal, and only the end is kept.
        let result = try command("head -c 1048576 /dev/zero | tr '\\0' x >&2; echo last-words >&2; echo ok", max: 1024)
            .run()
        #expect(!result.tooMuchOutput)
        #expect(result.status == 0)
        #expect(result.stderrTail.utf8.count == 64)
        #expect(result.stderrTail.hasSuffix("xlast-words\n"))
    }

    @Test func aTimeoutKillsGrandchildrenToo() throws {
        let started = Date()
        let result = try command("(sleep 30; echo late) & sleep 30", seconds: 1).run()
        #expect(result.timedOut)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aDaemonisedGrandchildIsEndedWhenTheChildExits() throws {
        let folder = TemporaryDirectory("dossier-bounded")
        let result = try command("(sleep 2; touch survived) >/dev/null 2>&1 & echo quick", in: folder.path).run()
        #expect(result.status == 0)
        Thread.sleep(forTimeInterval: 3)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/survived"))
    }

    @Test func theEnvironmentIsExactlyTheAllowList() {
        setenv("DOSSIER_BOUNDED_KEEP", "1", 1)
        setenv("DOSSIER_BOUNDED_DROP", "1", 1)
        let environment = BoundedCommand.environment(allowing: ["DOSSIER_BOUNDED_KEEP", "DOSSIER_BOUNDED_UNSET"])
        #expect(environment["DOSSIER_BOUNDED_KEEP"] == "1")
        #expect(environment["DOSSIER_BOUNDED_DROP"] == nil)
        #expect(environment.keys.contains("PATH"))
        #expect(Set(environment.keys).isSubset(of: ["PATH", "HOME", "DOSSIER_BOUNDED_KEEP"]))
    }

    @Test func aMissingProgramIsNotFound() {
        let missing = BoundedCommand(
            arguments: ["no-such-collector-program"], directory: "/", environment: ["PATH": "/usr/bin:/bin"],
            timeoutSeconds: 5, maxOutputBytes: 1024)
        #expect(throws: BoundedCommandError.notFound("no-such-collector-program")) { try missing.run() }
        let relative = BoundedCommand(
            arguments: ["scripts/none.sh"], directory: "/tmp", environment: [:], timeoutSeconds: 5,
            maxOutputBytes: 1024)
        #expect(throws: BoundedCommandError.notFound("scripts/none.sh")) { try relative.run() }
    }
}
