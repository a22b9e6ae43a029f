//! Encoding a QR code: the modules of the crate's code for some data, with
//! the mask chosen by the standard's penalty score, computed a row of bits
//! at a time.

mod score;

use crate::sync::lock;
use qrcode::{Color, EcLevel};
use score::{columns, penalty, penalty_slow};
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::OnceLock;

/// A QR code's modules, one bit each (1 = dark), rows of `width` bits
/// each starting a new 64-bit word: a code up to 64 modules wide (every web
/// address a sheet prints) has a word per row.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Code {
    pub(super) width: usize,
    bits: Vec<u64>,
}

impl Code {
    fn words_per_row(&self) -> usize {
        self.width.div_ceil(64)
    }

    fn dark(&self, x: usize, y: usize) -> bool {
        self.bits[y * self.words_per_row() + x / 64] >> (x % 64) & 1 == 1
    }

    fn from_colors(colors: &[Color], width: usize) -> Code {
        let per_row = width.div_ceil(64);
        let mut bits = vec![0u64; per_row * width];
        for (y, row) in colors.chunks(width).enumerate() {
            for (x, c) in row.iter().enumerate() {
                if *c == Color::Dark {
                    bits[y * per_row + x / 64] |= 1 << (x % 64);
                }
            }
        }
        Code { width, bits }
    }

    /// Calls `f(start, length)` for each run of dark modules of row `y`,
    /// left to right.
    pub(super) fn each_run(&self, y: usize, mut f: impl FnMut(usize, usize)) {
        if self.words_per_row() == 1 {
            // At most 64 modules wide, so no run is 64 long.
            let mut bits = self.bits[y];
            while bits != 0 {
                let start = bits.trailing_zeros() as usize;
                let len = (!(bits >> start)).trailing_zeros() as usize;
                f(start, len);
                let run = 1u64.checked_shl(len as u32).map_or(u64::MAX, |b| b - 1);
                bits &= !(run << start);
            }
            return;
        }
        let mut x = 0;
        while x < self.width {
            if !self.dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < self.width && self.dark(x, y) {
                x += 1;
            }
            f(start, x - start);
        }
    }

    #[cfg(test)]
    fn colors(&self) -> Vec<Color> {
        let w = self.width;
        (0..w * w)
            .map(|i| match self.dark(i % w, i / w) {
                true => Color::Dark,
                false => Color::Light,
            })
            .collect()
    }
}

/// The masks in the order the qrcode crate tries them.
const MASKS: [qrcode::canvas::MaskPattern; 8] = {
    use qrcode::canvas::MaskPattern::*;
    [
        Checkerboard,
        HorizontalLines,
        VerticalLines,
        DiagonalLines,
        LargeCheckerboard,
        Fields,
        Diamonds,
        Meadow,
    ]
};

/// The QR code of `data` at error correction level M: the same code as
/// `QrCode::with_error_correction_level`, with the eight masks applied and
/// scored a row of bits at a time (the slow part in the crate).
pub(super) fn encode(data: &[u8]) -> Option<Code> {
    let level = EcLevel::M;
    let bits = qrcode::bits::encode_auto(data, level).ok()?;
    let version = bits.version();
    let (data, ec) = qrcode::ec::construct_codewords(&bits.into_bytes(), version, level).ok()?;
    let width = usize::try_from(version.width()).ok()?;
    if width > 64 {
        let mut canvas = qrcode::canvas::Canvas::new(version, level);
        canvas.draw_all_functional_patterns();
        canvas.draw_data(&data, &ec);
        return Some(encode_wide(canvas, width));
    }
    let frame = frame(version)?;
    // The data modules, before masking: each bit of the codewords, most
    // significant first, in the next module of the placement order.
    // Kept by rows and by columns (bit y of column x), as the penalty
    // scores both.
    let mut rows = vec![0u64; width];
    let mut columns = vec![0u64; width];
    let mut at = frame.order.iter();
    'fill: for byte in data.iter().chain(&ec) {
        for bit in (0..8).rev() {
            let Some(&(x, y)) = at.next() else {
                break 'fill;
            };
            if byte >> bit & 1 == 1 {
                rows[usize::from(y)] |= 1 << x;
                columns[usize::from(x)] |= 1 << y;
            }
        }
    }
    // Masking flips the data modules where the mask is dark, and draws the
    // function patterns with that mask's format information: the frame.
    let xor = |a: &[u64], b: &[u64]| -> Vec<u64> { a.iter().zip(b).map(|(m, d)| m ^ d).collect() };
    let masked = frame
        .masked
        .iter()
        .zip(&frame.masked_columns)
        .map(|(by_row, by_column)| {
            let rows = xor(by_row, &rows);
            (penalty(&rows, &xor(by_column, &columns), width), rows)
        });
    lowest(masked).map(|bits| Code { width, bits })
}

/// The first candidate with the lowest penalty, as the qrcode crate picks a mask.
fn lowest<T>(scored: impl Iterator<Item = (u16, T)>) -> Option<T> {
    let mut best: Option<(u16, T)> = None;
    for (score, code) in scored {
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            best = Some((score, code));
        }
    }
    best.map(|(_, code)| code)
}

/// What every code of a version (at most 64 modules wide) shares, worked
/// out once per version.
struct Frame {
    /// The modules without data under each of the eight masks (rows of
    /// bits): the function patterns with each mask's format information,
    /// and the mask itself everywhere else.
    masked: Vec<Vec<u64>>,
    /// The same by columns (bit y of column x).
    masked_columns: Vec<Vec<u64>>,
    /// The data modules (x, y) in the order the codewords' bits fill them:
    /// the standard's two-column zigzag from the bottom right corner, up and
    /// down in turn, stepping over the timing pattern's column and every
    /// function pattern (as the qrcode crate's `draw_data` places them).
    order: Vec<(u8, u8)>,
}

fn frame(version: qrcode::Version) -> Option<std::sync::Arc<Frame>> {
    use qrcode::canvas::{Canvas, Module};
    use std::sync::Arc;
    static FRAMES: OnceLock<Mutex<HashMap<i16, Arc<Frame>>>> = OnceLock::new();
    let frames = FRAMES.get_or_init(Mutex::default);
    if let Some(f) = lock(frames).get(&version.width()) {
        return Some(Arc::clone(f));
    }
    let (w, width) = (version.width(), usize::try_from(version.width()).ok()?);
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    const TIMING: i16 = 6;
    let mut order = Vec::new();
    let (mut x, mut y) = (w - 1, w - 1);
    loop {
        let column = if x <= TIMING { x + 1 } else { x };
        if column <= 0 {
            break;
        }
        if canvas.get(x, y) == Module::Empty {
            order.push((u8::try_from(x).ok()?, u8::try_from(y).ok()?));
        }
        match (w - column) % 4 {
            2 if y > 0 => (x, y) = (x + 1, y - 1),
            0 if y < w - 1 => (x, y) = (x + 1, y + 1),
            0 | 2 if x == TIMING + 1 => x -= 2,
            _ => x -= 1,
        }
    }
    let masked: Vec<Vec<u64>> = MASKS
        .iter()
        .map(|&mask| {
            let mut c = canvas.clone();
            c.apply_mask(mask);
            Code::from_colors(&c.into_colors(), width).bits
        })
        .collect();
    let masked_columns = masked.iter().map(|rows| columns(rows, width)).collect();
    let frame = Arc::new(Frame {
        masked,
        masked_columns,
        order,
    });
    lock(frames).insert(version.width(), Arc::clone(&frame));
    Some(frame)
}

/// `encode` for codes wider than 64 modules, masked by the crate and scored
/// a module at a time.
fn encode_wide(canvas: qrcode::canvas::Canvas, width: usize) -> Code {
    let masked = MASKS.iter().map(|&mask| {
        let mut c = canvas.clone();
        c.apply_mask(mask);
        let colors = c.into_colors();
        (penalty_slow(&colors, width), colors)
    });
    let colors = lowest(masked).unwrap_or_default();
    Code::from_colors(&colors, width)
}

#[cfg(test)]
mod tests {
    use qrcode::{EcLevel, QrCode};
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
        // Every version up to 64 modules wide (1 to 11), and numbers.
        texts.extend(
            (1..=260)
                .step_by(3)
                .map(|n| "https://a.example/".repeat(n / 18 + 1)[..n].to_string()),
        );
        texts.extend((1..=40).map(|n| "0123456789".repeat(n)));
        // Wider than 64 modules: scored a module at a time.
        texts.push(format!("https://clinic.example/{}", "a/".repeat(150)));
        for t in &texts {
            let code = QrCode::with_error_correction_level(t.as_bytes(), EcLevel::M).unwrap();
            let made = super::encode(t.as_bytes()).unwrap();
            assert_eq!(made.width, code.width(), "{t}");
            assert!(made.colors() == code.to_colors(), "{t}");
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
                let rows = super::Code::from_colors(&colors, w).bits;
                assert_eq!(
                    super::penalty(&rows, &super::columns(&rows, w), w),
                    super::penalty_slow(&colors, w),
                    "{text}"
                );
            }
        }
    }
}
