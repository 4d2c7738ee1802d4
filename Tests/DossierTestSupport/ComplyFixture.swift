import Foundation

/// A small comply project written in comply's own format, with one of each thing `dossier import comply`
/// must carry over or report.
public enum ComplyFixture {
    /// comply's SOC 2 template set (Apache-2.0), kept beside the repository in `shared/`; nil when absent.
    public static var templateSet: String? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("shared/third-party/comply-soc2").path
        return FileManager.default.fileExists(atPath: path + "/policies") ? path : nil
    }

    /// Whether the tests of comply's real template set run: always under CI (so that a missing set fails
    /// there), elsewhere only when the set is beside the clone, so that `make test` on a fresh clone passes
    /// and says which tests it did not run and why (their `.enabled(if:)` comment).
    public static var testsTemplateSet: Bool {
        testsTemplateSet(available: templateSet != nil, environment: ProcessInfo.processInfo.environment)
    }

    /// The decision itself, apart from the machine it runs on. `CI` counts when set to anything but `""`,
    /// `0` or `false` (GitHub Actions and GitLab CI set `CI=true`).
    public static func testsTemplateSet(available: Bool, environment: [String: String]) -> Bool {
        let ci = environment["CI"].map { !["", "0", "false"].contains($0.lowercased()) } ?? false
        return available || ci
    }

    /// Copies the template set into `directory` and adds the comply.yml that `comply init` would write.
    public static func copyTemplateSet(to directory: TemporaryDirectory, name: String = "Acme Corp") throws -> String {
        guard let source = templateSet else { throw MissingTemplateSet() }
        let copy = directory.path + "/comply-soc2"
        try FileManager.default.copyItem(atPath: source, toPath: copy)
        try Data("name: \(name)\nfilePrefix: Acme\n".utf8).write(to: URL(fileURLWithPath: copy + "/comply.yml"))
        return copy
    }

    /// The tests of comply's real template set need it beside the repository, as CI has it.
    public struct MissingTemplateSet: Error, CustomStringConvertible {
        public var description: String {
            "comply's template set is missing: expected ../shared/third-party/comply-soc2 beside the repository"
        }
    }

    /// Writes the fixture under `directory/relative` and returns its path.
    @discardableResult
    public static func write(in directory: TemporaryDirectory, at relative: String = "comply") -> String {
        for (path, text) in files { directory.write("\(relative)/\(path)", text) }
        return directory.path + "/" + relative
    }

    public static let files: [(String, String)] = [
        (
            "comply.yml",
            """
            name: Initech
            filePrefix: INI
            tickets:
              jira:
                username: bot@initech.example
                token: not-a-real-token
                project: COMP
            approver: Bill Lumbergh

            """
        ),
        ("README.md", "# {{.Name}} Compliance Program\n"),
        ("narratives/README.md", "# Narratives\n"),
        (
            "narratives/organization.md",
            """
            ---
            name: "Organization: Narrative"
            acronym: ON
            satisfies:
              TSC:
                - CC1.2
                - CC1.3
            majorRevisions:
              - date: Jun 1 2018
                comment: Initial document
            ---

            # {{.Name}} Organization

            {{.Name}} has a board. Files are prefixed {{ .FilePrefix }}; {{.Unknown}} stays.

            See the [access policy](../policies/access.md), the [patch steps](../procedures/patch.md#os-patch-procedure)
            and the ![diagram](img/board.png).

            """
        ),
        (
            "narratives/products.md",
            """
            name: Products Narrative
            acronym: PN
            ---
            # Products of {{.Name}}

            """
        ),
        (
            "policies/access.md",
            """
            name: Access Policy
            acronym: AP
            satisfies:
              TSC:
                - CC6.1
                - CC9.9
              ISO27001:
                - A.9.1
            majorRevisions:
              - date: Jun 1 2018
                comment: Initial document
            ---
            # Access at {{.Name}}

            See [CC9.9], [CC6.1], [AP-2], [XY-12], [the AP][AP], `[ZZ-1]` and [a link](https://example.com).

            ```
            [QQ-1]
            ```

            """
        ),
        (
            "policies/availability.md",
            """
            name: Availability Policy
            acronym: AP
            satisfies:
              TSC: [A1.1, cc9.1]
            ---
            # Availability

            """
        ),
        (
            "policies/classification.md",
            """
            name: Data Classification Policy
            acronym: DCP
            satisfies:
              TSC:
                - CC9.9
            ---
            # Classification

            """
        ),
        (
            "policies/broken.md",
            """
            name: [unclosed
            ---
            # Broken

            """
        ),
        (
            "policies/privacy.yml",
            """
            name: Privacy Policy
            acronym: P.P/1
            satisfies:
              TSC:
                - P1.1

            """
        ),
        ("policies/notes.txt", "not a document\n"),
        (
            "procedures/patch.md",
            """
            id: "patch"
            name: "Apply OS patches"
            cron: "0 0 0 15 * *"
            satisfies:
              TSC:
                - CC7.1
            ---

            # OS Patch Procedure

            - [ ] Patch {{.Name}} servers

            """
        ),
        (
            "procedures/review.md",
            """
            id: "access-review"
            name: "Quarterly access review"
            cron: "0 0 9 1 1,4,7,10 *"
            satisfies:
              TSC:
                - CC6.3
            ---
            Review access.

            """
        ),
        (
            "procedures/offboarding.md",
            """
            id: "offboard"
            name: "Offboard User"
            ---
            - [ ] Suspend the user in SSO

            """
        ),
        (
            "standards/TSC-2017.yml",
            """
            name: TSC
            CC1.1:
              family: CC1
              name: Integrity
              description: text
            CC9.9:
              family: CC9
              name: Made up
              description: text

            """
        ),
        (
            "standards/iso.yml",
            """
            name: ISO27001
            A.9.1:
              family: A.9
              name: Access
              description: text

            """
        ),
    ]
}
