import DossierArchive

extension BundleFormat {
    /// The names `--format` accepts: `zip`, `tar.gz`, and `tgz`, the short form other tools use for tar.gz.
    public static let names = ["zip", "tar.gz", "tgz"]

    /// The format named on the command line (case-insensitive), or nil.
    public init?(name: String) {
        switch name.lowercased() {
        case "zip": self = .zip
        case "tar.gz", "tgz": self = .tarGzip
        default: return nil
        }
    }
}
