//! Paths as messages show them, and as the site's keys spell them.

use std::path::{Component, Path};

/// A folder for a message: "the current folder" for `.` or an empty path,
/// else the path as given without a leading `./` or a trailing `/`.
pub fn display_dir(p: &Path) -> String {
    match shown(p) {
        s if s.is_empty() || s == "." => "the current folder".into(),
        s => s,
    }
}

/// A path for a message: as given, without a leading `./` or a trailing
/// `/` (`./public/` → `public`, `./handout.toml` → `handout.toml`).
pub fn shown(p: &Path) -> String {
    let rest = p.strip_prefix(".").unwrap_or(p);
    let s = rest.display().to_string();
    match s.trim_end_matches('/') {
        "" if rest.has_root() => "/".into(),
        "" if !p.as_os_str().is_empty() => ".".into(),
        s => s.to_string(),
    }
}

/// A relative path with `/` separators on every system (`images/a.svg`).
pub(crate) fn slash(p: &Path) -> String {
    p.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_folders_plainly() {
        assert_eq!(display_dir(Path::new(".")), "the current folder");
        assert_eq!(display_dir(Path::new("")), "the current folder");
        assert_eq!(display_dir(Path::new("./")), "the current folder");
        assert_eq!(display_dir(Path::new("site")), "site");
        assert_eq!(shown(Path::new("./public/")), "public");
        assert_eq!(shown(Path::new("./handout.toml")), "handout.toml");
        assert_eq!(shown(Path::new("/tmp/x/")), "/tmp/x");
        assert_eq!(shown(Path::new(".")), ".");
        assert_eq!(shown(Path::new("/")), "/");
        assert_eq!(slash(Path::new("a/./b/c.svg")), "a/b/c.svg");
    }
}
