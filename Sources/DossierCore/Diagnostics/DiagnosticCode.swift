/// The stable identifier of a kind of diagnostic: what `check --json` carries as `code`, what the text output
/// shows in brackets, and what tests and scripts match on instead of the wording, which may improve.
///
/// Codes are `area.kind`, lowercase with hyphens. A code is never reused for another meaning; retired codes
/// stay listed in docs/diagnostics.md. The area names the pipeline step that finds the problem (`step`).
public enum DiagnosticCode: String, Sendable, Codable, CaseIterable, Hashable {
    // MARK: YAML files (the control map, front matter, evidence/collected.yaml)
    case yamlSyntax = "yaml.syntax"
    case yamlTooLarge = "yaml.too-large"
    case yamlTooDeep = "yaml.too-deep"
    case yamlTooManyNodes = "yaml.too-many-nodes"
    case yamlMultipleDocuments = "yaml.multiple-documents"
    case yamlDuplicateKey = "yaml.duplicate-key"
    case yamlNonScalarKey = "yaml.non-scalar-key"
    case yamlUndefinedAlias = "yaml.undefined-alias"
    case yamlRecursiveAlias = "yaml.recursive-alias"
    case schemaNotAMapping = "schema.not-a-mapping"
    case schemaUnknownKey = "schema.unknown-key"
    case schemaMissingKey = "schema.missing-key"
    case schemaEmptyValue = "schema.empty-value"
    case schemaWrongType = "schema.wrong-type"
    case schemaNotANumber = "schema.not-a-number"
    case schemaNotADate = "schema.not-a-date"
    case schemaNotAllowed = "schema.not-allowed"

    // MARK: The control map
    case controlMapMissing = "control-map.missing"
    case controlMapUnreadable = "control-map.unreadable"
    case controlMapEmpty = "control-map.empty"
    case controlMapUnsupportedFormat = "control-map.unsupported-format"
    case controlMapUnknownFramework = "control-map.unknown-framework"
    case controlMapUnknownScope = "control-map.unknown-scope"
    case controlMapPeriodReversed = "control-map.period-reversed"
    case controlMapDuplicateExclusion = "control-map.duplicate-exclusion"
    case controlMapExcludedCriterionMapped = "control-map.excluded-criterion-mapped"
    case controlMapDuplicateControl = "control-map.duplicate-control"
    case controlMapInvalidControlID = "control-map.invalid-control-id"
    case controlMapMissingJustification = "control-map.missing-justification"
    case controlMapNoEvidence = "control-map.no-evidence"
    case controlMapEmptyCriteria = "control-map.empty-criteria"
    case controlMapDuplicateCriterion = "control-map.duplicate-criterion"
    case controlMapUnknownCriterion = "control-map.unknown-criterion"
    case controlMapInvalidPath = "control-map.invalid-path"
    case controlMapMissingNarrative = "control-map.missing-narrative"
    case controlMapMalformedGlob = "control-map.malformed-glob"
    case controlMapPlaceholderOwner = "control-map.placeholder-owner"

    // MARK: Evidence tests in the control map
    case evidenceTestMalformed = "evidence-test.malformed"
    case evidenceTestUnknownKind = "evidence-test.unknown-kind"
    case evidenceTestBadOptions = "evidence-test.bad-options"
    case evidenceTestBadPointer = "evidence-test.bad-pointer"
    case evidenceTestBadRegex = "evidence-test.bad-regex"
    case evidenceTestBadGlob = "evidence-test.bad-glob"

    // MARK: git and the evidence folder
    case gitMissing = "git.missing"
    case gitRefused = "git.refused"
    case gitNotAWorkTree = "git.not-a-work-tree"
    case gitShallow = "git.shallow"
    case gitFailed = "git.failed"
    case evidenceUnusable = "evidence.unusable"
    case evidenceDatedAfterAsOf = "evidence.dated-after-as-of"
    case evidenceNameDateAfterCommit = "evidence.name-date-after-commit"
    case evidenceNameDateTooOld = "evidence.name-date-too-old"
    case evidenceBackdatedCommit = "evidence.backdated-commit"
    case collectedUnreadable = "collected.unreadable"
    case collectedNotEvidence = "collected.not-evidence"
    case collectedAfterCommit = "collected.after-commit"

    // MARK: Narratives
    case narrativeSymlink = "narrative.symlink"
    case narrativeTooMany = "narrative.too-many"
    case narrativeUnreadable = "narrative.unreadable"
    case narrativeMarkdown = "narrative.markdown"
    case narrativeBrokenLink = "narrative.broken-link"
    case narrativeMissingEvidence = "narrative.missing-evidence"
    case narrativeUnpublishedLink = "narrative.unpublished-link"
    case narrativeMissingAnchor = "narrative.missing-anchor"
    case narrativeRemoteImage = "narrative.remote-image"
    case narrativeInlineImage = "narrative.inline-image"
    case narrativeTODO = "narrative.todo"
    case narrativePlaceholderOwner = "narrative.placeholder-owner"
    case narrativeEmptyField = "narrative.empty-field"
    case narrativeUnknownControl = "narrative.unknown-control"
    case narrativeUnknownCriterion = "narrative.unknown-criterion"

    // MARK: The auditor's request list (requests.yaml, `dossier requests import`)
    case requestsUnreadable = "requests.unreadable"
    case requestsUnsupportedFormat = "requests.unsupported-format"
    case requestsDuplicateID = "requests.duplicate-id"
    case requestsUnknownControl = "requests.unknown-control"
    case requestsUnknownCriterion = "requests.unknown-criterion"
    case requestsInvalidPath = "requests.invalid-path"
    case requestsCSVEncoding = "requests.csv-encoding"
    case requestsCSVMalformed = "requests.csv-malformed"
    case requestsCSVNoIDColumn = "requests.csv-no-id-column"
    case requestsCSVDuplicateColumn = "requests.csv-duplicate-column"
    case requestsCSVRagged = "requests.csv-ragged"
    case requestsCSVMissingID = "requests.csv-missing-id"
    case requestsCSVBadDate = "requests.csv-bad-date"

    // MARK: Templates and the site
    case templateSyntax = "template.syntax"
    case templateMissing = "template.missing"
    case templateFolderMissing = "template.folder-missing"
    case templateTooLarge = "template.too-large"
    case templateUnreadable = "template.unreadable"
    case templateNotUTF8 = "template.not-utf8"
    case templateSymlink = "template.symlink"
    case siteEvidenceNotCopied = "site.evidence-not-copied"

    // MARK: Bundles
    case bundleNoCommits = "bundle.no-commits"
    case bundleDirty = "bundle.dirty"
    case bundleShippedDirty = "bundle.shipped-dirty"
    case bundleLeftOut = "bundle.left-out"
    case bundleGitFailed = "bundle.git-failed"
    case bundleNotRegular = "bundle.not-regular"
    case bundleUnreadable = "bundle.unreadable"
    case bundleNameClash = "bundle.name-clash"
    case bundleUnshippableName = "bundle.unshippable-name"
    case bundleReservedName = "bundle.reserved-name"
    case secretFound = "secret.found"
    case secretMoreFound = "secret.more-found"

    /// The pipeline step that reports this kind: `load`, `evidence`, `narratives`, `requests`, `site`,
    /// `bundle`, `secrets`.
    public var step: String {
        switch rawValue.prefix(while: { $0 != "." }) {
        case "yaml", "schema", "control-map", "evidence-test": "load"
        case "git", "evidence", "collected": "evidence"
        case "narrative": "narratives"
        case "template", "site": "site"
        case "secret": "secrets"
        case "requests": "requests"
        default: "bundle"
        }
    }
}
