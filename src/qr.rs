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
        Some((width, bits)) => render(&bits, width),
        None => String::new(),
    }
}

/// The modules of the QR code of `data` at error correction level M, and
/// its width: the same code as `QrCode::with_error_correction_level`, with
/// the eight masks scored here (the slow part in the crate).
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
/// wraps). Codes up to 64 modules wide (every web address a sheet prints)
/// are scored a row of bits at a time.
fn penalty(colors: &[Color], width: usize) -> u16 {
    if width > 64 {
        return penalty_slow(colors, width);
    }
    let mut rows = vec![0u64; width];
    let mut columns = vec![0u64; width];
    for (y, row) in colors.chunks(width).enumerate() {
        for (x, c) in row.iter().enumerate() {
            if *c == Color::Dark {
                rows[y] |= 1 << x;
                columns[x] |= 1 << y;
            }
        }
    }
    let ones = |n: usize| if n >= 64 { u64::MAX } else { (1u64 << n) - 1 };
    let mut score: i64 = 0;
    for lines in [&rows, &columns] {
        let mut finder: i64 = 0;
        for &line in lines.iter() {
            // Runs of five or more modules of one colour score (length - 2):
            // bit j of `same` says modules j and j+1 match; a run of n is
            // n - 1 such bits in a row.
            let same = !(line ^ (line >> 1)) & ones(width - 1);
            let four = same & (same >> 1) & (same >> 2) & (same >> 3);
            let starts = four & !(four << 1);
            score += i64::from(four.count_ones()) + 2 * i64::from(starts.count_ones());
            // Finder-like patterns (dark, light, 3 dark, light, dark) without
            // a dark module within four on one side.
            let mut found = ones(width - 6);
            for (i, dark) in [true, false, true, true, true, false, true]
                .into_iter()
                .enumerate()
            {
                let shifted = line >> i;
                found &= if dark { shifted } else { !shifted };
            }
            while found != 0 {
                let j = found.trailing_zeros() as usize;
                found &= found - 1;
                let from = j.saturating_sub(4);
                let before = (line >> from) & ones(j - from) != 0;
                let end = (j + 11).min(width);
                let after = (line >> (j + 7)) & ones(end - (j + 7)) != 0;
                if !before || !after {
                    finder += 40;
                }
            }
        }
        score += finder - 360;
    }
    // 2×2 blocks of one colour.
    for pair in rows.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let block = !(a ^ b) & !(a ^ (a >> 1)) & !(b ^ (b >> 1)) & ones(width - 1);
        score += 3 * i64::from(block.count_ones());
    }
    // Balance of dark and light.
    let dark: usize = rows.iter().map(|r| r.count_ones() as usize).sum();
    let ratio = dark * 200 / (width * width);
    score += ratio.abs_diff(100) as i64;
    score.rem_euclid(1 << 16) as u16
}

/// `penalty` for codes of any width, a module at a time.
fn penalty_slow(colors: &[Color], width: usize) -> u16 {
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

/// Light margin around the code, in modules (the standard's quiet zone).
const QUIET: usize = 4;
/// The smallest size of the drawing, in pixels.
const MIN_SIZE: usize = 96;

/// The modules (packed, rows of `width`) as one SVG path in module units:
/// a rectangle per horizontal run of dark modules, each run after the first
/// of a row placed relative to the one before.
fn render(bits: &[u64], width: usize) -> String {
    let across = width + 2 * QUIET;
    let size = across * MIN_SIZE.div_ceil(across).max(1);
    let mut out = String::with_capacity(200 + width * width / 2);
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
    number(&mut out, size);
    out.push_str("\" height=\"");
    number(&mut out, size);
    out.push_str("\" viewBox=\"0 0 ");
    number(&mut out, across);
    out.push(' ');
    number(&mut out, across);
    out.push_str("\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
    let dark = |i: usize| bits[i / 64] >> (i % 64) & 1 == 1;
    for y in 0..width {
        let row = y * width;
        // Where the last run of this row started (a closed rectangle puts
        // the pen back there).
        let mut pen: Option<usize> = None;
        let mut x = 0;
        while x < width {
            if !dark(row + x) {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && dark(row + x) {
                x += 1;
            }
            match pen {
                None => {
                    out.push('M');
                    number(&mut out, start + QUIET);
                    out.push(' ');
                    number(&mut out, y + QUIET);
                }
                Some(at) => {
                    out.push('m');
                    number(&mut out, start - at);
                    out.push_str(" 0");
                }
            }
            out.push('h');
            number(&mut out, x - start);
            out.push_str("v1h-");
            number(&mut out, x - start);
            out.push('z');
            pen = Some(start);
        }
    }
    out.push_str("\"/></svg>");
    out
}

/// Appends `n` in decimal.
fn number(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// The QR code for a page's online address, when `base_url` is absolute.
pub fn svg_for(config: &Config, page_url: &str) -> Option<String> {
    config
        .has_absolute_base_url()
        .then(|| svg(&format!("{}{}", config.base_url_slash(), page_url)))
}

#[cfg(test)]
mod tests {
    use qrcode::{Color, EcLevel, QrCode};

    #[test]
    fn makes_an_svg() {
        let s = super::svg("https://clinic.example/handbook/exercises/wall-angels.html");
        assert!(s.starts_with("<svg"), "{s}");
        assert!(s.contains("</svg>"));
    }

    /// The modules an SVG made by `svg` draws dark, rows of `w`: each
    /// rectangle is `M x y` or `m dx 0` (from the last one's start), then
    /// `hN v1 h-N z`.
    fn drawn(svg: &str, w: usize) -> Vec<Color> {
        let path = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let mut drawn = vec![Color::Light; w * w];
        let (mut x, mut y) = (0usize, 0usize);
        for rect in path.split('z').filter(|r| !r.is_empty()) {
            let (at, size) = rect.split_once('h').unwrap();
            let nums: Vec<usize> = at[1..].split(' ').map(|n| n.parse().unwrap()).collect();
            if at.starts_with('M') {
                (x, y) = (nums[0], nums[1]);
            } else {
                assert!(at.starts_with('m') && nums[1] == 0, "{rect}");
                x += nums[0];
            }
            let n: usize = size.split('v').next().unwrap().parse().unwrap();
            assert_eq!(size, format!("{n}v1h-{n}"), "a rectangle one module high");
            for i in 0..n {
                drawn[(y - 4) * w + x - 4 + i] = Color::Dark;
            }
        }
        drawn
    }

    #[test]
    fn the_path_draws_exactly_the_dark_modules() {
        for text in ["https://clinic.example/x", "HELLO", &"long/".repeat(40)] {
            let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).unwrap();
            let (w, colors) = (code.width(), code.to_colors());
            let svg = super::svg(text);
            assert!(
                svg.contains(&format!("viewBox=\"0 0 {} {}\"", w + 8, w + 8)),
                "{svg}"
            );
            let unit = super::MIN_SIZE.div_ceil(w + 8);
            assert!(
                svg.contains(&format!("width=\"{}\"", (w + 8) * unit)),
                "{svg}"
            );
            assert!(
                drawn(&svg, w) == colors,
                "every dark module, and only those"
            );
        }
    }

    #[test]
    fn the_same_codes_as_the_qrcode_crate() {
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
        // Wider than 64 modules: scored a module at a time.
        texts.push(format!("https://clinic.example/{}", "a/".repeat(150)));
        for t in &texts {
            let code = QrCode::with_error_correction_level(t.as_bytes(), EcLevel::M).unwrap();
            let (width, colors) = super::encode(t.as_bytes()).unwrap();
            assert_eq!(width, code.width(), "{t}");
            assert!(colors == code.to_colors(), "{t}");
        }
    }

    #[test]
    fn both_scorings_agree() {
        use qrcode::canvas::{Canvas, MaskPattern};
        for i in 0..200 {
            let text = format!("https://clinic.example/{}p-{i}.html", "d/".repeat(i % 25));
            let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).unwrap();
            let (version, w) = (code.version(), code.width());
            let bits = qrcode::bits::encode_auto(text.as_bytes(), EcLevel::M).unwrap();
            let (data, ec) =
                qrcode::ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M).unwrap();
            let mut canvas = Canvas::new(version, EcLevel::M);
            canvas.draw_all_functional_patterns();
            canvas.draw_data(&data, &ec);
            for mask in [
                MaskPattern::Checkerboard,
                MaskPattern::Diamonds,
                MaskPattern::Meadow,
            ] {
                let mut c = canvas.clone();
                c.apply_mask(mask);
                let colors = c.into_colors();
                assert_eq!(
                    super::penalty(&colors, w),
                    super::penalty_slow(&colors, w),
                    "{text}"
                );
            }
        }
    }
}
