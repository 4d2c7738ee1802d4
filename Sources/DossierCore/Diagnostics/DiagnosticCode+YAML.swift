import DossierYAML

extension DiagnosticCode {
    /// The code of a problem the YAML reader found, whichever file it was in.
    public init(_ kind: YAMLProblem.Kind) {
        switch kind {
        case .syntax: self = .yamlSyntax
        case .tooLarge: self = .yamlTooLarge
        case .tooDeep: self = .yamlTooDeep
        case .tooManyNodes: self = .yamlTooManyNodes
        case .multipleDocuments: self = .yamlMultipleDocuments
        case .duplicateKey: self = .yamlDuplicateKey
        case .nonScalarKey: self = .yamlNonScalarKey
        case .undefinedAlias: self = .yamlUndefinedAlias
        case .recursiveAlias: self = .yamlRecursiveAlias
        }
    }
}
