//! Printed text, measured once per sheet and wrapped into lines at any
//! width and size: each text becomes the widths of its words in em (in the
//! face it prints in), and wrapping is greedy at spaces, as browsers do
//! (they may also break after hyphens, which only makes lines fewer than
//! counted here). A word wider than its line breaks anywhere
//! (`overflow-wrap: anywhere` in `sheet.css`).

use super::metrics::{space_em, word_em, Style};

/// One text in one face: its words' widths and the width of a space, em.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Para {
    words: Vec<f32>,
    space: f32,
}

impl Para {
    /// Measures `text` (plain text, no markup) as printed in `style`.
    pub(crate) fn new(text: &str, style: Style) -> Para {
        Para {
            words: text
                .split([' ', '\n', '\t', '\r'])
                .filter(|w| !w.is_empty())
                .map(|w| word_em(style, w))
                .collect(),
            space: space_em(style),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Width of the whole text on one line, em.
    pub(crate) fn width_em(&self) -> f32 {
        let n = self.words.len();
        self.words.iter().sum::<f32>() + n.saturating_sub(1) as f32 * self.space
    }
}

/// Texts being wrapped into lines of one width, one after another in the
/// same paragraph (runs of other sizes or faces: "Take care:" in bold,
/// then the caution), a space between runs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Wrap {
    width: f32,
    /// Lines so far.
    pub(crate) lines: usize,
    x: f32,
}

impl Wrap {
    pub(crate) fn new(width_mm: f32) -> Wrap {
        Wrap {
            width: width_mm.max(1.0),
            lines: 0,
            x: 0.0,
        }
    }

    /// Adds `p` printed at `size` mm.
    pub(crate) fn add(&mut self, p: &Para, size: f32) {
        let space = p.space * size;
        for &w in &p.words {
            self.word(w * size, space);
        }
    }

    /// Adds a box `w` mm wide that does not break (an inline block).
    pub(crate) fn add_box(&mut self, w: f32, space: f32) {
        self.word(w, space);
    }

    fn word(&mut self, w: f32, space: f32) {
        if self.lines == 0 {
            self.lines = 1;
        }
        let needed = if self.x == 0.0 { w } else { self.x + space + w };
        if needed <= self.width {
            self.x = needed;
            return;
        }
        if self.x > 0.0 {
            self.lines += 1;
        }
        if w > self.width {
            // Broken anywhere: whole lines, then what is left.
            let full = (w / self.width).floor();
            self.lines += full as usize;
            self.x = w - full * self.width;
            if self.x <= 0.0 {
                self.lines -= 1;
                self.x = self.width;
            }
        } else {
            self.x = w;
        }
    }
}

/// Lines that `p` takes at `size` mm in `width` mm.
pub(crate) fn lines(p: &Para, size: f32, width: f32) -> usize {
    let mut w = Wrap::new(width);
    w.add(p, size);
    w.lines
}

/// Lines taken by runs (text, size mm) one after another.
pub(crate) fn lines_of(runs: &[(&Para, f32)], width: f32) -> usize {
    let mut w = Wrap::new(width);
    for (p, size) in runs {
        w.add(p, *size);
    }
    w.lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_breaks_long_words() {
        let p = Para::new("one two three", Style::Regular);
        assert_eq!(lines(&p, 4.0, 1000.0), 1);
        assert_eq!(lines(&Para::new("", Style::Regular), 4.0, 10.0), 0);
        // Each word on its own line when the line is just wider than the widest.
        let widest = ["one", "two", "three"]
            .map(|w| word_em(Style::Regular, w) * 4.0)
            .into_iter()
            .fold(0.0, f32::max);
        assert_eq!(lines(&p, 4.0, widest + 0.01), 3);
        let long = Para::new(&"x".repeat(100), Style::Regular);
        let w = long.width_em() * 4.0;
        assert_eq!(lines(&long, 4.0, w / 2.5), 3);
    }

    #[test]
    fn runs_continue_on_the_same_line() {
        let a = Para::new("Take care:", Style::Bold);
        let b = Para::new("go slowly", Style::Regular);
        assert_eq!(lines_of(&[(&a, 4.0), (&b, 4.0)], 1000.0), 1);
    }
}
