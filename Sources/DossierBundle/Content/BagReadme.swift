import DossierCore
import DossierGit

/// `README.txt` at the bag's root: the first file an auditor opens after unpacking. It says what is inside,
/// how to open the site, and how to check the bag with stock tools, so that nobody needs Dossier to trust it.
/// A tag file: listed in the tag manifests, like `bag-info.txt`.
enum BagReadme {
    static let fileName = "README.txt"

    static func bytes(_ assessment: Assessment, name: BundleName, workingTree: String) -> [UInt8] {
        let map = assessment.controlMap
        let readiness = assessment.readiness
        let subject = [map.organization, map.system].filter { !$0.isEmpty }.joined(separator: ", ")
        let commit = readiness.inventory.git.head.map { "commit \($0)" } ?? "a workspace without a commit"
        let requestsLine =
            assessment.requests == nil
            ? ""
            : "  data/requests.csv        the auditor's request list, with each request's status and the\n"
                + "                           files under data/ that answer it\n"
        let text = """
            \(name.description)

            SOC 2 readiness evidence\(subject.isEmpty ? "" : " of \(subject)"), as of \(readiness.asOf),
            packed by Dossier \(DossierVersion.current) from \(commit).
            Working tree: \(workingTree).

            WHAT IS INSIDE

              data/site/index.html     the readiness site; open it in a browser
              data/controls.yaml       the control map: controls, owners, criteria, evidence required
              data/narratives/         the narratives the controls name (Markdown)
              data/evidence/           every evidence file a control references, at its path in the
                                       organisation's repository
              data/readiness.json      the readiness judgement (as `dossier check --json` prints it)
              data/control-matrix.csv  one row per control and criterion
              data/provenance.csv      one row per evidence file: size, SHA-256, commit, author, date
              data/risks.yaml, data/vendors.yaml, data/policies/
                                       the risk register, vendor inventory and policies, when kept
              data/risk-register.csv, data/vendor-register.csv
                                       one row per risk (scores, treatment, acceptance) and per vendor
                                       (assurance, review, DPA), when the registers are kept
            \(requestsLine)  data/oscal/              the readiness judgement as an OSCAL 1.1 assessment-results
                                       document (assessment-results.json), for GRC tools
              bag-info.txt             who packed the bag, when, from which commit; readiness; and whether
                                       any file differed from the commit (Dossier-Working-Tree)
              manifest-sha256.txt, manifest-sha512.txt
                                       a checksum of every file under data/
              tagmanifest-sha256.txt, tagmanifest-sha512.txt
                                       checksums of the other files at this level

            OPENING THE SITE

              Unpack the archive and open data/site/index.html in a browser. It makes no network requests
              and needs no server. Evidence paths on its pages link to the files under data/.

            CHECKING THE BAG WITH STOCK TOOLS

              This folder is a BagIt 1.0 bag (RFC 8493). From this folder:

                sha256sum -c manifest-sha256.txt      every file under data/ is unchanged
                sha256sum -c tagmanifest-sha256.txt   so are the files at this level
                bagit.py --validate .                 the Library of Congress validator
                                                      (pip install bagit)

              On macOS, use `shasum -a 256 -c` for `sha256sum -c`. Files added under data/ after packing
              are not listed in any manifest: bagit.py reports them. Without unpacking, Dossier checks all of
              this with `dossier verify ARCHIVE`.

              Checksums show that nothing changed since the bag was made, not who made it: compare the
              archive's SHA-256 with the value the organisation sent you by another channel.

            """
        return Array(text.utf8)
    }
}
