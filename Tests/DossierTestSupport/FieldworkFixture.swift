import Foundation

/// A small Type II workspace for populations, samples and request lists: a monthly control with CSV exports
/// (one holding a quoted cell with a line break), a screenshot, files outside the period, after the as-of
/// day and uncommitted.
public enum FieldworkFixture {
    public static let controls = """
        dossier: 1
        organization: Acme
        system: Platform
        period: {start: 2026-01-01, end: 2026-06-30}
        as_of: 2026-07-10
        controls:
          - id: CHG-001
            title: Changes are reviewed
            owner: eng@acme.example
            frequency: continuous
            criteria: [CC8.1]
            status: implemented
            evidence:
              - path: evidence/prs-*.csv
                frequency: monthly
              - path: evidence/policy.png
                frequency: annual
          - id: AC-001
            title: MFA
            owner: it@acme.example
            frequency: quarterly
            criteria: [CC6.1]
            status: implemented
            evidence:
              - path: evidence/mfa-*.json

        """

    public static func make() -> GitFixture {
        let repo = GitFixture("dossier-fieldwork")
        repo.write("controls.yaml", controls).commit("map", date: "2025-12-01")
        repo.write("evidence/prs-2025-12.csv", "pr,author\n1,ann\n").commit(date: "2025-12-31")
        repo.write("evidence/prs-2026-01.csv", "pr,author,title\n10,bob,\"two\nlines\"\n11,cy,plain\n")
            .commit(date: "2026-01-31")
        repo.write("evidence/policy.png", "not really a png").commit(date: "2026-02-02")
        repo.write("evidence/prs-2026-02.csv", "pr,author\n12,dee\n13,eve\n14,fay\n").commit(date: "2026-02-28")
        repo.write("evidence/prs-2026-06.csv", "pr,author\n20,gus\n").commit(date: "2026-06-30")
        repo.write("evidence/mfa-2026-03.json", "{}").commit(date: "2026-03-31")
        repo.write("evidence/prs-2026-07.csv", "pr,author\n30,hal\n").commit(date: "2026-07-31")
        repo.write("evidence/prs-2026-05.csv", "pr,author\n19,ivy\n")  // never committed
        return repo
    }

    /// SHA-256 hex of `text` by coreutils, an implementation independent of Dossier's.
    public static func sha256sum(_ text: String) -> String {
        let directory = TemporaryDirectory("dossier-sha")
        directory.write("input", text)
        let result = Command.run("/usr/bin/env", ["sha256sum", directory.path + "/input"], in: directory.path)
        return String(result.stdout.prefix(64))
    }
}
