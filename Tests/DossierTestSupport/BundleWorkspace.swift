import Foundation

/// A small but realistic workspace for bundle tests: a control map with a narrative, evidence in several
/// folders (non-ASCII names, an executable, already-compressed files, a file outside `evidence/` that sorts
/// after `data/provenance.csv`), one unreferenced evidence file, all committed on dated commits.
public enum BundleWorkspace {
    public static let controls = """
        dossier: 1
        organization: Acme Cloud, Inc.
        system: Acme Platform
        scope: [security, availability]
        as_of: 2026-03-31
        controls:
          - id: AC-001
            title: MFA is enforced
            owner: it@acme.example
            frequency: quarterly
            criteria: [CC6.1, CC6.2]
            narrative: narratives/access.md
            status: implemented
            evidence:
              - evidence/access/**
          - id: OPS-001
            title: Backups are tested
            owner: ops@acme.example
            frequency: annual
            criteria: [CC7.2, A1.2]
            status: implemented
            evidence:
              - evidence/ops/**
              - reports/**
          - id: HR-001
            title: Security training
            owner: hr@acme.example
            frequency: annual
            criteria: [CC1.4]
            status: implemented
            evidence:
              - evidence/hr/*.csv

        """

    /// Evidence files a control references, relative to the workspace.
    public static let referenced = [
        "evidence/access/mfa-2026-01.csv", "evidence/access/okta.png", "evidence/access/Zoë résumé.txt",
        "evidence/ops/backup.sh", "evidence/ops/restore-test.pdf", "evidence/hr/training.csv",
        "reports/vendor-review.txt",
    ]

    /// Creates the workspace; the last commit is on 2026-03-01.
    public static func make() -> GitFixture {
        let repo = GitFixture("dossier-bundle")
        repo.write(".gitignore", "dist/\n")
        repo.write("controls.yaml", controls)
        repo.write("narratives/access.md", "# Access control\n\nEvery login needs a second factor.\n")
        repo.write("evidence/access/mfa-2026-01.csv", "user,mfa\nada,enabled\ngrace,enabled\n")
        repo.directory.write("evidence/access/okta.png", bytes: noise(200_000, seed: 1))
        repo.commit("access evidence", date: "2026-01-15")
        repo.write("evidence/access/Zoë résumé.txt", "Zoë completed the access review.\n")
        repo.write("evidence/ops/backup.sh", "#!/bin/sh\necho backup\n")
        chmod(repo.path + "/evidence/ops/backup.sh", 0o755)
        repo.directory.write("evidence/ops/restore-test.pdf", bytes: noise(50_000, seed: 2))
        repo.write("evidence/hr/training.csv", "name,completed\nada,2026-02-01\n")
        repo.write("evidence/unreferenced.txt", "no control needs this\n")
        repo.commit("ops and hr evidence", date: "2026-02-15")
        repo.write("reports/vendor-review.txt", "Vendor review: all vendors assessed.\n")
        repo.commit("vendor review", date: "2026-03-01")
        return repo
    }

    /// Deterministic incompressible bytes.
    public static func noise(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<count).map { _ in
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return UInt8(truncatingIfNeeded: (state &* 0x2545_F491_4F6C_DD1D) >> 56)
        }
    }

    /// Runs python3 with a script; fails loudly when python3 is missing (`make test-deps` installs it).
    public static func python(_ script: String, _ arguments: [String] = [], in directory: String? = nil)
        -> Command.Result
    {
        Command.run("/usr/bin/env", ["python3", "-c", script] + arguments, in: directory)
    }
}
