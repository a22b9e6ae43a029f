//! Choosing a sheet's layout, by the lengths of its texts:
//!
//! - a routine of up to 6 exercises prints every step at 11 pt or more,
//!   up to 10 every step at 9 pt or more (in columns if need be): the
//!   roomiest layout that fits one page wins, where the notes box, then
//!   the pictures, then the routine's notes go before the text gets smaller;
//! - 11 to 15 exercises that do not fit so: a compact page with as many
//!   whole steps of each exercise as fit, a note and a QR code for the rest;
//! - anything longer: every step, on as few pages as it takes.
//!
//! Large print (16 pt, one exercise after another, every step) is laid out
//! on as few pages as it takes, pictures and the notes box dropped first.

use super::height::{CardParts, Geometry, Layout};
use super::model::SheetModel;
use super::paginate::{self, Pages};
use super::style::{SheetStyle, Sizes};

/// Room left free at the foot of each page for rounding in browsers, mm.
const SLACK_MM: f32 = 3.0;

/// A page size, mm.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Paper {
    pub width: f32,
    pub height: f32,
}

impl Paper {
    pub(crate) fn of(p: crate::config::Paper) -> Paper {
        match p {
            crate::config::Paper::A4 => Paper {
                width: 210.0,
                height: 297.0,
            },
            crate::config::Paper::Letter => Paper {
                width: 215.9,
                height: 279.4,
            },
        }
    }
}

/// How one mode of a sheet prints.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Plan {
    pub layout: Layout,
    pub sizes: Sizes,
    /// Steps printed of each card (all of them unless compact).
    pub shown: Vec<usize>,
    pub pages: Pages,
    /// How many of each page's parts each column takes.
    pub columns: Vec<Vec<usize>>,
}

impl Plan {
    pub(crate) fn pages(&self) -> usize {
        self.pages.len()
    }
}

/// Both modes of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fitted {
    pub regular: Plan,
    pub large: Plan,
}

/// The classes of a mode's element, which pick its sizes in `sheet.css`.
pub(crate) fn classes(l: &Layout, single: bool) -> Vec<&'static str> {
    super::style::mode_classes(l.density, single)
}

/// Measures a sheet in many layouts, keeping each layout's card parts.
struct Fitter<'a> {
    m: &'a SheetModel,
    style: &'a SheetStyle,
    paper: Paper,
    /// Card parts by (density, columns, images, notes).
    parts: Vec<(PartsKey, Vec<CardParts>)>,
}

/// What card parts depend on: density, columns, images, notes.
type PartsKey = (u8, usize, bool, bool);

impl<'a> Fitter<'a> {
    fn geometry(&self, l: Layout) -> Geometry<'a> {
        let sizes = self.style.mode(l.density, self.m.single);
        Geometry::new(self.m, sizes, l, self.paper.width)
    }

    fn room(&self, g: &Geometry) -> f32 {
        self.paper.height - 2.0 * g.s.page_margin - SLACK_MM
    }

    fn parts_at(&mut self, g: &Geometry) -> usize {
        let l = g.l;
        let key = (l.density, l.columns, l.images, l.notes);
        if let Some(i) = self.parts.iter().position(|(k, _)| *k == key) {
            return i;
        }
        let parts = self.m.cards.iter().map(|c| g.card_parts(c)).collect();
        self.parts.push((key, parts));
        self.parts.len() - 1
    }

    fn heights(&mut self, g: &Geometry, shown: &[usize]) -> (usize, Vec<f32>) {
        let at = self.parts_at(g);
        let parts = &self.parts[at].1;
        let hs = self
            .m
            .cards
            .iter()
            .zip(parts)
            .zip(shown)
            .map(|((c, p), &k)| g.card(c, p, k))
            .collect();
        (at, hs)
    }

    fn all_steps(&self) -> Vec<usize> {
        self.m.cards.iter().map(|c| c.steps.len()).collect()
    }

    /// The plan of `l` if every card fits whole on one page.
    fn one_page(&mut self, l: Layout, shown: &[usize]) -> Option<Plan> {
        let g = self.geometry(l);
        let (_, hs) = self.heights(&g, shown);
        let pages = paginate::one_page(&g, &hs, shown, self.room(&g))?;
        Some(Plan {
            layout: l,
            sizes: g.s,
            shown: shown.to_vec(),
            columns: columns(&g, &pages, &hs),
            pages,
        })
    }

    /// The plan of `l` on as many pages as it takes.
    fn paged(&mut self, l: Layout, shown: &[usize]) -> Option<Plan> {
        if let Some(p) = self.one_page(l, shown) {
            return Some(p);
        }
        let g = self.geometry(l);
        let (at, hs) = self.heights(&g, shown);
        let pages = paginate::pages(&g, &self.parts[at].1, shown, &hs, self.room(&g))?;
        Some(Plan {
            layout: l,
            sizes: g.s,
            shown: shown.to_vec(),
            columns: columns(&g, &pages, &hs),
            pages,
        })
    }

    /// As many whole steps of each card as fit one page with `l`,
    /// a step at a time to each card in turn.
    fn compact(&mut self, l: Layout) -> Option<Plan> {
        let g = self.geometry(l);
        let at = self.parts_at(&g);
        let room = self.room(&g);
        let cards = &self.m.cards;
        let parts = &self.parts[at].1;
        let fixed = g.top_first(1) + g.end();
        let mut shown = vec![0; cards.len()];
        let mut hs: Vec<f32> = cards
            .iter()
            .zip(parts)
            .map(|(c, p)| g.card(c, p, 0))
            .collect();
        if fixed + g.rows(&hs) > room {
            if std::env::var("HANDOUT_SHEET_DEBUG").is_ok() {
                eprintln!(
                    "compact {l:?}: fixed {fixed:.1} rows {:.1} room {room:.1} cards {hs:.1?}",
                    g.rows(&hs)
                );
            }
            return None;
        }
        loop {
            let mut more = false;
            for i in 0..cards.len() {
                if shown[i] >= cards[i].steps.len() {
                    continue;
                }
                let before = hs[i];
                hs[i] = g.card(&cards[i], &parts[i], shown[i] + 1);
                if fixed + g.rows(&hs) <= room {
                    shown[i] += 1;
                    more = true;
                } else {
                    hs[i] = before;
                }
            }
            if !more {
                break;
            }
        }
        let pages = paginate::one_page(&g, &hs, &shown, room)?;
        Some(Plan {
            layout: l,
            sizes: g.s,
            columns: columns(&g, &pages, &hs),
            shown,
            pages,
        })
    }
}

/// Each page's parts split into the layout's columns (whole cards only;
/// a page with a part of a card has one column).
fn columns(g: &Geometry, pages: &Pages, hs: &[f32]) -> Vec<Vec<usize>> {
    pages
        .iter()
        .map(|page| {
            if page.iter().any(|p| !(p.first && p.last)) {
                return vec![page.len()];
            }
            let on: Vec<f32> = page.iter().map(|p| hs[p.card]).collect();
            super::height::split(&on, g.l.columns.max(1), g.s.gap)
        })
        .collect()
}

/// How good a layout is to read: bigger text, pictures, the routine's
/// notes, the notes box and longer logs count for it, more columns against.
fn score(l: &Layout, font_pt: f32) -> f32 {
    let cols = match l.columns {
        1 => 0.0,
        2 => 0.5,
        _ => 2.0,
    };
    2.0 * font_pt
        + 3.0 * f32::from(u8::from(l.images))
        + 4.0 * f32::from(u8::from(l.notes))
        + f32::from(u8::from(l.roomy))
        + 0.25 * l.weeks as f32
        - cols
}

/// Body text size of each density, pt (as `sheet.css` sets it).
fn font_pt(style: &SheetStyle, l: &Layout, single: bool) -> f32 {
    style.mode(l.density, single).fs_pt()
}

/// The standard layouts of a sheet, best first.
fn layouts(m: &SheetModel, style: &SheetStyle) -> Vec<Layout> {
    let n = m.cards.len();
    let any_image = m.cards.iter().any(|c| c.image);
    let any_note = m.cards.iter().any(|c| !c.note.is_empty());
    let densities: &[u8] = if m.single || n <= 6 {
        &[1, 2]
    } else {
        &[1, 2, 3, 4]
    };
    let columns: &[usize] = if m.single {
        &[1]
    } else if n == 1 {
        &[1, 2]
    } else {
        &[1, 2, 3]
    };
    let weeks: &[usize] = if m.single { &[6, 4, 2] } else { &[0] };
    let mut out = Vec::new();
    for &density in densities {
        for &columns in columns {
            for roomy in [true, false] {
                for images in [true, false] {
                    if images && !any_image {
                        continue;
                    }
                    for notes in [true, false] {
                        if notes && !any_note {
                            continue;
                        }
                        for &w in weeks {
                            out.push(Layout {
                                density,
                                columns,
                                roomy,
                                images,
                                notes,
                                weeks: if w > 0 {
                                    w
                                } else if columns == 1 {
                                    2
                                } else {
                                    1
                                },
                            });
                        }
                    }
                }
            }
        }
    }
    let mut scored: Vec<(f32, Layout)> = out
        .into_iter()
        .map(|l| (score(&l, font_pt(style, &l, m.single)), l))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().map(|(_, l)| l).collect()
}

/// A plan on one standard page, if the sheet fits one by the rules.
fn one_page(f: &mut Fitter, candidates: &[Layout]) -> Option<Plan> {
    let m = f.m;
    let all = f.all_steps();
    // The leanest layouts first: when none of them fits one page, no
    // roomier one does, and the others need not be measured.
    let densest = candidates.iter().map(|l| l.density).max().unwrap_or(2);
    let could_fit = candidates
        .iter()
        .filter(|l| is_lean(l) && l.density == densest)
        .filter(|l| !m.single || l.weeks == 2)
        .any(|l| f.one_page(*l, &all).is_some());
    if could_fit {
        for l in candidates {
            if let Some(p) = f.one_page(*l, &all) {
                return Some(p);
            }
        }
    }
    let n = m.cards.len();
    if m.single || !(11..=15).contains(&n) {
        return None;
    }
    let mut best: Option<Plan> = None;
    for density in [3, 4] {
        for columns in [2, 3] {
            let l = Layout {
                density,
                columns,
                roomy: false,
                images: false,
                notes: false,
                weeks: 1,
            };
            if let Some(p) = f.compact(l) {
                let steps: usize = p.shown.iter().sum();
                if best.as_ref().is_none_or(|b| steps > b.shown.iter().sum()) {
                    best = Some(p);
                }
            }
        }
    }
    best
}

fn is_lean(l: &Layout) -> bool {
    !l.roomy && !l.images && !l.notes
}

/// The standard-print plan of a sheet.
pub(crate) fn regular(m: &SheetModel, style: &SheetStyle, paper: Paper) -> Plan {
    let mut f = Fitter {
        m,
        style,
        paper,
        parts: Vec::new(),
    };
    let candidates = layouts(m, style);
    if let Some(p) = one_page(&mut f, &candidates) {
        return p;
    }
    // Every step, on as few pages as it takes: the lean layouts decide the
    // count, then the best layout that keeps it.
    let all = f.all_steps();
    let n = m.cards.len();
    let mut fewest: Option<Plan> = None;
    for l in candidates.iter().filter(|l| is_lean(l)) {
        if let Some(p) = f.paged(*l, &all) {
            if fewest.as_ref().is_none_or(|b| p.pages() < b.pages()) {
                fewest = Some(p);
            }
        }
    }
    if let Some(lean) = fewest {
        let (d, c) = (lean.layout.density, lean.layout.columns);
        for l in candidates
            .iter()
            .filter(|l| l.density == d && l.columns == c && !is_lean(l))
        {
            if let Some(p) = f.paged(*l, &all) {
                if p.pages() == lean.pages() {
                    return p;
                }
            }
        }
        return lean;
    }
    // No layout prints at all (cannot happen with one column).
    let l = candidates.last().copied().unwrap_or(Layout {
        density: 4,
        columns: 1,
        roomy: false,
        images: false,
        notes: false,
        weeks: 1,
    });
    let g = f.geometry(l);
    Plan {
        layout: l,
        sizes: g.s,
        columns: vec![vec![n]],
        shown: all.clone(),
        pages: vec![(0..n)
            .map(|card| paginate::Part {
                card,
                from: 0,
                to: all[card],
                first: true,
                last: true,
            })
            .collect()],
    }
}

/// The large-print plan of a sheet.
pub(crate) fn large(m: &SheetModel, style: &SheetStyle, paper: Paper) -> Plan {
    let mut f = Fitter {
        m,
        style,
        paper,
        parts: Vec::new(),
    };
    let all = f.all_steps();
    let any_image = m.cards.iter().any(|c| c.image);
    let weeks: &[usize] = if m.single { &[2, 1] } else { &[1] };
    let mut candidates = Vec::new();
    for images in [true, false] {
        if images && !any_image {
            continue;
        }
        for roomy in [true, false] {
            for &w in weeks {
                candidates.push(Layout {
                    density: 0,
                    columns: 1,
                    roomy,
                    images,
                    notes: true,
                    weeks: w,
                });
            }
        }
    }
    candidates.sort_by(|a, b| score(b, 16.0).total_cmp(&score(a, 16.0)));
    // The best layout that takes the fewest pages (one page ends the search).
    let mut best: Option<Plan> = None;
    for l in candidates {
        let Some(p) = f.paged(l, &all) else {
            continue;
        };
        if best.as_ref().is_none_or(|b| p.pages() < b.pages()) {
            let one = p.pages() == 1;
            best = Some(p);
            if one {
                break;
            }
        }
    }
    match best {
        Some(p) => p,
        None => regular(m, style, paper),
    }
}

/// Both plans of a sheet.
pub(crate) fn fit(m: &SheetModel, style: &SheetStyle, paper: Paper) -> Fitted {
    Fitted {
        regular: regular(m, style, paper),
        large: large(m, style, paper),
    }
}

/// How many of a routine's first exercises fit one standard page.
pub(crate) fn how_many_fit(m: &SheetModel, style: &SheetStyle, paper: Paper) -> usize {
    let fits = |k: usize| {
        let mut part = m.clone();
        part.cards.truncate(k);
        let candidates = layouts(&part, style);
        let mut f = Fitter {
            m: &part,
            style,
            paper,
            parts: Vec::new(),
        };
        one_page(&mut f, &candidates).is_some()
    };
    // Binary search on the count (fitting is monotone in it, as a rule).
    let (mut lo, mut hi) = (0, m.cards.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo
}

/// Debugging aid: the estimated parts of `l` (HANDOUT_SHEET_DEBUG).
pub(crate) fn debug(m: &SheetModel, style: &SheetStyle, paper: Paper, l: Layout) -> String {
    let mut f = Fitter {
        m,
        style,
        paper,
        parts: Vec::new(),
    };
    let g = f.geometry(l);
    let all = f.all_steps();
    let (_, hs) = f.heights(&g, &all);
    format!(
        "d{} c{} over {:.1}: top {:.1} rows {:.1} end {:.1} cards {:?}",
        l.density,
        l.columns,
        g.top_first(1) + g.rows(&hs) + g.end() - f.room(&g),
        g.top_first(1),
        g.rows(&hs),
        g.end(),
        hs.iter()
            .map(|h| (h * 10.0).round() / 10.0)
            .collect::<Vec<_>>()
    )
}
