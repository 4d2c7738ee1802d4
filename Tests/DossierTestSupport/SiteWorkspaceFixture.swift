import Foundation

/// A small but complete workspace for site tests: a git repository with a control map, narratives and
/// dated evidence, with hostile strings in every place Dossier writes into HTML.
///
/// As of 2026-04-15 (Type II period 2026-01-01 to 2026-06-30): AC-001 ready (monthly, fresh, every window so far), AC-002 stale,
/// BCP-001 missing evidence, HR-001 planned; A1.3 excluded; an unused file, an untracked file. Registers: two
/// risks (R-1 exposed by AC-002, R-2 over appetite), two vendors (one subprocessor whose report is current, one
/// with none), two policies (POL-1 edited after its approval, POL-2 a draft).
public enum SiteWorkspaceFixture {
    /// Text that must never reach a page unescaped.
    public static let hostile = "<script>alert(1)</script>"
    public static let hostileOwner = "\"><img src=x onerror=alert(2)>"

    public static let controls = """
        dossier: 1
        organization: "Acme <Corp> & \\"Sons\\""
        system: Cloud
        scope: [security, availability]
        period: {start: 2026-01-01, end: 2026-06-30}
        as_of: 2026-04-15
        exclusions:
          - criterion: A1.3
            reason: "No recovery site <b>at all</b>"
        controls:
          - id: AC-001
            title: "Single sign-on \(hostile)"
            description: "Everyone signs in through the identity provider & nothing else."
            owner: it@example.com
            frequency: monthly
            criteria: [CC6.1, CC6.2]
            narrative: narratives/access.md
            status: implemented
            evidence:
              - path: evidence/access/sso-*.csv
                description: "SSO export <i>monthly</i>"
          - id: AC-002
            title: Multi-factor authentication
            owner: '\(hostileOwner)'
            frequency: quarterly
            criteria: [CC6.1, CC6.3]
            status: implemented
            evidence:
              - path: evidence/access/mfa-*.csv
          - id: BCP-001
            title: Backups are restored every quarter
            owner: it@example.com
            frequency: quarterly
            criteria: [A1.2]
            status: implemented
            evidence:
              - path: evidence/continuity/restore-*.pdf
          - id: HR-001
            title: Background checks
            owner: people@example.com
            frequency: annual
            criteria: [CC1.4]
            status: planned

        """

    public static let accessNarrative = """
        ---
        title: Access control
        owner: security@example.com
        last_reviewed: 2026-02-01
        version: "1.2"
        ---
        # Access control

        We run [AC-001] and [AC-002] for [CC6.1]; see [the MFA control][AC-002].

        See the [latest SSO export](../evidence/access/sso-2026-03.csv) and [all exports](../evidence/access/).
        Also [Backups](continuity.md#restores).

        ## How it works

        <script>alert("raw")</script>

        <img src=x onerror=alert(3)>

        [js](javascript:alert(4)) [vb](vbscript:msgbox) [file](file:///etc/passwd) [data](data:text/html;base64,PHNjcmlwdD4=)

        ![remote](https://example.com/x.png) ![local](../evidence/access/sso-2026-03.csv)

        | System | Sign-in |
        |---|---|
        | ~~Okta~~ IdP | https://idp.example.com |

        - [x] SSO everywhere
        - [ ] Hardware keys

        ## How it works

        Second heading with the same text, and a footnote[^1].

        [^1]: A footnote.

        """

    public static let continuityNarrative = """
        # Continuity

        ## Restores

        Restores are tested every quarter ([BCP-001]).

        """

    public static let risks = """
        dossier: 1
        review: annual
        appetite: 8
        risks:
          - id: R-1
            title: "Account takeover \(hostile)"
            owner: '\(hostileOwner)'
            likelihood: 4
            impact: 5
            treatment: mitigate
            controls: [AC-001, AC-002]
            residual: {likelihood: 2, impact: 4}
          - id: R-2
            title: Backups fail
            owner: it@example.com
            likelihood: 3
            impact: 4
            treatment: transfer

        """

    public static let vendors = """
        dossier: 1
        vendors:
          - id: cloud
            name: "Cloud <b>Host</b>"
            service: "Hosting \(hostile)"
            owner: it@example.com
            criticality: high
            data: [customer, personal]
            subprocessor: true
            assurance:
              - {kind: soc2-type2, path: evidence/vendors/cloud-soc2-*.pdf, period_end: 2025-12-31}
            review: {frequency: annual, path: evidence/vendors/cloud-review-*.md}
            dpa: evidence/vendors/cloud-dpa.pdf
          - id: chat
            name: Chat
            owner: it@example.com
            criticality: medium

        """

    public static let securityPolicy = """
        ---
        id: POL-1
        title: "Security <policy>"
        owner: security@example.com
        version: "2.0"
        approved_by: '\(hostileOwner)'
        approved: 2026-01-05
        review: annual
        criteria: [CC5.3]
        ---
        # Security

        We run [AC-001] for [CC6.1]. See [the draft](draft.md) and [access](../narratives/access.md).

        """

    /// Writes the workspace and commits it at dated points; returns the fixture.
    public static func make(_ label: String = "dossier-site") -> GitFixture {
        let repo = GitFixture(label)
        repo.write("controls.yaml", controls)
        repo.write("narratives/access.md", accessNarrative)
        repo.write("narratives/continuity.md", continuityNarrative)
        repo.write(".gitignore", "site/\n")
        repo.write("evidence/access/sso-2026-01.csv", "user,sso\nada,yes\n")
        repo.write("evidence/access/mfa-2026-01.csv", "user,mfa\nada,yes\n")
        repo.write("risks.yaml", risks)
        repo.write("vendors.yaml", vendors)
        repo.write("evidence/vendors/cloud-soc2-2025.pdf", "%PDF-1.4 report\n")
        repo.write("evidence/vendors/cloud-review-2026-01.md", "# Review\n")
        repo.write("evidence/vendors/cloud-dpa.pdf", "%PDF-1.4 dpa\n")
        repo.write("policies/security.md", securityPolicy)
        repo.write(
            "policies/draft.md",
            "---\nid: POL-2\ntitle: Draft policy\nowner: it@example.com\nversion: \"0.1\"\nreview: annual\n---\nText.\n"
        )
        repo.commit("January evidence", date: "2026-01-10")
        repo.write("evidence/access/sso-2026-02.csv", "user,sso\nada,yes\n")
        repo.write("policies/security.md", securityPolicy + "Edited after approval.\n")
        repo.commit("February evidence", date: "2026-02-27")
        repo.write("evidence/access/sso-2026-03.csv", "user,sso\nada,yes\nbob,yes\n")
        repo.write("evidence/misc/odd <b>\"name\"</b>.txt", "unused\n")
        repo.commit("March evidence", date: "2026-03-31")
        repo.write("evidence/untracked.csv", "not committed\n")
        return repo
    }
}
