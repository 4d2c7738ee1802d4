/// Reads the registers of a workspace: `risks.yaml`, `vendors.yaml` and `policies/`, each optional.
struct RegisterLoader {
    let workspace: Workspace
    let map: ControlMap

    func load(into log: DiagnosticLog) -> RegisterSources {
        var sources = RegisterSources()
        let controlIDs = Set(map.controls.map(\.id))
        func yaml(_ file: String) -> RegisterYAML {
            RegisterYAML(file: file, controlIDs: controlIDs, invalidControlIDs: map.invalidControlIDs)
        }
        if let bytes = read(RiskRegister.file, log) {
            sources.risks = RiskRegisterLoader(yaml: yaml(RiskRegister.file)).load(bytes, into: log)
        }
        if let bytes = read(VendorRegister.file, log) {
            sources.vendors = VendorRegisterLoader(yaml: yaml(VendorRegister.file)).load(bytes, into: log)
        }
        sources.policies = PolicyLoader(workspace: workspace, controlIDs: controlIDs).load(into: log)
        log.report(RegisterPlaceholders.diagnostics(sources))
        return sources
    }

    /// The file's bytes; nil when it is absent (a register is optional) or unreadable (reported).
    private func read(_ file: String, _ log: DiagnosticLog) -> [UInt8]? {
        do {
            return try workspace.read(file, limit: Workspace.maxControlMapBytes)
        } catch {
            log.report(
                Diagnostic(
                    .error, .registerUnreadable, "\(file) \(error)", file: file,
                    hint: "make \(file) a regular file in the workspace, or remove it"))
            return nil
        }
    }
}
