/// The register parsers on bytes alone, for callers outside the engine that have no workspace (the fuzz
/// targets): each reports into `log` exactly as a run would.
package enum RegisterParsers {
    package static func risks(_ bytes: [UInt8], controlIDs: Set<String>, into log: DiagnosticLog) -> RiskRegister {
        let yaml = RegisterYAML(file: RiskRegister.file, controlIDs: controlIDs, invalidControlIDs: [])
        return RiskRegisterLoader(yaml: yaml).load(bytes, into: log)
    }

    package static func vendors(_ bytes: [UInt8], into log: DiagnosticLog) -> VendorRegister {
        let yaml = RegisterYAML(file: VendorRegister.file, controlIDs: [], invalidControlIDs: [])
        return VendorRegisterLoader(yaml: yaml).load(bytes, into: log)
    }

    package static func policy(_ path: String, _ bytes: [UInt8], controlIDs: Set<String>, into log: DiagnosticLog)
        -> Policy?
    {
        PolicyLoader(workspace: Workspace(path: "/"), controlIDs: controlIDs).parse(path, bytes: bytes, log)
    }
}
