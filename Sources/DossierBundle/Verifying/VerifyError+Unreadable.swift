import DossierArchive

extension VerifyError {
    /// A file libarchive cannot open as an archive. A zip keeps its table of contents at its end, so a bundle
    /// cut short by a failed download or copy is "Unrecognized archive format" to libarchive, which tells the
    /// auditor nothing: say what it most likely is, and keep libarchive's words for the record.
    static func unreadable(_ path: String, _ error: ArchiveError) -> VerifyError {
        VerifyError(
            message:
                "cannot read \(path): it looks truncated or is not a Dossier bundle (a zip or tar.gz written by "
                + "`dossier bundle`); copy it again and compare its SHA-256 with the one you were sent "
                + "(libarchive: \(error.message))")
    }
}
