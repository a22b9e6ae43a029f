//! Settings that are legal but leave something out of the built site.

use crate::config::{Config, FILE};
use crate::diag::Diagnostic;

/// Warnings about the settings, said when the site is built (with content
/// errors nothing is built, so they would say nothing useful yet).
pub(crate) fn warnings(config: &Config) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if !config.has_absolute_base_url() {
        out.push(
            Diagnostic::warning(FILE, "printed sheets have no QR code, because `base_url` is not an absolute web address")
                .field("base_url")
                .kind("no_qr_code")
                .help("set `base_url = \"https://your-clinic.example/handbook/\"` in handout.toml to print a QR code to each page"),
        );
    }
    out
}
