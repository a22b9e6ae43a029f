//! QR codes (SVG, made at build time) that lead from a printed sheet back to
//! its page online, or to an exercise's video. `encode` works out the
//! modules; this file draws them.

use crate::sync::lock;
mod encode;

use encode::{encode, Code};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// An SVG QR code for `data`, or an empty string if it is too long to encode.
/// Codes are remembered: a sheet set prints the same video or page code on
/// several sheets, and encoding is the slow part.
pub(crate) fn svg(data: &str) -> String {
    // The modules, one bit each, by data: small enough to keep every code.
    static MADE: OnceLock<Mutex<HashMap<String, Option<Code>>>> = OnceLock::new();
    let made = MADE.get_or_init(Mutex::default);
    let known = lock(made).get(data).cloned();
    let code = known.unwrap_or_else(|| {
        let code = encode(data.as_bytes());
        lock(made).insert(data.to_string(), code.clone());
        code
    });
    code.map_or_else(String::new, |c| render(&c))
}
/// Light margin around the code, in modules (the standard's quiet zone).
const QUIET: usize = 4;
/// The smallest size of the drawing, in pixels.
const MIN_SIZE: usize = 96;

/// The modules as one SVG path in module units: each row a line through
/// the middle of its modules, stroked one module thick, drawn only along its
/// runs of dark modules (`m` skips a light gap). Half the size of a filled
/// rectangle per run. No `shape-rendering="crispEdges"`: with it, Chromium
/// prints one-module strokes as hairlines and the codes do not scan.
fn render(code: &Code) -> String {
    let width = code.width;
    let across = width + 2 * QUIET;
    let size = across * MIN_SIZE.div_ceil(across).max(1);
    let mut out: Vec<u8> = Vec::with_capacity(300 + width * width * 2);
    out.extend_from_slice(b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
    number(&mut out, size);
    out.extend_from_slice(b"\" height=\"");
    number(&mut out, size);
    out.extend_from_slice(b"\" viewBox=\"0 0 ");
    number(&mut out, across);
    out.push(b' ');
    number(&mut out, across);
    out.extend_from_slice(b"\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"none\" stroke=\"#000\" stroke-width=\"1\" d=\"");
    for y in 0..width {
        // Where the pen is on this row: the end of the last run drawn.
        let mut pen: Option<usize> = None;
        code.each_run(y, |start, len| {
            match pen {
                None => {
                    out.push(b'M');
                    number(&mut out, start + QUIET);
                    out.push(b' ');
                    number(&mut out, y + QUIET);
                    out.extend_from_slice(b".5");
                }
                Some(at) => {
                    out.push(b'm');
                    number(&mut out, start - at);
                    out.extend_from_slice(b" 0");
                }
            }
            out.push(b'h');
            number(&mut out, len);
            pen = Some(start + len);
        });
    }
    out.extend_from_slice(b"\"/></svg>");
    // Only ASCII was written, so nothing is replaced.
    String::from_utf8_lossy(&out).into_owned()
}

/// Appends `n` in decimal.
fn number(out: &mut Vec<u8>, n: usize) {
    if n < 10 {
        out.push(b'0' + n as u8);
        return;
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    while n > 0 {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    out.extend_from_slice(&digits[at..]);
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

    /// The modules an SVG made by `svg` draws dark, rows of `w`: each row
    /// starts `M x y.5`, then `hN` draws N modules and `mD 0` skips D.
    fn drawn(svg: &str, w: usize) -> Vec<Color> {
        assert!(svg.contains("stroke-width=\"1\""), "{svg}");
        assert!(
            !svg.contains("crispEdges"),
            "Chromium prints crisp strokes as hairlines"
        );
        let path = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let mut drawn = vec![Color::Light; w * w];
        for row in path.split('M').filter(|r| !r.is_empty()) {
            let (at, rest) = row.split_once('h').unwrap();
            let (x, y) = at.split_once(' ').unwrap();
            let mut x: usize = x.parse().unwrap();
            let y: usize = y
                .strip_suffix(".5")
                .expect("through the middle")
                .parse()
                .unwrap();
            for (i, step) in rest.split('m').enumerate() {
                let n = if i == 0 {
                    step
                } else {
                    let (gap, n) = step.split_once(" 0h").unwrap();
                    x += gap.parse::<usize>().unwrap();
                    n
                };
                let n: usize = n.parse().unwrap();
                for _ in 0..n {
                    assert_eq!(drawn[(y - 4) * w + x - 4], Color::Light, "drawn once");
                    drawn[(y - 4) * w + x - 4] = Color::Dark;
                    x += 1;
                }
            }
        }
        drawn
    }

    #[test]
    fn the_path_draws_exactly_the_dark_modules() {
        // Up to and over 64 modules wide.
        for text in [
            "https://clinic.example/x",
            "HELLO",
            &"long/".repeat(40),
            &"long/".repeat(70),
        ] {
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
}
