//! The settings of `handout.toml` that need more than their type: the
//! `base_url` (a web address with a host, or a path), the clinic logo (a
//! file under static/), and the warnings about settings that are legal but
//! leave something out of the built site.

use crate::config::{Config, FILE};
use crate::diag::Diagnostic;
use crate::source::toml_spans::TomlSpans;
use crate::theme::Theme;

/// Errors in the settings. `from_command_line` says `base_url` came from
/// `--base-url` (it then has no place in handout.toml).
pub(crate) fn errors(config: &Config, theme: &Theme, from_command_line: bool) -> Vec<Diagnostic> {
    let spans = TomlSpans::new(&config.text);
    let at = |d: Diagnostic, path: &[&str]| match spans.value(path) {
        Some(p) => d
            .at(p.line, p.col)
            .width(p.width)
            .with_snippet(&config.text),
        None => d,
    };
    let mut out = Vec::new();
    if let Err(why) = base_url(&config.base_url) {
        let base = &config.base_url;
        let d = Diagnostic::error(FILE, format!("base_url `{base}` {why}"))
            .field("base_url")
            .allowed("a path starting with `/` such as \"/\" or \"/handbook/\", or a web address with a host such as \"https://clinic.example/handbook/\"");
        out.push(if from_command_line {
            Diagnostic {
                file: "--base-url".into(),
                ..d
            }
        } else {
            at(d, &["base_url"])
        });
    }
    if let Some(logo) = config.clinic.logo.as_deref().filter(|l| !l.is_empty()) {
        if let Err(why) = static_path(logo, theme) {
            out.push(at(
                Diagnostic::error(FILE, format!("logo `{logo}` {why}"))
                    .field("clinic.logo")
                    .allowed(
                        "a path under static/, e.g. `images/logo.svg` for static/images/logo.svg",
                    ),
                &["clinic", "logo"],
            ));
        }
    }
    out
}

/// Why `path` (of a setting or field) does not name a file under static/.
pub(crate) fn static_path(path: &str, theme: &Theme) -> Result<(), &'static str> {
    if path.contains("://") || path.starts_with("//") {
        return Err("is a web address, not a file under static/");
    }
    let clean = path.trim_start_matches('/');
    if clean.split(['/', '\\']).any(|p| p == "..") {
        return Err("climbs out of static/ with `..`");
    }
    if !theme.has_static(clean) {
        return Err("was not found under static/");
    }
    Ok(())
}

/// Why `base` is not a usable `base_url`.
pub(crate) fn base_url(base: &str) -> Result<(), &'static str> {
    if base.starts_with("//") {
        return Err("starts with `//`, which browsers read as another site");
    }
    if base.starts_with('/') {
        return plain_path(base);
    }
    absolute_url(base)
}

/// Why `url` is not an absolute http(s) address with a host; the scheme
/// and host in any letter case (`HTTPS://A.EXAMPLE/` is absolute).
pub(crate) fn absolute_url(url: &str) -> Result<(), &'static str> {
    let Some((scheme, rest)) = url.split_once("://") else {
        return Err("is neither a path starting with `/` nor a web address");
    };
    if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
        return Err("is not an http:// or https:// address");
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    if authority.is_empty() {
        return Err("has no host name after `://`");
    }
    if authority.contains('@') {
        return Err("has a user name in it");
    }
    let bad_host = "has a host name that is not valid";
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((ip, after)) if ip.parse::<std::net::Ipv6Addr>().is_ok() => {
                match after.strip_prefix(':') {
                    Some(p) => ("v6", Some(p)),
                    None if after.is_empty() => ("v6", None),
                    None => return Err(bad_host),
                }
            }
            _ => return Err(bad_host),
        },
        None => match authority.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        },
    };
    if port.is_some_and(|p| p.parse::<u16>().map_or(true, |n| n == 0)) {
        return Err("has a port that is not a number from 1 to 65535");
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    if host.is_empty() || !host.trim_end_matches('.').split('.').all(label_ok) {
        return Err(bad_host);
    }
    if path.is_empty() {
        return Ok(());
    }
    plain_path(path)
}

/// Why the path part of a `base_url` cannot be used.
fn plain_path(path: &str) -> Result<(), &'static str> {
    if path.contains(['?', '#']) {
        return Err("has a `?` or `#` part, which page addresses cannot follow");
    }
    if path.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("has spaces or control characters in it");
    }
    if path.split('/').any(|p| p == "..") {
        return Err("has a `..` part");
    }
    Ok(())
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_with_a_host_or_a_path() {
        for good in [
            "/",
            "/handbook/",
            "https://clinic.example/handbook/",
            "HTTPS://A.EXAMPLE/",
            "http://localhost:8080",
            "https://[::1]:3000/x/",
            "https://physio.example.",
            "https://bücher.example/",
        ] {
            assert_eq!(base_url(good), Ok(()), "{good}");
        }
        for bad in [
            "https://",
            "https:///x",
            "https://:80/",
            "ftp://a.example/",
            "clinic.example",
            "",
            "//cdn.example/",
            "https://a.example:99999/",
            "https://a.example:/",
            "https://user@a.example/",
            "https://a..example/",
            "https://a.example/x?y",
            "/hand book/",
            "https://-a.example/",
            "https://[zz]/",
        ] {
            assert!(base_url(bad).is_err(), "{bad}");
        }
    }
}
