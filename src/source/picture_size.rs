//! The width and height of a picture, read from its file at build time, so
//! that pages can reserve its room before it loads (no layout shift).
//! Raster formats (PNG, JPEG, GIF, WebP, AVIF …) are read by `imagesize`
//! from the first bytes of the file; an SVG gives its size in the
//! `width`/`height` or `viewBox` of its root element.

use std::io::Read;
use std::path::Path;

/// A picture's natural size in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Size {
    pub width: u32,
    pub height: u32,
}

/// True for a path that names an SVG file.
fn is_svg(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("svg"))
}

/// The size of the picture `name` whose bytes are `bytes`.
pub(crate) fn of_bytes(name: &str, bytes: &[u8]) -> Option<Size> {
    if is_svg(name) {
        return svg(&String::from_utf8_lossy(bytes));
    }
    let s = imagesize::blob_size(bytes).ok()?;
    positive(s.width, s.height)
}

/// The size of the picture in the file at `path`, reading only what is needed
/// for raster formats.
pub(crate) fn of_file(path: &Path) -> Option<Size> {
    if is_svg(&path.to_string_lossy()) {
        // The root element's attributes come first; big drawings need no more.
        let mut head = Vec::new();
        std::fs::File::open(path)
            .ok()?
            .take(64 * 1024)
            .read_to_end(&mut head)
            .ok()?;
        return svg(&String::from_utf8_lossy(&head));
    }
    let s = imagesize::size(path).ok()?;
    positive(s.width, s.height)
}

fn positive(width: usize, height: usize) -> Option<Size> {
    let width = u32::try_from(width).ok().filter(|w| *w > 0)?;
    let height = u32::try_from(height).ok().filter(|h| *h > 0)?;
    Some(Size { width, height })
}

/// The size an SVG declares on its root `<svg>` element: `width` and
/// `height` in pixels, else its `viewBox` (scaled to one of them if given).
fn svg(text: &str) -> Option<Size> {
    let start = find_svg_tag(text)?;
    let tag_end = text[start..].find('>').map_or(text.len(), |i| start + i);
    let tag = &text[start..tag_end];
    let width = attr(tag, "width").and_then(pixels);
    let height = attr(tag, "height").and_then(pixels);
    let view_box = attr(tag, "viewBox").and_then(|v| {
        let n: Vec<f64> = v
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|s| !s.is_empty())
            .filter_map(|s| s.parse().ok())
            .collect();
        (n.len() == 4 && n[2] > 0.0 && n[3] > 0.0).then(|| (n[2], n[3]))
    });
    let (w, h) = match (width, height, view_box) {
        (Some(w), Some(h), _) => (w, h),
        (Some(w), None, Some((vw, vh))) => (w, w * vh / vw),
        (None, Some(h), Some((vw, vh))) => (h * vw / vh, h),
        (None, None, Some(vb)) => vb,
        _ => return None,
    };
    positive(w.round() as usize, h.round() as usize)
}

/// Byte offset of the root `<svg` start tag (not `<svg:…>` or a comment).
fn find_svg_tag(text: &str) -> Option<usize> {
    let mut from = 0;
    loop {
        let rest = &text[from..];
        let lt = rest.find('<')? + from;
        let after = &text[lt + 1..];
        if let Some(comment) = after.strip_prefix("!--") {
            from = lt + 4 + comment.find("-->")? + 3;
            continue;
        }
        if let Some(next) = after.strip_prefix("svg") {
            if next.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
                return Some(lt);
            }
        }
        from = lt + 1;
    }
}

/// The value of attribute `name` in a start tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = tag[..at].ends_with(|c: char| c.is_whitespace());
        let rest = tag[from..].trim_start();
        let (true, Some(rest)) = (before_ok, rest.strip_prefix('=')) else {
            continue;
        };
        let rest = rest.trim_start();
        let quote = rest.chars().next()?;
        if quote != '"' && quote != '\'' {
            continue;
        }
        let value = &rest[1..];
        return value.find(quote).map(|end| &value[..end]);
    }
    None
}

/// A length in CSS pixels: `400`, `400px`, `400.5`; not `%`, `em` or `mm`.
fn pixels(v: &str) -> Option<f64> {
    let v = v.trim();
    let n = v.strip_suffix("px").unwrap_or(v).trim();
    n.parse::<f64>().ok().filter(|n| n.is_finite() && *n > 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(w: u32, h: u32) -> Option<Size> {
        Some(Size {
            width: w,
            height: h,
        })
    }

    #[test]
    fn svg_sizes() {
        let cases = [
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300">"#,
                size(400, 300),
            ),
            (
                r#"<?xml version="1.0"?><!-- <svg width="1" height="1"> --><svg viewBox="0 0 640 480">"#,
                size(640, 480),
            ),
            (
                r#"<svg width="320px" viewBox="0 0 640 480">"#,
                size(320, 240),
            ),
            (
                r#"<svg height='120' viewBox='0,0,400,300'>"#,
                size(160, 120),
            ),
            (
                r#"<svg width="100%" height="100%" viewBox="0 0 50 25">"#,
                size(50, 25),
            ),
            (
                r#"<svg data-width="5" width="10" height="20.4">"#,
                size(10, 20),
            ),
            (r#"<svg width="100%">"#, None),
            (r#"<svg viewBox="0 0 0 10">"#, None),
            ("not a picture", None),
            (r#"<svgx width="1" height="1">"#, None),
        ];
        for (text, want) in cases {
            assert_eq!(of_bytes("a.svg", text.as_bytes()), want, "{text}");
        }
    }

    #[test]
    fn raster_sizes() {
        // A PNG's signature and header chunk: 100 × 50.
        let mut png = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
        png.extend_from_slice(b"IHDR");
        png.extend_from_slice(&100u32.to_be_bytes());
        png.extend_from_slice(&50u32.to_be_bytes());
        png.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(of_bytes("a.png", &png), size(100, 50));
        assert_eq!(of_bytes("a.png", b"not a png"), None);
    }
}
