//! One exercise card's height: its parts measured once (`CardParts`), then
//! the card or any part of it (a run of its steps) added up from them.

use super::Geometry;
use crate::sheet::model::{CardModel, More};
use crate::sheet::text::{lines, lines_of, Para, Wrap};

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

impl Geometry<'_> {
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
}
