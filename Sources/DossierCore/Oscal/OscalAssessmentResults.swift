/// The subset of the OSCAL 1.1 assessment-results model Dossier writes (NIST's JSON schema names, hyphenated).
///
/// Optional fields and empty lists are left out, never written as `null` or `[]`: the schema refuses both.
public struct OscalDocument: Encodable, Sendable {
    public var assessmentResults: OscalAssessmentResults
    enum CodingKeys: String, CodingKey { case assessmentResults = "assessment-results" }
}

public struct OscalAssessmentResults: Encodable, Sendable {
    public var uuid: String
    public var metadata: Metadata
    public var importAP: ImportAP
    public var results: [Result]
    public var backMatter: BackMatter?

    enum CodingKeys: String, CodingKey {
        case uuid, metadata, results
        case importAP = "import-ap"
        case backMatter = "back-matter"
    }

    public struct Metadata: Encodable, Sendable {
        public var title: String
        public var lastModified: String
        public var version: String
        public var oscalVersion: String
        public var props: [Property]?
        public var parties: [Party]?
        public var remarks: String?
        enum CodingKeys: String, CodingKey {
            case title, version, props, parties, remarks
            case lastModified = "last-modified"
            case oscalVersion = "oscal-version"
        }
    }

    public struct Party: Encodable, Sendable {
        public var uuid: String
        public var type: String
        public var name: String
    }

    public struct ImportAP: Encodable, Sendable {
        public var href: String
        public var remarks: String?
    }

    public struct Property: Encodable, Sendable {
        public var name: String
        public var value: String
        public var ns: String?
        public var `class`: String?
    }

    public struct Result: Encodable, Sendable {
        public var uuid: String
        public var title: String
        public var description: String
        public var start: String
        public var end: String?
        public var props: [Property]?
        public var reviewedControls: ReviewedControls
        public var observations: [Observation]?
        public var findings: [Finding]?
        public var remarks: String?
        enum CodingKeys: String, CodingKey {
            case uuid, title, description, start, end, props, observations, findings, remarks
            case reviewedControls = "reviewed-controls"
        }
    }

    public struct ReviewedControls: Encodable, Sendable {
        public var description: String?
        public var controlSelections: [ControlSelection]
        enum CodingKeys: String, CodingKey {
            case description
            case controlSelections = "control-selections"
        }
    }

    public struct ControlSelection: Encodable, Sendable {
        public var description: String?
        public var includeControls: [SelectControl]?
        enum CodingKeys: String, CodingKey {
            case description
            case includeControls = "include-controls"
        }
    }

    public struct SelectControl: Encodable, Sendable {
        public var controlID: String
        enum CodingKeys: String, CodingKey { case controlID = "control-id" }
    }

    public struct Observation: Encodable, Sendable {
        public var uuid: String
        public var title: String?
        public var description: String
        public var props: [Property]?
        public var methods: [String]
        public var relevantEvidence: [RelevantEvidence]?
        public var collected: String
        public var remarks: String?
        enum CodingKeys: String, CodingKey {
            case uuid, title, description, props, methods, collected, remarks
            case relevantEvidence = "relevant-evidence"
        }
    }

    public struct RelevantEvidence: Encodable, Sendable {
        public var href: String?
        public var description: String
        public var props: [Property]?
    }

    public struct Finding: Encodable, Sendable {
        public var uuid: String
        public var title: String
        public var description: String
        public var props: [Property]?
        public var target: Target
        public var relatedObservations: [RelatedObservation]?
        enum CodingKeys: String, CodingKey {
            case uuid, title, description, props, target
            case relatedObservations = "related-observations"
        }
    }

    public struct Target: Encodable, Sendable {
        public var type: String
        public var targetID: String
        public var title: String?
        public var status: Status
        enum CodingKeys: String, CodingKey {
            case type, title, status
            case targetID = "target-id"
        }
    }

    public struct Status: Encodable, Sendable {
        public var state: String
        public var reason: String?
        public var remarks: String?
    }

    public struct RelatedObservation: Encodable, Sendable {
        public var observationUUID: String
        enum CodingKeys: String, CodingKey { case observationUUID = "observation-uuid" }
    }

    public struct BackMatter: Encodable, Sendable {
        public var resources: [Resource]?
    }

    public struct Resource: Encodable, Sendable {
        public var uuid: String
        public var title: String?
        public var description: String?
        public var props: [Property]?
        public var rlinks: [ResourceLink]?
    }

    public struct ResourceLink: Encodable, Sendable {
        public var href: String
        public var mediaType: String?
        public var hashes: [Hash]?
        enum CodingKeys: String, CodingKey {
            case href, hashes
            case mediaType = "media-type"
        }
    }

    public struct Hash: Encodable, Sendable {
        public var algorithm: String
        public var value: String
    }
}
