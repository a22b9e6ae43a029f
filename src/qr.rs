//! QR codes (SVG, made at build time) that lead from a printed sheet back to
//! its page online, or to an exercise's video.

use crate::config::Config;
use qrcode::{Color, EcLevel, QrCode};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// An SVG QR code for `data`, or an empty string if it is too long to encode.
/// Codes are remembered: a sheet set prints the same video or page code on
/// several sheets, and encoding is the slow part.
pub fn svg(data: &str) -> String {
    // The modules, one bit each, by data: small enough to keep every code.
    static MADE: OnceLock<Mutex<HashMap<String, Option<Packed>>>> = OnceLock::new();
    let made = MADE.get_or_init(Mutex::default);
    let known = made.lock().ok().and_then(|m| m.get(data).cloned());
    let code = known.unwrap_or_else(|| {
        let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M)
            .ok()
            .map(|c| (c.width(), pack(&c.to_colors())));
        if let Ok(mut m) = made.lock() {
            m.insert(data.to_string(), code.clone());
        }
        code
    });
    match code {
        Some((width, bits)) => render(&unpack(&bits, width * width), width),
        None => String::new(),
    }
}

/// A code's width in modules and its modules, one bit each (1 = dark).
type Packed = (usize, Vec<u64>);

fn pack(colors: &[Color]) -> Vec<u64> {
    let mut bits = vec![0u64; colors.len().div_ceil(64)];
    for (i, c) in colors.iter().enumerate() {
        if *c == Color::Dark {
            bits[i / 64] |= 1 << (i % 64);
        }
    }
    bits
}

fn unpack(bits: &[u64], len: usize) -> Vec<Color> {
    (0..len)
        .map(|i| match bits[i / 64] >> (i % 64) & 1 {
            1 => Color::Dark,
            _ => Color::Light,
        })
        .collect()
}

/// Light margin around the code, in modules (the standard's quiet zone).
const QUIET: usize = 4;
/// The smallest size of the drawing, in pixels.
const MIN_SIZE: usize = 96;

/// The modules as one SVG path, a rectangle per horizontal run of dark
/// modules (a tenth of the size of one square per module).
fn render(modules: &[Color], width: usize) -> String {
    use std::fmt::Write as _;
    let across = width + 2 * QUIET;
    let unit = MIN_SIZE.div_ceil(across).max(1);
    let size = across * unit;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{size}\" height=\"{size}\" \
         viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">\
         <rect x=\"0\" y=\"0\" width=\"{size}\" height=\"{size}\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\""
    );
    for (y, row) in modules.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == Color::Light {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] == Color::Dark {
                x += 1;
            }
            let _ = write!(
                out,
                "M{} {}h{}v{unit}h-{}z",
                (start + QUIET) * unit,
                (y + QUIET) * unit,
                (x - start) * unit,
                (x - start) * unit
            );
        }
    }
    out.push_str("\"/></svg>");
    out
}

/// The QR code for a page's online address, when `base_url` is absolute.
pub fn svg_for(config: &Config, page_url: &str) -> Option<String> {
    config
        .has_absolute_base_url()
        .then(|| svg(&format!("{}{}", config.base_url_slash(), page_url)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn makes_an_svg() {
        let s = super::svg("https://clinic.example/handbook/exercises/wall-angels.html");
        assert!(s.starts_with("<svg"), "{s}");
        assert!(s.contains("</svg>"));
    }

    #[test]
    fn the_path_draws_exactly_the_dark_modules() {
        use qrcode::{Color, EcLevel, QrCode};
        let code =
            QrCode::with_error_correction_level(b"https://clinic.example/x", EcLevel::M).unwrap();
        let (w, colors) = (code.width(), code.to_colors());
        let svg = super::svg("https://clinic.example/x");
        let unit = super::MIN_SIZE.div_ceil(w + 8);
        assert!(
            svg.contains(&format!("width=\"{}\"", (w + 8) * unit)),
            "{svg}"
        );
        let path = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let mut drawn = vec![Color::Light; w * w];
        for run in path.split('M').filter(|r| !r.is_empty()) {
            let nums: Vec<usize> = run
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
                .map(|n| n.parse().unwrap())
                .collect();
            let (x, y, len) = (nums[0] / unit - 4, nums[1] / unit - 4, nums[2] / unit);
            for i in 0..len {
                drawn[y * w + x + i] = Color::Dark;
            }
        }
        assert!(drawn == colors, "every dark module, and only those");
    }
}
