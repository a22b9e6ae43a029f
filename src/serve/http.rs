//! Just enough HTTP/1.1 for a local preview server: GET and HEAD, one
//! request per connection, and request paths mapped onto the site-relative
//! paths of the built files (never onto the disk).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// The parts of a request the server uses.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The request target as sent, e.g. `/exercises/x.html?q=1`.
    pub target: String,
}

/// Reads the request line and headers (the body, if any, is ignored).
/// `None` for a closed connection or a malformed request.
pub fn read_request(stream: &TcpStream) -> Option<Request> {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let mut reader = BufReader::new(stream.take(16 * 1024));
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    if !version.starts_with("HTTP/1.") {
        return None;
    }
    // Skip the headers up to the blank line.
    loop {
        let mut header = String::new();
        let n = reader.read_line(&mut header).ok()?;
        if n == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    Some(Request {
        method: method.to_string(),
        target: target.to_string(),
    })
}

/// What a request path asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Wanted {
    /// A site-relative file path, e.g. `exercises/index.html`.
    File(String),
    /// Nothing that can exist: traversal, bad encoding, not a path.
    Invalid,
}

/// Maps a request target onto a site-relative path. `/` and `/dir/` ask for
/// `index.html`; `..`, `.`, backslashes and NUL (also percent-encoded) make
/// the request invalid, so it can only ever name a built file.
pub fn wanted(target: &str) -> Wanted {
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
pub fn content_type(path: &str) -> &'static str {
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

/// Writes a whole response and closes the exchange (`Connection: close`).
pub fn respond(
    stream: &mut TcpStream,
    head_only: bool,
    status: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {status}\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
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
