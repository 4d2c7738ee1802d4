import DossierCore

/// `risk-register.csv` and `vendor-register.csv`: the registers as judged, one row per risk or vendor, for the
/// auditor's spreadsheet (the exact values are in `readiness.json`).
enum RegisterTables {
    static let riskHeader = [
        "risk", "title", "owner", "likelihood", "impact", "inherent", "treatment", "controls", "residual_likelihood",
        "residual_impact", "residual", "appetite", "exposed_by", "over_appetite", "accepted_by", "accepted_on",
        "accepted_until", "acceptance",
    ]

    static func risks(_ result: RiskRegisterResult) -> [UInt8] {
        var table = CSVTable(header: riskHeader)
        for r in result.risks {
            let risk = r.risk
            table.append([
                risk.id, risk.title, risk.owner, String(risk.inherent.likelihood), String(risk.inherent.impact),
                String(risk.inherent.value), risk.treatment.rawValue, risk.controls.joined(separator: " "),
                String(risk.effective.likelihood), String(risk.effective.impact), String(risk.effective.value),
                String(result.register.appetite), r.exposedBy.joined(separator: " "), r.overAppetite ? "yes" : "no",
                risk.acceptance?.by ?? "", risk.acceptance?.on.description ?? "",
                risk.acceptance?.until.description ?? "", r.acceptance?.rawValue ?? "",
            ])
        }
        return table.bytes
    }

    static let vendorHeader = [
        "vendor", "name", "service", "owner", "criticality", "data", "subprocessor", "assurance", "reports",
        "review", "review_state", "review_newest", "dpa", "dpa_state", "evidence",
    ]

    /// `reports` holds one `kind period_end` per line; `evidence` the paths (relative to `data/`) of the files
    /// the bundle ships for the vendor, one per line.
    static func vendors(_ result: VendorRegisterResult) -> [UInt8] {
        var table = CSVTable(header: vendorHeader)
        for v in result.vendors {
            let vendor = v.vendor
            var seen = Set<[UInt8]>()
            let files =
                (v.reports.flatMap(\.files) + [v.review, v.dpa].compactMap { $0 }.flatMap { $0.files + $0.later })
                .filter { seen.insert($0.path).inserted }
                .sorted { $0.path.lexicographicallyPrecedes($1.path) }
            table.append([
                vendor.id, vendor.name, vendor.service ?? "", vendor.owner, vendor.criticality.rawValue,
                vendor.data.map(\.rawValue).joined(separator: " "), vendor.subprocessor ? "yes" : "no",
                v.assurance.rawValue,
                v.reports.map { "\($0.report.kind.rawValue) \($0.report.periodEnd?.description ?? "-")" }
                    .joined(separator: "\n"),
                vendor.review.map { "\($0.frequency.rawValue) \($0.path)" } ?? "",
                v.review?.state.rawValue ?? "", v.review?.newest?.description ?? "", vendor.dpa ?? "",
                v.dpa?.state.rawValue ?? "",
                files.map { BagPath.normalized($0.displayPath) }.joined(separator: "\n"),
            ])
        }
        return table.bytes
    }
}
