//! How tall each part of a sheet prints with one layout: the header, the
//! blocks above the exercises, each exercise card (with any number of its
//! steps shown), the red-flag box. The structure mirrors the templates
//! (`templates/sheet*.html`, `partials/sheet_*.html`) and the sizes come
//! from `sheet.css` (`style::Sizes`); every length is in mm.

use super::model::{CardModel, More, SheetModel};
use super::style::Sizes;
use super::text::{lines, lines_of, Para, Wrap};

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

/// The measured parts of one card, for any number of its steps.
pub(crate) struct CardParts {
    /// Height of the text above the steps (title … starting position).
    top: f32,
    /// Height of each step (the gap before it included, after the first).
    steps: Vec<f32>,
    /// The picture beside the text (with its margin), 0 without one.
    img_h: f32,
    /// The cautions as printed beside QR codes and without.
    cautions_beside: f32,
    cautions_alone: f32,
    /// The section name's line (large print).
    section: f32,
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

    /// A paragraph of runs at `y` in the card's text: narrower beside the picture.
    fn para(&self, y: f32, img_h: f32, runs: &[(&Para, f32)]) -> f32 {
        let mut w = self.text_w();
        if y < img_h {
            w -= self.s.img + self.s.code_gap;
        }
        let size = runs.first().map_or(self.s.fs, |r| r.1);
        lines_of(runs, w) as f32 * self.line(size)
    }

    /// The title line: number badge, title, equipment.
    fn title_line(&self, c: &CardModel, img_h: f32, continued: Option<&Para>) -> f32 {
        let (t, badge_size) = self.title_sizes();
        let mut w = self.text_w();
        if img_h > 0.0 {
            w -= self.s.img + self.s.code_gap;
        }
        let mut wrap = Wrap::new(w);
        let space = t * 0.28;
        if let Some(title) = continued {
            wrap.add(title, t);
        } else if self.m.single {
            wrap.add(&c.equipment, t);
        } else {
            let badge =
                (c.badge.width_em() * badge_size).max(1.5 * badge_size) + 0.4 * badge_size + 0.3;
            wrap.add_box(badge, space);
            wrap.add(&c.title, t);
        }
        wrap.lines as f32 * self.line(t)
    }

    /// Measures a card's parts.
    pub(crate) fn card_parts(&self, c: &CardModel) -> CardParts {
        let s = &self.s;
        let m = self.m;
        let img_h = if c.image && self.l.images {
            s.img * s.img_ratio + s.space_s
        } else {
            0.0
        };
        let mut y = self.title_line(c, img_h, None);
        if self.m.single {
            y += s.space_s + self.para(y, img_h, &[(&c.dosage, s.fs)]);
        } else {
            let runs = [(&c.dosage, s.fs), (&c.equipment, s.fs)];
            y += s.space_s + self.para(y, img_h, &runs);
        }
        if self.l.notes && !c.note.is_empty() {
            y += s.space_s + self.para(y, img_h, &[(&c.note, s.fs)]);
        }
        if (m.single || self.l.large()) && !c.intro.is_empty() {
            y += s.space_s + self.para(y, img_h, &[(&m.starting, s.fs), (&c.intro, s.fs)]);
        }
        let top = y;
        let steps_y = y + s.space_s;
        let indent = s.fs * 1.3;
        let mut sy = steps_y;
        let steps = c
            .steps
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let gap = if i == 0 { 0.0 } else { s.step_gap };
                let mut w = self.text_w() - indent;
                if sy + gap < img_h {
                    w -= s.img + s.code_gap;
                }
                let h = gap + lines(p, s.fs, w) as f32 * self.line(s.fs);
                sy += h;
                h
            })
            .collect();
        let shown = if m.single || self.l.large() {
            c.cautions.len()
        } else {
            c.cautions.len().min(1)
        };
        let cautions = |w: f32| -> f32 {
            c.cautions[..shown]
                .iter()
                .map(|k| lines_of(&[(&m.take_care, s.fs), (k, s.fs)], w) as f32 * self.line(s.fs))
                .sum()
        };
        let (beside, alone) = if self.log_beside() {
            (cautions(self.text_w()), cautions(self.text_w()))
        } else {
            (
                cautions(self.inner() - s.mini - s.code_gap),
                cautions(self.inner()),
            )
        };
        let section = if self.l.large() && !c.section.is_empty() {
            lines(&c.section, s.small, self.inner()) as f32 * s.small * 1.2 + s.space_s
        } else {
            0.0
        };
        CardParts {
            top,
            steps,
            img_h,
            cautions_beside: beside,
            cautions_alone: alone,
            section,
        }
    }

    /// Height of the tick-box log.
    fn log(&self) -> f32 {
        let s = &self.s;
        let row = s.row.max(self.line(s.small));
        self.l.weeks as f32 * (row + s.border) + s.border
    }

    /// The QR codes beside the cautions: all the steps (when some are left
    /// out and the card has its own code) and the video.
    fn codes(&self, c: &CardModel, step_code: bool) -> f32 {
        let s = &self.s;
        let step = if step_code {
            s.mini + lines(&c.all_steps, s.small, s.mini) as f32 * self.line(s.small) + s.space_s
        } else {
            0.0
        };
        let video = if c.video {
            s.mini
                + lines(&c.video_caption, s.small, s.mini) as f32 * self.line(s.small)
                + s.space_s
        } else {
            0.0
        };
        if self.log_beside() {
            step.max(video)
        } else {
            step + video
        }
    }

    /// Whether a card with steps left out gets its own QR code to them
    /// (in three columns there is no room: the page's code stands in).
    pub(crate) fn step_codes(&self) -> bool {
        self.m.qr && self.l.columns <= 2
    }

    /// Which "more steps" note a card with steps left out prints.
    pub(crate) fn more_kind(&self) -> More {
        if !self.m.qr {
            More::Online
        } else if self.step_codes() {
            More::Beside
        } else {
            More::Page
        }
    }

    /// Height of a whole card showing its first `shown` steps.
    pub(crate) fn card(&self, c: &CardModel, p: &CardParts, shown: usize) -> f32 {
        self.part(c, p, 0, shown, shown, true, true)
    }

    /// Height of a part of a card: steps `from..to` of the `shown` printed;
    /// `first` with the title and picture, `last` with the cautions and log.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn part(
        &self,
        c: &CardModel,
        p: &CardParts,
        from: usize,
        to: usize,
        shown: usize,
        first: bool,
        last: bool,
    ) -> f32 {
        let s = &self.s;
        let total = c.steps.len();
        let cut = shown < total;
        let (mut y, img_h) = if first {
            (p.top, p.img_h)
        } else {
            (self.title_line(c, 0.0, Some(&c.continued)), 0.0)
        };
        if to > from {
            // A later part starts a new list: no gap before its first step.
            let gap = if from > 0 { s.step_gap } else { 0.0 };
            y += s.space_s + p.steps[from..to].iter().sum::<f32>() - gap;
        }
        if last && cut {
            let more = self.m.more(self.more_kind(), total - shown);
            y += s.space_s + self.para(y, img_h, &[(&more, s.fs)]);
        }
        let main = y.max(img_h);
        let frame = if self.framed() {
            2.0 * (s.pad_y + s.border)
        } else {
            0.0
        };
        let section = if first { p.section } else { 0.0 };
        if !last {
            return frame + section + main;
        }
        let codes = self.codes(c, cut && self.step_codes());
        let cautions = if codes > 0.0 {
            p.cautions_beside
        } else {
            p.cautions_alone
        };
        let row = cautions.max(codes);
        let body = if self.log_beside() {
            main.max(self.log()) + row
        } else {
            main + row + s.space_m + self.log()
        };
        frame + section + body
    }

    /// The height of cards (`heights`, in order) in the sheet's columns,
    /// split between them as evenly as they go (`split`).
    pub(crate) fn rows(&self, heights: &[f32]) -> f32 {
        balanced(heights, self.l.columns.max(1), self.s.gap)
    }
}

/// Height of a column holding `hs` one under another, `gap` apart.
fn stack(hs: &[f32], gap: f32) -> f32 {
    if hs.is_empty() {
        0.0
    } else {
        hs.iter().sum::<f32>() + (hs.len() - 1) as f32 * gap
    }
}

/// The least height at which `hs`, in order, fill `cols` columns.
pub(crate) fn balanced(hs: &[f32], cols: usize, gap: f32) -> f32 {
    match cols {
        0 | 1 => stack(hs, gap),
        _ => (0..=hs.len())
            .map(|k| stack(&hs[..k], gap).max(balanced(&hs[k..], cols - 1, gap)))
            .fold(f32::INFINITY, f32::min),
    }
}

/// How many of `hs` (in order) each of `cols` columns takes so that the
/// tallest column is as short as can be (the first columns fuller on a tie).
pub(crate) fn split(hs: &[f32], cols: usize, gap: f32) -> Vec<usize> {
    if cols <= 1 || hs.is_empty() {
        return vec![hs.len()];
    }
    let mut best = (f32::INFINITY, hs.len());
    for k in (0..=hs.len()).rev() {
        let h = stack(&hs[..k], gap).max(balanced(&hs[k..], cols - 1, gap));
        if h < best.0 - 1e-3 {
            best = (h, k);
        }
    }
    let mut out = vec![best.1];
    out.extend(split(&hs[best.1..], cols - 1, gap));
    out
}
