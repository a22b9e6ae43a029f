//! QR codes (SVG, made at build time) that lead from a printed sheet back to
//! its page online, or to an exercise's video.

use crate::config::Config;
use qrcode::{Color, EcLevel};
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
        let code = encode(data.as_bytes()).map(|(width, colors)| (width, pack(&colors)));
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

/// The modules of the QR code of `data` at error correction level M, and
/// its width: the same code as `QrCode::with_error_correction_level`, with
/// the eight masks scored on a plain grid of colours (the slow part there).
fn encode(data: &[u8]) -> Option<(usize, Vec<Color>)> {
    use qrcode::canvas::{Canvas, MaskPattern};
    const MASKS: [MaskPattern; 8] = [
        MaskPattern::Checkerboard,
        MaskPattern::HorizontalLines,
        MaskPattern::VerticalLines,
        MaskPattern::DiagonalLines,
        MaskPattern::LargeCheckerboard,
        MaskPattern::Fields,
        MaskPattern::Diamonds,
        MaskPattern::Meadow,
    ];
    let level = EcLevel::M;
    let bits = qrcode::bits::encode_auto(data, level).ok()?;
    let version = bits.version();
    let (data, ec) = qrcode::ec::construct_codewords(&bits.into_bytes(), version, level).ok()?;
    let mut canvas = Canvas::new(version, level);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    let width = usize::try_from(version.width()).ok()?;
    // The first mask with the lowest penalty, as the crate picks it.
    let mut best: Option<(u16, Vec<Color>)> = None;
    for mask in MASKS {
        let mut c = canvas.clone();
        c.apply_mask(mask);
        let colors = c.into_colors();
        let score = penalty(&colors, width);
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            best = Some((score, colors));
        }
    }
    best.map(|(_, colors)| (width, colors))
}

/// The penalty score of a masked code (rows of `width` modules), computed
/// as the qrcode crate does for normal QR codes (in 16-bit arithmetic that
/// wraps).
fn penalty(colors: &[Color], width: usize) -> u16 {
    const PATTERN: [bool; 7] = [true, false, true, true, true, false, true];
    let rows: Vec<bool> = colors.iter().map(|c| *c == Color::Dark).collect();
    let mut columns = vec![false; rows.len()];
    for (y, row) in rows.chunks(width).enumerate() {
        for (x, &d) in row.iter().enumerate() {
            columns[x * width + y] = d;
        }
    }
    let mut score: i64 = 0;
    for lines in [&rows, &columns] {
        let mut finder: i64 = 0;
        for line in lines.chunks(width) {
            // Runs of five or more modules of one colour.
            let mut run = 1;
            for j in 1..=width {
                if j < width && line[j] == line[j - 1] {
                    run += 1;
                } else {
                    if run >= 5 {
                        score += run - 2;
                    }
                    run = 1;
                }
            }
            // Finder-like patterns without a dark module within four on one side.
            for j in 0..width - 6 {
                if line[j..j + 7] != PATTERN {
                    continue;
                }
                let before = line[j.saturating_sub(4)..j].contains(&true);
                let after = line[j + 7..(j + 11).min(width)].contains(&true);
                if !before || !after {
                    finder += 40;
                }
            }
        }
        score += finder - 360;
    }
    // 2×2 blocks of one colour.
    for pair in rows.windows(2 * width).step_by(width) {
        let (top, bottom) = pair.split_at(width);
        for x in 0..width - 1 {
            let c = top[x];
            if top[x + 1] == c && bottom[x] == c && bottom[x + 1] == c {
                score += 3;
            }
        }
    }
    // Balance of dark and light.
    let ratio = rows.iter().filter(|d| **d).count() * 200 / rows.len();
    score += ratio.abs_diff(100) as i64;
    score.rem_euclid(1 << 16) as u16
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

    #[test]
    fn the_same_codes_as_the_qrcode_crate() {
        use qrcode::{EcLevel, QrCode};
        let mut texts: Vec<String> = (0..300)
            .map(|i| {
                format!(
                    "https://clinic.example/{}exercises/ex-{i}-{}.html",
                    "handbook/".repeat(i % 7),
                    "x".repeat(i % 40)
                )
            })
            .collect();
        texts.push("https://www.youtube.com/watch?v=dQw4w9WgXcQ".into());
        texts.push("HELLO 123".into());
        texts.push("é ü – “quoted” text".into());
        for t in &texts {
            let code = QrCode::with_error_correction_level(t.as_bytes(), EcLevel::M).unwrap();
            let (width, colors) = super::encode(t.as_bytes()).unwrap();
            assert_eq!(width, code.width(), "{t}");
            assert!(colors == code.to_colors(), "{t}");
        }
    }
}
