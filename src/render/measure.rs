//! How long lines of printed text are: the advance widths of DejaVu Sans
//! (as Chromium on Linux lays them out, hinted at whole pixel sizes) and
//! greedy wrapping at spaces, with the words of each text measured once per
//! sheet and text size. Used by `sheet_fit` to estimate sheet heights.

use std::collections::HashMap;

/// Lines that `text` takes when wrapped greedily at spaces into `width_mm`.
pub(super) fn lines(text: &str, width_mm: f32, pt: f32, bold: bool) -> usize {
    lines_of_runs(&[(text, pt, bold)], width_mm)
}

/// Lines taken by runs of text in different sizes and weights, one after
/// another in the same paragraph (e.g. a bold title and its equipment).
pub(super) fn lines_of_runs(runs: &[(&str, f32, bool)], width_mm: f32) -> usize {
    let mut wrap = Wrap::new(width_mm);
    for &(text, pt, bold) in runs {
        wrap.add(text, pt, bold);
    }
    wrap.count
}

/// Text being wrapped into lines of one width, a run at a time: the lines
/// so far and how far along the last one the text has reached.
#[derive(Clone, Copy)]
pub(super) struct Wrap {
    width: f32,
    /// Lines so far.
    pub(super) count: usize,
    x: f32,
}

impl Wrap {
    pub(super) fn new(width_mm: f32) -> Wrap {
        Wrap {
            width: width_mm.max(1.0) * PX_PER_MM,
            count: 0,
            x: 0.0,
        }
    }

    /// Wraps `text` after what is already there.
    pub(super) fn add(&mut self, text: &str, pt: f32, bold: bool) {
        let px = pt * PX_PER_PT;
        let width = self.width;
        with_words(text, bold, px, |space, words| {
            for &ww in words {
                if self.count == 0 {
                    self.count = 1;
                }
                let needed = if self.x == 0.0 {
                    ww
                } else {
                    self.x + space + ww
                };
                if needed <= width {
                    self.x = needed;
                    continue;
                }
                if self.x > 0.0 {
                    self.count += 1;
                }
                // A word longer than the line breaks anywhere.
                self.count += (ww / width).ceil().max(1.0) as usize - 1;
                self.x = if ww > width { ww % width } else { ww };
            }
        });
    }
}

/// Width of a space and of each word of `text`, px.
type Words = (f32, Vec<f32>);

/// Measured texts by weight and font size (a sheet uses a handful).
type WordCache = Vec<(
    (bool, u32),
    HashMap<String, Words, foldhash::fast::FixedState>,
)>;

thread_local! {
    /// The words of the texts measured since the sheet being laid out was
    /// started, by weight and font size: every candidate layout measures
    /// the same texts again at other widths.
    static WORDS: std::cell::RefCell<WordCache> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Forgets the measured words (a new sheet has other texts).
pub(super) fn forget_words() {
    WORDS.with(|w| w.borrow_mut().clear());
}

/// Calls `f` with the width of a space and of each word of `text`.
fn with_words(text: &str, bold: bool, px: f32, f: impl FnOnce(f32, &[f32])) {
    WORDS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let key = (bold, px.to_bits());
        let at = match cache.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                cache.push((key, HashMap::default()));
                cache.len() - 1
            }
        };
        let by_text = &mut cache[at].1;
        if let Some((space, words)) = by_text.get(text) {
            return f(*space, words);
        }
        let ascii = ascii_widths(bold, px);
        let glyph = |c: char| match c as u32 {
            32..=126 => ascii[(c as u32 - 32) as usize],
            _ => glyph_px(c, bold, px),
        };
        let words: Vec<f32> = text
            .split([' ', '\n', '\t'])
            .filter(|w| !w.is_empty())
            .map(|w| w.chars().map(glyph).sum())
            .collect();
        let space = glyph(' ');
        f(space, &words);
        by_text.insert(text.to_string(), (space, words));
    })
}

/// `glyph_px` of every printable ASCII character, worked out once per
/// thread for each font size and weight (measuring is the hot loop of
/// choosing a sheet layout; a sheet uses a handful of sizes).
fn ascii_widths(bold: bool, px: f32) -> &'static [f32; 95] {
    use std::cell::RefCell;
    /// (bold, font size bits) → widths.
    type Tables = Vec<((bool, u32), &'static [f32; 95])>;
    thread_local! {
        static TABLES: RefCell<Tables> = const { RefCell::new(Vec::new()) };
    }
    let key = (bold, px.to_bits());
    TABLES.with(|t| {
        if let Some((_, w)) = t.borrow().iter().find(|(k, _)| *k == key) {
            return *w;
        }
        let w: &'static [f32; 95] = Box::leak(Box::new(std::array::from_fn(|i| {
            glyph_px(char::from(32 + i as u8), bold, px)
        })));
        t.borrow_mut().push((key, w));
        w
    })
}

const PX_PER_MM: f32 = 96.0 / 25.4;
const PX_PER_PT: f32 = 96.0 / 72.0;

/// Width of a glyph in CSS pixels at `px` font size, as Chromium on Linux
/// lays it out: hinted at a whole-pixel size, each advance rounded (11 pt is
/// 14.67 px, laid out as 15 px). Elsewhere the sheet's font is narrower.
fn glyph_px(c: char, bold: bool, px: f32) -> f32 {
    (advance(c, bold) * px.round()).round()
}

/// Advance width of a character in DejaVu Sans, in em.
fn advance(c: char, bold: bool) -> f32 {
    let table = if bold { &BOLD } else { &REGULAR };
    match c as u32 {
        32..=126 => table[(c as u32 - 32) as usize] as f32 / 1000.0,
        _ => match c {
            '–' | '‐' => 0.5,
            '—' | '…' => 1.0,
            '·' if bold => 0.38,
            '·' | '’' | '‘' | '\u{a0}' => 0.32,
            '“' | '”' => 0.52,
            '×' => 0.84,
            _ => 0.7,
        },
    }
}

/// DejaVu Sans advance widths of ASCII 32..=126, in thousandths of an em.
const REGULAR: [u16; 95] = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/// DejaVu Sans Bold advance widths of ASCII 32..=126.
const BOLD: [u16; 95] = [
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683,
    683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771,
    724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665,
    343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(lines("", 50.0, 10.0, false), 0);
        assert_eq!(lines("short", 50.0, 10.0, false), 1);
        assert!(lines("x".repeat(300).as_str(), 50.0, 10.0, false) >= 3);
    }

    /// Line breaks measured in headless Chromium (Linux, DejaVu Sans).
    #[test]
    fn matches_chromium() {
        let px = |word: &str| -> f32 {
            word.chars()
                .map(|c| glyph_px(c, false, 11.0 * PX_PER_PT))
                .sum()
        };
        assert_eq!(px("your"), 34.0);
        assert_eq!(px("shoulders"), 74.0);
        let step = "Let your shoulders drop down, away from your ears, as your chest opens.";
        assert_eq!(lines(step, 51.7, 11.0, false), 4);
        let caution = "Put a cushion between your buttocks and heels if your knees complain.";
        let runs = [("Take care:", 11.0, true), (caution, 11.0, false)];
        assert_eq!(lines_of_runs(&runs, 86.2), 3);
    }
}
