import DossierCollect
import DossierCore
import DossierTestSupport
import Foundation

/// A git workspace whose collectors are small shell scripts standing in for cloud CLIs: one prints CSV, one
/// hangs, one floods, one fails, one prints a secret, one writes a file itself, one reports its environment.
final class CollectFixture: @unchecked Sendable {
    let repo: GitFixture
    var path: String { repo.path }
    /// 2026-10-01T06:00:00Z: the collection instant of every run unless a test says otherwise.
    static let now = CalendarDay(iso: "2026-10-01")!.unixTime + 6 * 3600

    static let scripts: [String: String] = [
        "ok.sh": "printf 'user,mfa\\nann,true\\nbob,true\\n'",
        "mfa-off.sh": "printf 'user,mfa\\nann,true\\nbob,false\\n'",
        "hang.sh": "echo started >&2; sleep 30 & sleep 30; echo never",
        "flood.sh": "yes 'user,mfa'",
        "fail.sh": "echo 'listing users' >&2; echo 'AccessDenied: the token has expired' >&2; exit 3",
        "empty.sh": "exit 0",
        "secret.sh": "printf 'name,key\\ndeploy,AKIAZ7QX3M5K2P4R4T6W\\n'",
        "env.sh": "echo variable; env | cut -d= -f1 | grep -v -e '^PWD$' -e '^SHLVL$' -e '^_$' -e '^OLDPWD$' | sort",
        "writes.sh": "mkdir -p out && printf 'user,mfa\\nann,true\\n' > out/report.csv && echo done",
        "slow.sh": "sleep 1; printf 'user,mfa\\nann,true\\n'",
        // Swaps evidence/collected.yaml for a link while it runs: the provenance cannot be written.
        "sabotage.sh":
            "mkdir -p evidence && ln -s \"$DOSSIER_TEST_OUTSIDE/collected.yaml\" evidence/collected.yaml; printf 'user,mfa\\nann,true\\n'",
        "stdin.sh": "if read line; then echo read-something; else printf 'user,mfa\\nann,true\\n'; fi",
    ]

    init(_ controls: String) {
        repo = GitFixture("dossier-collect")
        for (name, body) in Self.scripts {
            repo.directory.writeExecutable("scripts/\(name)", "#!/bin/sh\n\(body)\n")
        }
        repo.write("controls.yaml", Self.header + controls)
        repo.commit("workspace", date: "2026-09-01")
    }

    static let header = """
        dossier: 1
        organization: Acme Cloud, Inc.
        system: Acme Platform
        controls:

        """

    /// A control with one collected requirement (monthly, CSV).
    static func control(
        _ id: String, script: String, extra: String = "", tests: String = "", frequency: String = "monthly"
    ) -> String {
        """
          - id: \(id)
            title: Collected \(id)
            owner: \(id.lowercased())@acme.example
            frequency: \(frequency)
            criteria: [CC6.1]
            status: implemented
            evidence:
              - path: evidence/\(id)/export-*.csv
        \(tests)
                collect:
                  run: [scripts/\(script)]
                  output: evidence/\(id)/export-{date}.csv
        \(extra)

        """
    }

    func run(
        _ selection: CollectRequest.Selection = .due(withinDays: 7), jobs: Int = 2, commit: Bool = false,
        dryRun: Bool = false, maxOutput: Int = 1 << 20, now: Int64 = CollectFixture.now,
        identity: (name: String, email: String)? = ("Collector Bot", "bot@acme.example")
    ) -> CollectReport {
        let request = CollectRequest(
            selection: selection, jobs: jobs, commit: commit, dryRun: dryRun, maxOutputBytes: maxOutput, now: now,
            commitIdentity: identity)
        return CollectRun(workspace: Workspace(path: path)).run(request)
    }

    func read(_ relative: String) -> String? {
        try? String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    /// Every file under `folder` (relative), sorted; hidden and temporary files included.
    func files(under folder: String) -> [String] {
        let base = path + "/" + folder
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        return walker.compactMap { $0 as? String }.filter {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: base + "/" + $0, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }.sorted()
    }

    /// The assessment `check` would make on `day`.
    func assess(on day: String) -> Assessment {
        AssessmentPipeline(workspace: Workspace(path: path), asOfOverride: CalendarDay(iso: day)).run()
    }
}
