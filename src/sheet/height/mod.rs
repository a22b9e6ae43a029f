//! How tall each part of a sheet prints with one layout: the header, the
//! blocks above the exercises, each exercise card (with any number of its
//! steps shown), the red-flag box. The structure mirrors the templates
//! (`templates/sheet*.html`, `partials/sheet_*.html`) and the sizes come
//! from `sheet.css` (`style::Sizes`); every length is in mm.

mod card;
mod columns;

pub(crate) use card::CardParts;
pub(crate) use columns::{balanced, split};

use super::model::SheetModel;
use super::style::Sizes;
use super::text::{lines, lines_of};

/// One way to lay out a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub(crate) struct Layout {
    /// 1 (12 pt) … 4 (9 pt): the CSS class `density-N`; 0 in large print.
    pub density: u8,
    /// Columns of cards (CSS class `cols-N`); with one, the log sits beside the text.
    pub columns: usize,
    /// The notes box, the summary, the routine's introduction and the footer.
    pub roomy: bool,
    /// The exercises' pictures.
    pub images: bool,
    /// The routine's note on each exercise.
    pub notes: bool,
    /// Rows (weeks) of each tick-box log.
    pub weeks: usize,
}

impl Layout {
    pub(crate) fn large(&self) -> bool {
        self.density == 0
    }
}

/// A sheet's measures with one layout.
pub(crate) struct Geometry<'a> {
    pub m: &'a SheetModel,
    pub s: Sizes,
    pub l: Layout,
    /// Width of the printable area.
    pub width: f32,
    /// Width of one column of cards.
    pub col_w: f32,
}

impl<'a> Geometry<'a> {
    pub(crate) fn new(m: &'a SheetModel, s: Sizes, l: Layout, paper_w: f32) -> Geometry<'a> {
        let width = paper_w - 2.0 * s.page_margin;
        let cols = l.columns.max(1) as f32;
        let col_w = (width - (cols - 1.0) * s.gap) / cols;
        Geometry {
            m,
            s,
            l,
            width,
            col_w,
        }
    }

    fn line(&self, size: f32) -> f32 {
        self.s.line(size)
    }

    /// Card borders and padding drawn (not on exercise sheets).
    fn framed(&self) -> bool {
        !self.m.single
    }

    fn inner(&self) -> f32 {
        if self.framed() {
            self.col_w - 2.0 * (self.s.pad_x + self.s.border)
        } else {
            self.col_w
        }
    }

    /// The log sits beside the text (one column of routine cards).
    fn log_beside(&self) -> bool {
        self.l.columns == 1 && !self.m.single && !self.l.large()
    }

    fn text_w(&self) -> f32 {
        if self.log_beside() {
            self.inner() - self.s.log_side - self.s.col_gap
        } else {
            self.inner()
        }
    }

    /// Size of the card title and its number badge.
    fn title_sizes(&self) -> (f32, f32) {
        let t = self.s.fs * 1.1;
        if self.l.large() {
            (t, t)
        } else {
            (t, t * 0.9)
        }
    }

    /// The header of the first page (clinic, title, goal …, QR code).
    pub(crate) fn header(&self, pages: usize) -> f32 {
        let s = &self.s;
        let m = self.m;
        let mut main_w = self.width;
        if m.logo {
            main_w -= s.logo + s.head_gap;
        }
        // Large print shows every step: no caption beside the code.
        let caption = m.qr && !self.l.large();
        if m.qr {
            main_w -= s.qr + s.head_gap;
        }
        if caption {
            main_w -= s.scan + s.head_gap;
        }
        let mut main = lines_of(&[(&m.clinic.0, s.clinic), (&m.clinic.1, s.clinic)], main_w) as f32
            * self.line(s.clinic);
        main += s.space_s + lines(&m.title, s.title, main_w) as f32 * s.title * s.lh_title;
        main += s.space_s + lines(&m.goal, s.fs, main_w) as f32 * self.line(s.fs);
        if pages > 1 {
            main += lines(&m.page_of, s.small, main_w) as f32 * self.line(s.small);
        }
        if self.l.roomy && !m.summary.is_empty() {
            main += lines(&m.summary, s.fs, main_w) as f32 * self.line(s.fs);
        }
        let mut h = main;
        if m.qr {
            h = h.max(s.qr);
        }
        if caption {
            h = h.max(lines(&m.scan, s.small, s.scan) as f32 * self.line(s.small));
        }
        if m.logo {
            h = h.max(s.logo);
        }
        h + s.space + s.head_rule + s.space
    }

    /// Everything above the cards on the first page.
    pub(crate) fn top_first(&self, pages: usize) -> f32 {
        let s = &self.s;
        let m = self.m;
        let mut h = self.header(pages);
        h += self.line(s.fs) + s.space + s.space;
        if self.l.roomy {
            h += s.notes + s.space;
            if !m.intro.is_empty() && !m.single {
                h += lines(&m.intro, s.fs, self.width) as f32 * self.line(s.fs) + s.space_m;
            }
        }
        if let Some((label, text)) = &m.cautions {
            h += lines_of(&[(label, s.fs), (text, s.fs)], self.width) as f32 * self.line(s.fs)
                + s.space_m;
        }
        h += lines(&m.how_to, s.small, self.width) as f32 * self.line(s.small);
        h + s.gap
    }

    /// Everything above the cards on a later page: the running head.
    pub(crate) fn top_later(&self) -> f32 {
        let s = &self.s;
        lines(&self.m.runhead, s.small, self.width) as f32 * self.line(s.small)
            + s.space_s
            + s.border
            + s.space
            + s.gap
    }

    /// The red-flag box and the footer, below the cards of the last page.
    pub(crate) fn end(&self) -> f32 {
        let s = &self.s;
        let (call, list, emergency) = &self.m.red;
        let w = self.width - 2.0 * (s.pad_x + s.red_rule);
        let n = lines_of(&[(call, s.fs), (list, s.fs), (emergency, s.fs)], w);
        let mut h = s.gap + 2.0 * (s.red_rule + s.space_m) + n as f32 * self.line(s.fs);
        if self.l.roomy && !self.m.footer.is_empty() {
            h += s.space_m + lines(&self.m.footer, s.small, self.width) as f32 * self.line(s.small);
        }
        h
    }
    /// The height of cards (`heights`, in order) in the sheet's columns,
    /// split between them as evenly as they go (`split`).
    pub(crate) fn rows(&self, heights: &[f32]) -> f32 {
        balanced(heights, self.l.columns.max(1), self.s.gap)
    }
}
