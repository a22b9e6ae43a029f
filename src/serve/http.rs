//! Request paths mapped onto the site-relative paths of the built files
//! (never onto the disk), and the content type of each file.

/// What a request path asks for.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Wanted {
    /// A site-relative file path, e.g. `exercises/index.html`.
    File(String),
    /// Nothing that can exist: traversal, bad encoding, not a path.
    Invalid,
}

/// Maps a request target onto a site-relative path. `/` and `/dir/` ask for
/// `index.html`; `..`, `.`, backslashes and NUL (also percent-encoded) make
/// the request invalid, so it can only ever name a built file.
pub(crate) fn wanted(target: &str) -> Wanted {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let Some(rest) = path.strip_prefix('/') else {
        return Wanted::Invalid;
    };
    let Some(decoded) = percent_decode(rest) else {
        return Wanted::Invalid;
    };
    if decoded.contains(['\\', '\0']) {
        return Wanted::Invalid;
    }
    let mut segments = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" => {}
            "." | ".." => return Wanted::Invalid,
            s => segments.push(s),
        }
    }
    let mut file = segments.join("/");
    if decoded.is_empty() || decoded.ends_with('/') {
        if !file.is_empty() {
            file.push('/');
        }
        file.push_str("index.html");
    }
    Wanted::File(file)
}

/// Decodes `%XX` escapes; `None` for a bad escape or text that is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `Content-Type` for a file name.
pub(crate) fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_paths_onto_built_files() {
        let f = |s: &str| Wanted::File(s.to_string());
        assert_eq!(wanted("/"), f("index.html"));
        assert_eq!(wanted("/?q=neck"), f("index.html"));
        assert_eq!(wanted("/exercises/"), f("exercises/index.html"));
        assert_eq!(
            wanted("/exercises/wall-angels.html#steps"),
            f("exercises/wall-angels.html")
        );
        assert_eq!(wanted("/search%20me.html"), f("search me.html"));
        assert_eq!(wanted("/exercises//x.html"), f("exercises/x.html"));
    }

    #[test]
    fn traversal_and_bad_encoding_are_invalid() {
        for bad in [
            "/../handout.toml",
            "/exercises/../../handout.toml",
            "/%2e%2e/handout.toml",
            "/%2E%2E%2Fhandout.toml",
            "/exercises/..%2f..%2fhandout.toml",
            "/..%5chandout.toml",
            "/a%00.html",
            "/%zz",
            "/%ff",
            "/./index.html",
            "http://evil/",
            "*",
        ] {
            assert_eq!(wanted(bad), Wanted::Invalid, "{bad}");
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("a/b.HTML"), "text/html; charset=utf-8");
        assert_eq!(
            content_type("search-index.js"),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(content_type("sitemap.xml"), "application/xml");
        assert_eq!(content_type("images/x.svg"), "image/svg+xml");
        assert_eq!(content_type("noext"), "application/octet-stream");
    }
}
