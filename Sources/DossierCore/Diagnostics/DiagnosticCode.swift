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
    case controlMapCollectCommand = "control-map.collect-command"
    case controlMapCollectPlaceholder = "control-map.collect-placeholder"
    case controlMapCollectOutsideGlob = "control-map.collect-outside-glob"
    case controlMapCollectTimeout = "control-map.collect-timeout"
    case controlMapCollectVariable = "control-map.collect-variable"
    case controlMapCollectFixedOutput = "control-map.collect-fixed-output"

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
    case collectedDigestMismatch = "collected.digest-mismatch"

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

    // MARK: Registers (risks.yaml, vendors.yaml, policies/)
    case registerUnreadable = "register.unreadable"
    case registerEmpty = "register.empty"
    case registerUnsupportedFormat = "register.unsupported-format"
    case registerInvalidID = "register.invalid-id"
    case registerDuplicateID = "register.duplicate-id"
    case registerInvalidPath = "register.invalid-path"
    case registerUnknownControl = "register.unknown-control"
    case registerUnknownCriterion = "register.unknown-criterion"
    case registerPlaceholderOwner = "register.placeholder-owner"
    case riskMitigateWithoutControls = "risk.mitigate-without-controls"
    case riskAcceptWithoutAcceptance = "risk.accept-without-acceptance"
    case riskAcceptanceReversed = "risk.acceptance-reversed"
    case vendorMissingDPA = "vendor.missing-dpa"
    case vendorMissingPeriodEnd = "vendor.missing-period-end"
    case policyNoFrontMatter = "policy.no-front-matter"
    case policySymlink = "policy.symlink"
    case policyTooMany = "policy.too-many"
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
    case bundleSecretUnacknowledged = "bundle.secret-unacknowledged"
    case bundleSecretChanged = "bundle.secret-changed"
    case secretFound = "secret.found"
    case secretMoreFound = "secret.more-found"
    case secretAcknowledgementInvalid = "secret.ack-invalid"
    case secretAcknowledgementUnused = "secret.ack-unused"

    /// Whether a printer may quote the source line: never for a line that may hold a secret.
    public var quotesSource: Bool {
        switch self {
        case .secretFound, .secretMoreFound, .bundleSecretUnacknowledged, .bundleSecretChanged: false
        default: true
        }
    }

    // MARK: Collectors (`dossier collect`)
    case collectFailed = "collect.failed"
    case collectTimedOut = "collect.timed-out"
    case collectTooMuchOutput = "collect.too-much-output"
    case collectEmptyOutput = "collect.empty-output"
    case collectFailingTests = "collect.failing-tests"
    case collectSecret = "collect.secret"
    case collectExists = "collect.exists"
    case collectUnwritable = "collect.unwritable"
    case collectProvenance = "collect.provenance"
    case collectUnknownSelection = "collect.unknown-selection"
    case collectStagedChanges = "collect.staged-changes"
    case collectCommitFailed = "collect.commit-failed"

    /// The pipeline step that reports this kind: `load`, `evidence`, `narratives`, `registers`, `requests`, `site`,
    /// `bundle`, `secrets`, `collect`.
    public var step: String {
        switch rawValue.prefix(while: { $0 != "." }) {
        case "yaml", "schema", "control-map", "evidence-test": "load"
        case "git", "evidence", "collected": "evidence"
        case "narrative": "narratives"
        case "register", "risk", "vendor", "policy": "registers"
        case "template", "site": "site"
        case "secret": "secrets"
        case "collect": "collect"
        case "requests": "requests"
        default: "bundle"
        }
    }
}
