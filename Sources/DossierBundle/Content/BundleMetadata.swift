import DossierCore
import DossierGit

/// The fields of a Dossier bundle's `bag-info.txt`: BagIt's reserved ones, then Dossier's own (`Dossier-…`),
/// which `dossier verify` reads back for its summary.
enum BundleMetadata {
    static let commit = "Dossier-Git-Commit"
    static let asOf = "Dossier-As-Of"
    static let workingTree = "Dossier-Working-Tree"
    static let dirtyFile = "Dossier-Dirty-File"
    static let signingKey = "Dossier-Signing-Key"
    /// A secret finding someone acknowledged in `.dossier-secrets`: `path:line:kind (reason)`.
    static let secretAcknowledged = "Dossier-Secret-Acknowledged"
    /// A secret finding nobody acknowledged, shipped because of `--allow-secrets`.
    static let secretAllowed = "Dossier-Secret-Allowed"

    static func bagInfo(
        _ assessment: Assessment, name: BundleName, payloadBytes: Int64, payloadFiles: Int,
        dirty: [(path: String, problem: EvidenceFile.Problem)], shipped: Set<String>, secrets: [SecretFinding] = [],
        signer: SSHKeyFingerprint? = nil
    ) -> BagInfo {
        let map = assessment.controlMap
        let readiness = assessment.readiness
        let git = readiness.inventory.git
        var info = BagInfo()
        info.add("Source-Organization", map.organization)
        info.add("Bagging-Date", CalendarDay(unixTime: name.time).description)
        info.add("External-Identifier", name.description)
        info.add(
            "External-Description",
            "SOC 2 readiness evidence\(map.system.isEmpty ? "" : " for \(map.system)") as of \(readiness.asOf), packed by Dossier"
        )
        info.add("Payload-Oxum", BagInfo.oxum(bytes: payloadBytes, files: payloadFiles))
        info.add("Bag-Software-Agent", "dossier \(DossierVersion.current)")
        info.add("Dossier-Version", DossierVersion.current)
        info.add("Dossier-Generated", BundleName.isoTimestamp(name.time))
        info.add(commit, git.head ?? "")
        info.add("Dossier-Git-Branch", git.branch ?? "(detached HEAD)")
        info.add("Dossier-System", map.system)
        info.add(asOf, readiness.asOf.description)
        info.add(
            "Dossier-Audit-Period", map.period.map { "\($0.start) to \($0.end) (Type II)" } ?? "none (Type I readiness)"
        )
        info.add(
            "Dossier-Scope",
            TrustCategory.allCases.filter { map.scope.contains($0) }.map(\.rawValue).joined(separator: ", "))
        let percent = readiness.percent.map { "\(($0 * 10).rounded() / 10)%" } ?? "n/a"
        info.add(
            "Dossier-Readiness",
            "\(percent) (\(readiness.covered) of \(readiness.applicable) applicable criteria covered)")
        if let signer {
            // The key is known before the archive exists; the signature itself is a file beside it.
            info.add(signingKey, signer.description)
            info.add(
                "Dossier-Signature",
                "in the file beside the archive named like it plus .sig (SSH signature, namespace \(BundleSigning.namespace))"
            )
        }
        if git.isShallow {
            info.add(
                "Dossier-Shallow-Clone", "yes: evidence last changed before the clone's oldest commit has no true date")
        }
        for finding in secrets {
            if let reason = finding.acknowledgement {
                info.add(secretAcknowledged, "\(finding.fingerprint) (\(reason))")
            } else {
                info.add(secretAllowed, "\(finding.fingerprint) (not acknowledged; shipped with --allow-secrets)")
            }
        }
        if dirty.isEmpty {
            info.add(workingTree, "clean")
        } else {
            info.add(
                workingTree,
                "dirty (--allow-dirty): \(dirty.count) file(s) differ from the commit; working copies were shipped as found"
            )
            for (path, problem) in dirty {
                info.add(
                    dirtyFile,
                    "\(path) (\(problem.rawValue)\(shipped.contains(path) ? "" : ", not in the bundle"))")
            }
        }
        return info
    }
}
