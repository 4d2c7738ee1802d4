extension RegisterResults {
    /// Every evidence file the registers count (vendor reports, reviews, DPAs, policy acknowledgements), and
    /// the files dated after the as-of day that they match: what a bundle ships beside the controls' evidence.
    public var evidenceFiles: [EvidenceFile] {
        var files: [EvidenceFile] = []
        for v in vendors?.vendors ?? [] {
            files += v.reports.flatMap(\.files)
            for q in [v.review, v.dpa].compactMap({ $0 }) { files += q.files + q.later }
        }
        for p in policies {
            if let q = p.acknowledgement { files += q.files + q.later }
        }
        return files
    }

    /// The workspace files that hold the registers: `risks.yaml`, `vendors.yaml` and each valid policy.
    public var documentPaths: [String] {
        var paths: [String] = []
        if risks != nil { paths.append(RiskRegister.file) }
        if vendors != nil { paths.append(VendorRegister.file) }
        paths += policies.map(\.policy.path)
        return paths
    }
}
