//! Will a printed sheet fit on one page? An estimate of its height from the
//! lengths of its texts, made at build time so that every sheet gets the
//! roomiest layout that still fits, and so that a routine that cannot fit
//! gets a warning. A sheet must fit without JavaScript, so nothing is
//! measured in the browser.
//!
//! Text widths use the advance widths of DejaVu Sans, the widest of the fonts
//! `sheet.css` may end up with, so the estimate errs on the side of "taller".
//! The sizes below mirror `static/sheet.css`: change them together.

use super::measure::{forget_words, lines, lines_of_runs, Wrap};
use crate::config::Paper;

const MM_PER_PT: f32 = 25.4 / 72.0;
/// `@page` margin on every side.
pub const MARGIN_MM: f32 = 12.0;
/// Space left free at the bottom, for rounding in the browser.
const SLACK_MM: f32 = 4.0;
/// Line height of all sheet text, as a multiple of the font size.
const LINE: f32 = 1.25;
/// The smallest text on a sheet (captions, log headings).
const SMALL_PT: f32 = 9.0;

/// One way to lay out a sheet. Templates get it (flattened) as `sheet`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Layout {
    /// 1 (12 pt) … 4 (9 pt), 0 for large print: the CSS class `density-N`.
    pub density: u8,
    /// Columns of exercise cards (CSS class `cols-N`); with one, the log sits beside the text.
    pub columns: usize,
    /// Body text size in points.
    pub font_pt: f32,
    /// Steps shown per exercise; the rest are behind a QR code.
    pub max_steps: usize,
    /// Rows (weeks) of the tick-box log.
    pub weeks: usize,
    /// Show the notes box, the summary and the routine's introduction.
    pub roomy: bool,
}

/// Body text size of each density.
const FONT_PT: [f32; 5] = [16.0, 12.0, 11.0, 10.0, 9.0];

impl Layout {
    /// Whether an exercise with steps left out gets its own QR code to them
    /// (in three columns there is no room: the page's code stands in).
    pub fn step_codes(&self) -> bool {
        self.columns <= 2
    }
}

const fn layout(density: u8, columns: usize, max_steps: usize, roomy: bool) -> Layout {
    Layout {
        density,
        columns,
        font_pt: FONT_PT[density as usize],
        max_steps,
        weeks: if columns == 1 { 2 } else { 1 },
        roomy,
    }
}

/// Routine sheet layouts for cards with at most `most_steps` steps each,
/// best first. A step more counts for one and a half points of text size
/// (ties go to the bigger text), then fewer columns, then the notes box.
/// Sheets of up to six exercises keep 11 pt text.
pub fn routine_layouts(n: usize, most_steps: usize, qr: bool) -> Vec<Layout> {
    let densities: &[u8] = if n <= 6 { &[1, 2] } else { &[1, 2, 3, 4] };
    let most = most_steps.clamp(1, 6);
    let mut out = Vec::new();
    for &density in densities {
        // With a QR code to every step, the densest layout may show none.
        let fewest = if qr && density == 4 { 0 } else { 1 };
        for steps in fewest..=most {
            for columns in 1..=3 {
                for roomy in [true, false] {
                    out.push(layout(density, columns, steps, roomy));
                }
            }
        }
    }
    // Three columns make short lines: worth a point or more of text size.
    let score = |l: &Layout| {
        let narrow = if l.columns >= 3 {
            1.0 + (l.font_pt - 9.0) * 0.25
        } else {
            0.0
        };
        let s = 1.5 * l.max_steps as f32 + l.font_pt - narrow;
        (s, l.font_pt, l.columns, !l.roomy)
    };
    out.sort_by(|a, b| {
        let (sa, fa, ca, ra) = score(a);
        let (sb, fb, cb, rb) = score(b);
        sb.total_cmp(&sa)
            .then(fb.total_cmp(&fa))
            .then(ca.cmp(&cb))
            .then(ra.cmp(&rb))
    });
    out
}

/// Exercise sheet layouts: one exercise, with its starting position and every caution.
pub const EXERCISE_LAYOUTS: [Layout; 3] = [
    Layout {
        weeks: 6,
        ..layout(1, 1, 8, true)
    },
    Layout {
        weeks: 4,
        ..layout(2, 1, 8, true)
    },
    Layout {
        weeks: 2,
        ..layout(2, 1, 6, false)
    },
];

/// The large-print routine sheet: may take several pages.
pub const LARGE: Layout = Layout {
    weeks: 1,
    ..layout(0, 1, 8, true)
};

/// The texts of one exercise as a sheet prints them (plain text, no markup).
#[derive(Debug, Clone, Default)]
pub struct CardText {
    /// Section name, shown on the first exercise of a section.
    pub section: String,
    pub title: String,
    pub dosage: String,
    pub note: String,
    pub equipment: String,
    /// Key caution first; exercise sheets print all of them.
    pub cautions: Vec<String>,
    pub steps: Vec<String>,
    /// Starting position (exercise sheets only).
    pub intro: String,
    pub image: bool,
    pub video: bool,
}

/// The texts around the exercises.
#[derive(Debug, Clone, Default)]
pub struct SheetText {
    pub title: String,
    pub goal: String,
    pub summary: String,
    /// Shown only in roomy layouts.
    pub intro: String,
    pub cautions: String,
    /// Clinic name, then phone and website lines, as printed in the header.
    pub clinic: Vec<String>,
    /// The clinic's phone number (in the red-flag box).
    pub phone: String,
    /// Clinic address and the page's address online.
    pub footer: String,
    /// A QR code to the page online (and, per exercise, to all its steps).
    pub qr: bool,
    /// The clinic has a logo.
    pub logo: bool,
    /// An exercise sheet: one card with everything.
    pub full: bool,
}

/// The printable area of a page, in mm.
#[derive(Debug, Clone, Copy)]
pub struct Area {
    pub width: f32,
    pub height: f32,
}

impl Area {
    pub fn of(paper: Paper) -> Area {
        let (w, h) = match paper {
            Paper::A4 => (210.0, 297.0),
            Paper::Letter => (215.9, 279.4),
        };
        Area {
            width: w - 2.0 * MARGIN_MM,
            height: h - 2.0 * MARGIN_MM,
        }
    }
}

/// The chosen layout, and whether the sheet fits one page with it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fit {
    One(Layout),
    /// Too long for one page even with the densest layout: only the first
    /// `fits` exercises would fit.
    Over {
        layout: Layout,
        fits: usize,
    },
}

impl Fit {
    pub fn layout(&self) -> Layout {
        match *self {
            Fit::One(l) | Fit::Over { layout: l, .. } => l,
        }
    }
}

/// Picks the roomiest layout with which the sheet fits one page.
pub fn choose(area: Area, sheet: &SheetText, cards: &[CardText]) -> Fit {
    forget_words();
    let most_steps = cards.iter().map(|c| c.steps.len()).max().unwrap_or(1);
    let layouts = if sheet.full {
        EXERCISE_LAYOUTS.to_vec()
    } else {
        routine_layouts(cards.len(), most_steps, sheet.qr)
    };
    let room = area.height - SLACK_MM;
    // The texts are measured once per text size and column count (the
    // many step counts and notes boxes tried with them only add up the
    // measured parts), and each layout's card heights are worked out once,
    // not again for every count of cards tried below.
    let mut arounds: Vec<((u8, u32, bool), Around)> = Vec::new();
    let mut card_parts_by: Vec<(PartsKey, Vec<CardParts>)> = Vec::new();
    let mut parts = |l: &Layout| -> (Around, Vec<f32>) {
        let key = (l.density, l.font_pt.to_bits(), l.roomy);
        let rest = match arounds.iter().find(|(k, _)| *k == key) {
            Some((_, a)) => *a,
            None => {
                let a = around(area, sheet, l);
                arounds.push((key, a));
                a
            }
        };
        let key = (l.density, l.columns, l.font_pt.to_bits(), l.weeks);
        let at = match card_parts_by.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                let col_w = column_mm(area.width, l);
                let measured = cards
                    .iter()
                    .map(|c| card_parts(col_w, c, l, sheet))
                    .collect();
                card_parts_by.push((key, measured));
                card_parts_by.len() - 1
            }
        };
        let hs = card_parts_by[at]
            .1
            .iter()
            .zip(cards)
            .map(|(p, c)| p.height(c, l, sheet))
            .collect();
        (rest, hs)
    };
    // A routine's densest layouts are measured first: when none of them
    // fits, no roomier one can (bigger text, more steps, the notes box and
    // fewer columns only add height), and the sheet overflows without every
    // layout being tried. (An exercise sheet has three layouts.)
    let densest = layouts.last().map_or(0, |l| l.density);
    let dense: Vec<(Layout, (Around, Vec<f32>))> = layouts
        .iter()
        .filter(|l| l.density == densest && l.max_steps <= 1 && !l.roomy)
        .map(|l| (*l, parts(l)))
        .collect();
    if sheet.full
        || dense
            .iter()
            .any(|(l, (rest, hs))| rest.height(hs, l) <= room)
    {
        for l in &layouts {
            let (rest, hs) = parts(l);
            if rest.height(&hs, l) <= room {
                return Fit::One(*l);
            }
        }
    }
    // The densest layouts: whichever fits the most exercises.
    let fitting = |(rest, hs): &(Around, Vec<f32>), l: &Layout| {
        (0..cards.len())
            .rev()
            .find(|&k| rest.height(&hs[..k], l) <= room)
            .unwrap_or(0)
    };
    let (dense, fits) = dense
        .iter()
        .map(|(l, m)| (*l, fitting(m, l)))
        .max_by_key(|&(_, k)| k)
        .unwrap_or((LARGE, 0));
    // It prints on two pages anyway: the best layout that fits two, allowing
    // for a row of exercises that moves whole to the second page.
    let layout = layouts
        .iter()
        .find(|l| {
            let (rest, hs) = parts(l);
            let tallest = hs.iter().copied().fold(0.0, f32::max);
            rest.height(&hs, l) <= 2.0 * room - tallest
        })
        .copied()
        .unwrap_or(dense);
    Fit::Over { layout, fits }
}

/// What measured card parts depend on: density, columns, text size, weeks.
type PartsKey = (u8, usize, u32, usize);

/// Width of one column of cards, mm.
fn column_mm(width: f32, l: &Layout) -> f32 {
    let cols = l.columns.max(1) as f32;
    (width - (cols - 1.0) * GAP_MM) / cols
}

fn line_mm(pt: f32) -> f32 {
    pt * LINE * MM_PER_PT
}

/// Estimated height of the whole sheet, in mm.
pub fn height(area: Area, sheet: &SheetText, cards: &[CardText], l: &Layout) -> f32 {
    let col_w = column_mm(area.width, l);
    let heights: Vec<f32> = cards
        .iter()
        .map(|c| card_height(col_w, c, l, sheet))
        .collect();
    height_of(area, sheet, &heights, l)
}

/// `height` from the heights of the cards.
fn height_of(area: Area, sheet: &SheetText, card_heights: &[f32], l: &Layout) -> f32 {
    around(area, sheet, l).height(card_heights, l)
}

/// The heights of a sheet's parts other than its cards, mm: the same for
/// any number of cards.
#[derive(Clone, Copy)]
struct Around {
    /// Header, patient lines, notes, introduction, cautions, how-to line.
    above: f32,
    /// Red flags.
    red: f32,
    /// The footer, when it shows.
    footer: Option<f32>,
}

impl Around {
    fn height(&self, card_heights: &[f32], l: &Layout) -> f32 {
        let mut total = self.above;
        total += cards_height(card_heights, l);
        total += self.red;
        if let Some(f) = self.footer {
            total += f;
        }
        total
    }
}

fn around(area: Area, sheet: &SheetText, l: &Layout) -> Around {
    let fs = l.font_pt;
    let w = area.width;
    let small = if l.density == 0 { fs } else { SMALL_PT };
    let mut total = header_height(w, sheet, l);
    // Patient lines, notes box, introduction, cautions, how-to line.
    total += line_mm(fs) + 2.0 + 2.0;
    if l.roomy {
        total += 16.0 + 2.0;
        if !sheet.intro.is_empty() {
            total += lines(&sheet.intro, w, fs, false) as f32 * line_mm(fs) + 1.5;
        }
    }
    if !sheet.cautions.is_empty() {
        let runs = [
            ("For this routine:", fs, true),
            (sheet.cautions.as_str(), fs, false),
        ];
        total += lines_of_runs(&runs, w) as f32 * line_mm(fs);
    }
    let how_pt = (fs * 0.9).max(small);
    // The how-to line, then room for the section names on the cards' borders.
    total += lines(HOW_TO, w, how_pt, false) as f32 * line_mm(how_pt) + 2.5;
    // Red flags (border, padding) and footer.
    let call = if sheet.phone.is_empty() {
        RED_FLAGS[0].to_string()
    } else {
        format!("{} on {}", RED_FLAGS[0], sheet.phone)
    };
    let red_flags = [
        (call.as_str(), fs, true),
        (RED_FLAGS[1], fs, false),
        (RED_FLAGS[2], fs, true),
    ];
    let red = 2.5 + 2.0 * 0.5 + 2.0 * 1.5 + lines_of_runs(&red_flags, w - 6.0) as f32 * line_mm(fs);
    let footer = (l.roomy && !sheet.footer.is_empty())
        .then(|| 1.5 + lines(&sheet.footer, w, small, false) as f32 * line_mm(small));
    Around {
        above: total,
        red,
        footer,
    }
}

/// Clinic, title, goal (and summary) beside the QR code and its caption.
fn header_height(w: f32, sheet: &SheetText, l: &Layout) -> f32 {
    let fs = l.font_pt;
    let (qr, scan_w, small, clinic_pt) = match l.density {
        0 => (30.0, 40.0, fs, fs),
        1 => (24.0, 25.0, SMALL_PT, 10.0),
        2 => (22.0, 25.0, SMALL_PT, 10.0),
        3 => (20.0, 25.0, SMALL_PT, 10.0),
        _ => (18.0, 25.0, SMALL_PT, 10.0),
    };
    let mut main_w = w;
    if sheet.logo {
        main_w -= LOGO_MM + 3.0;
    }
    if sheet.qr {
        main_w -= qr + 3.0 + scan_w + 3.0;
    }
    let title_pt = match l.density {
        0 => 24.0,
        1 | 2 => 18.0,
        3 => 16.0,
        _ => 15.0,
    };
    let rest = sheet.clinic.get(1..).unwrap_or_default().join(" · ");
    let name = sheet.clinic.first().map_or("", String::as_str);
    let clinic = lines_of_runs(
        &[(name, clinic_pt, true), (&rest, clinic_pt, false)],
        main_w,
    );
    let mut main = clinic as f32 * line_mm(clinic_pt) + 0.8;
    main += lines(&sheet.title, main_w, title_pt, true) as f32 * title_pt * 1.15 * MM_PER_PT;
    main += 0.5 + lines(&sheet.goal, main_w, fs, true) as f32 * line_mm(fs);
    if l.roomy && !sheet.summary.is_empty() {
        main += lines(&sheet.summary, main_w, fs, false) as f32 * line_mm(fs);
    }
    let right = if sheet.qr {
        let scan = lines(QR_CAPTION, scan_w, small, false) as f32 * line_mm(small);
        qr.max(scan)
    } else {
        0.0
    };
    let logo = if sheet.logo { LOGO_MM } else { 0.0 };
    main.max(right).max(logo) + 2.0 + 0.6 + 2.0
}

/// Room for the logo (mirrors `.sheet-logo`: at most this wide and tall).
const LOGO_MM: f32 = 14.0;
/// Caption beside the page's QR code (mirrors the template).
const QR_CAPTION: &str = "Scan the code to see every step online";
/// Text of the how-to line above the exercises (mirrors the template).
pub const HOW_TO: &str =
    "Tick a box each day you do an exercise. Each week, score your pain from 0 (none) to 10 (worst).";
/// The default red-flag text of the template (bold, plain, bold); the
/// clinic's phone number follows the first part.
pub const RED_FLAGS: [&str; 3] = [
    "Stop and call us",
    "if you feel numbness, tingling or weakness in an arm, pain spreading around your ribs, or a flare-up that does not settle.",
    "Chest pain or trouble breathing: call an emergency number now.",
];

const GAP_MM: f32 = 2.5;
/// Card padding and border (mirrors `.card`; density 4 is tighter).
fn pad(l: &Layout) -> (f32, f32) {
    if l.density == 4 {
        (2.0 + 0.3, 1.5 + 0.3)
    } else {
        (2.5 + 0.3, 2.0 + 0.3)
    }
}

fn cards_height(card_heights: &[f32], l: &Layout) -> f32 {
    if card_heights.is_empty() {
        return 0.0;
    }
    let cols = l.columns.max(1);
    let rows: Vec<f32> = card_heights
        .chunks(cols)
        .map(|row| row.iter().copied().fold(0.0, f32::max))
        .collect();
    rows.iter().sum::<f32>() + (rows.len() - 1) as f32 * GAP_MM
}

/// Width of a card's image (mirrors `--img`) and of a small QR code (`--mini`), mm.
fn media_mm(l: &Layout) -> (f32, f32) {
    match l.density {
        0 => (45.0, 24.0),
        1 => (32.0, 16.0),
        2 => (24.0, 14.0),
        3 => (20.0, 13.0),
        _ => (16.0, 13.0),
    }
}

/// Height of one exercise card, mm.
fn card_height(col_w: f32, c: &CardText, l: &Layout, sheet: &SheetText) -> f32 {
    card_parts(col_w, c, l, sheet).height(c, l, sheet)
}

/// The measured parts of a card's height for one text size and column
/// width, whatever the number of steps shown: choosing a layout tries many
/// step counts with the same text size and columns.
struct CardParts {
    /// Height of the text before the steps (title, dosage, note, starting position).
    top: f32,
    /// Height of the text down to each step, as printed when more follow it
    /// …
    steps: Vec<f32>,
    /// … and when it is the last shown and ends with the "more" note.
    steps_more: Vec<f32>,
    /// Height down to the note that stands in for steps when none are shown.
    no_steps: f32,
    /// Height of the image beside the text.
    img_h: f32,
    /// Height of the "All N steps" code with its caption, and of the video code.
    step_code: f32,
    video_code: f32,
    /// Height of the cautions printed beside QR codes, and without codes.
    cautions_beside: f32,
    cautions_full: f32,
    /// The log sits beside the text (one column).
    side: bool,
}

fn card_parts(col_w: f32, c: &CardText, l: &Layout, sheet: &SheetText) -> CardParts {
    let fs = l.font_pt;
    let small = if l.density == 0 { fs } else { SMALL_PT };
    let (pad_x, _) = pad(l);
    let inner = col_w - 2.0 * pad_x;
    let (img, mini) = media_mm(l);
    // One column: the log sits beside the text.
    let side = l.columns == 1 && l.density != 0 && !sheet.full;
    let text_w = if side {
        inner - LOG_SIDE_MM - 4.0
    } else {
        inner
    };
    // The image floats at the top right of the text.
    let img_h = if c.image { img * 0.75 + 1.0 } else { 0.0 };
    let mut y = 0.0;
    let para = |y: &mut f32, width: f32, runs: &[(&str, f32, bool)], after: f32| {
        // A paragraph starting a little above the image's bottom is narrowed too.
        let narrow = if *y < img_h + 2.0 { img + 2.0 } else { 0.0 };
        let n = lines_of_runs(runs, width - narrow);
        *y += n as f32 * line_mm(runs[0].1) + after;
    };
    // The section name sits on the card's top border and takes no room.
    // The number badge takes about two characters; equipment follows the title.
    // The equipment does not break across lines.
    let equipment = format!("·\u{a0}{}", c.equipment.replace(' ', "\u{a0}"));
    let title_w = text_w - if img_h > 0.0 { img + 2.0 } else { 0.0 };
    let equipment_pt = (fs * 1.1 * 0.82).max(small);
    let runs = [
        ("00", fs * 1.1, true),
        (c.title.as_str(), fs * 1.1, true),
        (&equipment, equipment_pt, false),
    ];
    y += lines_of_runs(&runs, title_w) as f32 * line_mm(fs * 1.1);
    para(&mut y, text_w, &[(&c.dosage, fs, true)], 0.6);
    if !c.note.is_empty() {
        para(&mut y, text_w, &[(&c.note, fs, false)], 0.6);
    }
    if sheet.full && !c.intro.is_empty() {
        let runs = [
            ("Starting position:", fs, true),
            (c.intro.as_str(), fs, false),
        ];
        y += lines_of_runs(&runs, text_w) as f32 * line_mm(fs) + 1.5;
    }
    let top = y;
    let indent = fs * 1.3 * MM_PER_PT;
    let mut steps = Vec::with_capacity(c.steps.len());
    let mut steps_more = Vec::with_capacity(c.steps.len());
    for s in &c.steps {
        // As `para` does; the last step shown may end with "(+3 more)",
        // which goes on wrapping where the step ends.
        let narrow = if y < img_h + 2.0 { img + 2.0 } else { 0.0 };
        let mut wrap = Wrap::new(text_w - indent - narrow);
        wrap.add(s, fs, false);
        let mut more = wrap;
        more.add(MORE_STEPS, fs, false);
        steps_more.push(y + more.count as f32 * line_mm(fs));
        y += wrap.count as f32 * line_mm(fs);
        steps.push(y);
    }
    let mut no_steps = top;
    para(&mut no_steps, text_w, &[(NO_STEPS, fs, false)], 0.6);
    // QR codes (all the steps, video) beside the cautions.
    let caption = format!("All {} steps", c.steps.len());
    let step_code = mini + lines(&caption, mini, small, false) as f32 * line_mm(small) + 1.0;
    let video_code = mini + line_mm(small) + 1.0;
    let shown = if sheet.full { c.cautions.len() } else { 1 };
    let cautions = |width: f32| -> f32 {
        c.cautions
            .iter()
            .take(shown)
            .map(|k| {
                let runs = [("Take care:", fs, true), (k.as_str(), fs, false)];
                lines_of_runs(&runs, width) as f32 * line_mm(fs)
            })
            .sum()
    };
    CardParts {
        top,
        steps,
        steps_more,
        no_steps,
        img_h,
        step_code,
        video_code,
        cautions_beside: if side {
            cautions(text_w)
        } else {
            cautions(inner - mini - 2.0)
        },
        cautions_full: cautions(text_w),
        side,
    }
}

impl CardParts {
    /// The card's height with `l.max_steps` steps shown.
    fn height(&self, c: &CardText, l: &Layout, sheet: &SheetText) -> f32 {
        let trimmed = c.steps.len() > l.max_steps;
        let step_codes = trimmed && sheet.qr && l.step_codes();
        let shown = c.steps.len().min(l.max_steps);
        let mut y = match shown {
            0 if trimmed && !step_codes => self.no_steps,
            0 => self.top,
            _ if trimmed && !step_codes => self.steps_more[shown - 1],
            _ => self.steps[shown - 1],
        };
        if sheet.full {
            y += 1.5;
        }
        let main = y.max(self.img_h);
        let mut codes = 0.0;
        if step_codes {
            codes += self.step_code;
        }
        if c.video {
            codes += self.video_code;
        }
        let cautions = if codes > 0.0 {
            self.cautions_beside
        } else {
            self.cautions_full
        };
        let log = log_height(l, sheet.full);
        let body = if self.side {
            main.max(log) + cautions.max(codes)
        } else if l.columns == 2 {
            // The QR codes sit beside the cautions and the log.
            main + (cautions + 1.5 + log).max(codes)
        } else {
            main + cautions.max(codes) + 1.5 + log
        };
        body + 2.0 * pad(l).1
    }
}

/// As long as the longer "more steps" note of the template.
const MORE_STEPS: &str = "(+3 more)";
/// As long as the note that stands in for the steps when none are shown.
const NO_STEPS: &str = "10 steps: scan the code at the top";
/// Width of the log column beside the text in one-column layouts (mirrors sheet.css).
const LOG_SIDE_MM: f32 = 64.0;

/// Height of the tick-box log: one row of boxes per week (mirrors `--row`).
fn log_height(l: &Layout, full: bool) -> f32 {
    let row = match l.density {
        _ if full => 8.0,
        0 => 10.0,
        1 | 2 => 5.5,
        _ => 5.0,
    };
    l.weeks as f32 * (row + 0.3) + 0.3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(steps: usize, step_len: usize) -> CardText {
        CardText {
            title: "Thoracic extension on a chair".into(),
            dosage: "2–3 sets of 10–15 reps · hold 2–3 seconds · 2–3 times a day".into(),
            equipment: "Equipment: Chair".into(),
            cautions: vec!["Stop if you feel pain spreading into your arm or hand.".into()],
            steps: (0..steps).map(|_| "word ".repeat(step_len / 5)).collect(),
            ..CardText::default()
        }
    }

    fn sheet() -> SheetText {
        SheetText {
            title: "Desk reset".into(),
            goal: "Mobility · do it daily · 8 exercises".into(),
            summary: "Six quick moves to undo a long spell at a screen.".into(),
            qr: true,
            ..SheetText::default()
        }
    }

    #[test]
    fn more_exercises_need_denser_layouts() {
        let area = Area::of(Paper::Letter);
        let d = |n: usize| {
            choose(area, &sheet(), &vec![card(5, 60); n])
                .layout()
                .density
        };
        assert_eq!(d(2), 1);
        assert!(d(6) <= 2, "up to six exercises keep 11 pt text");
        assert!(d(8) >= 3);
        assert!(matches!(
            choose(area, &sheet(), &vec![card(5, 60); 12]),
            Fit::One(_)
        ));
    }

    #[test]
    fn too_many_exercises_say_how_many_fit() {
        let area = Area::of(Paper::A4);
        match choose(area, &sheet(), &vec![card(5, 60); 24]) {
            Fit::Over { layout, fits } => {
                assert_eq!(layout.density, 4);
                assert!((10..24).contains(&fits), "{fits}");
            }
            f => panic!("{f:?}"),
        }
    }

    #[test]
    fn six_exercises_never_go_below_eleven_points() {
        let area = Area::of(Paper::Letter);
        let long = vec![card(6, 200); 6];
        assert!(choose(area, &sheet(), &long).layout().font_pt >= 11.0);
    }

    /// `choose` as it was before the densest layouts were tried first:
    /// every layout measured, in order.
    fn choose_trying_every_layout(area: Area, sheet: &SheetText, cards: &[CardText]) -> Fit {
        let most_steps = cards.iter().map(|c| c.steps.len()).max().unwrap_or(1);
        let layouts = routine_layouts(cards.len(), most_steps, sheet.qr);
        let room = area.height - SLACK_MM;
        let measured: Vec<(Around, Vec<f32>)> = layouts
            .iter()
            .map(|l| {
                let col_w = column_mm(area.width, l);
                let hs = cards
                    .iter()
                    .map(|c| card_height(col_w, c, l, sheet))
                    .collect();
                (around(area, sheet, l), hs)
            })
            .collect();
        for (l, (rest, hs)) in layouts.iter().zip(&measured) {
            if rest.height(hs, l) <= room {
                return Fit::One(*l);
            }
        }
        let densest = layouts.last().map_or(0, |l| l.density);
        let (dense, fits) = layouts
            .iter()
            .zip(&measured)
            .filter(|(l, _)| l.density == densest && l.max_steps <= 1 && !l.roomy)
            .map(|(l, (rest, hs))| {
                let k = (0..cards.len())
                    .rev()
                    .find(|&k| rest.height(&hs[..k], l) <= room)
                    .unwrap_or(0);
                (*l, k)
            })
            .max_by_key(|&(_, k)| k)
            .unwrap_or((LARGE, 0));
        let layout = layouts
            .iter()
            .zip(&measured)
            .find(|(l, (rest, hs))| {
                let tallest = hs.iter().copied().fold(0.0, f32::max);
                rest.height(hs, l) <= 2.0 * room - tallest
            })
            .map(|(l, _)| *l)
            .unwrap_or(dense);
        Fit::Over { layout, fits }
    }

    #[test]
    fn trying_the_densest_layouts_first_chooses_as_trying_all() {
        let mut overflowing = 0;
        let mut tried = 0;
        for paper in [Paper::A4, Paper::Letter] {
            let area = Area::of(paper);
            for n in 1..=16 {
                for steps in [1, 3, 6, 9] {
                    for step_len in [20, 90, 250] {
                        for qr in [true, false] {
                            // Cards that differ: some with images, videos,
                            // notes and longer titles.
                            let cards: Vec<CardText> = (0..n)
                                .map(|i| {
                                    let mut c = card(1 + (steps + i) % steps.max(1), step_len);
                                    c.image = i % 3 == 0;
                                    c.video = i % 4 == 1;
                                    if i % 5 == 2 {
                                        c.note =
                                            "Go slowly at first and build up over a week.".into();
                                        c.title =
                                            "Seated thoracic extension over the chair back".into();
                                    }
                                    c
                                })
                                .collect();
                            let sheet = SheetText { qr, ..sheet() };
                            let expected = choose_trying_every_layout(area, &sheet, &cards);
                            overflowing += usize::from(matches!(expected, Fit::Over { .. }));
                            tried += 1;
                            assert_eq!(
                                choose(area, &sheet, &cards),
                                expected,
                                "{n} cards, {steps} steps of {step_len} characters, qr {qr}"
                            );
                        }
                    }
                }
            }
        }
        assert!(
            overflowing > 20 && overflowing < tried - 20,
            "{overflowing} of {tried}"
        );
    }
}
