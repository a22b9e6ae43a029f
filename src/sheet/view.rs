//! What the sheet templates get as `sheet`: the texts, and for each mode
//! (standard and large print) its layout and pages, each page with the
//! parts of cards it prints.

use super::fit::{classes, Fitted, Plan};
use super::model::More;
use super::paginate::Part;
use super::texts::{more_text, SheetTexts};
use super::words::{fill, Words};
use serde::Serialize;

/// One card (or part of one) on a page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PartView {
    /// Index into `sheet.cards`.
    pub card: usize,
    pub first: bool,
    pub last: bool,
    /// The steps printed here, and the number of the first.
    pub steps: Vec<String>,
    pub start: usize,
    /// "3 more steps: …" when steps are left out, on the last part.
    pub more: String,
    /// The card's own QR code to all its steps.
    pub qr_steps: bool,
    /// QR codes beside the cautions (all steps, video).
    pub codes: bool,
    /// The cautions printed (on the last part).
    pub cautions: Vec<String>,
}

/// One printed page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PageView {
    pub number: usize,
    /// "Page 2 of 3", empty on a sheet of one page.
    pub label: String,
    /// The running head of a later page: title, page, phone.
    pub head: String,
    pub first: bool,
    pub last: bool,
    /// The columns, left to right.
    pub columns: Vec<ColumnView>,
}

/// One column of a page: its cards (or parts of cards), top to bottom.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ColumnView {
    pub parts: Vec<PartView>,
}

/// One mode of the sheet.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ModeView {
    pub large: bool,
    /// The mode element's classes (they pick the sizes in `sheet.css`).
    pub class: String,
    pub density: u8,
    pub columns: usize,
    pub font_pt: f32,
    pub roomy: bool,
    pub images: bool,
    pub notes: bool,
    pub weeks: usize,
    /// The label of each log row ("Wk 1" …).
    pub week_rows: Vec<String>,
    pub count: usize,
    /// The densest layout the browser may switch to (`sheet.js`).
    pub min_density: u8,
    /// The running head with `{page}` for the page number (`sheet.js`).
    pub head: String,
    pub pages: Vec<PageView>,
}

/// A printed sheet. Templates get it as `sheet`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SheetView {
    #[serde(flatten)]
    pub texts: SheetTexts,
    /// Every QR code of the sheet, drawn once (SVG symbols) and shown by
    /// reference in both modes.
    pub symbols: Vec<Symbol>,
    /// The QR code to the page online.
    pub qr: Option<Code>,
    /// Each card's QR codes to its page and its video.
    pub card_codes: Vec<(Option<Code>, Option<Code>)>,
    /// `@page` margin and the printable height, mm.
    pub margin_mm: f32,
    pub page_h_mm: f32,
    /// The toolbar's message.
    pub status: String,
    pub regular: ModeView,
    pub large: ModeView,
}

/// A QR code drawn once in the sheet.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Symbol {
    pub id: String,
    pub view_box: String,
    /// The SVG elements inside it.
    pub inner: String,
}

/// A reference to a drawn QR code.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Code {
    pub id: String,
    pub view_box: String,
}

/// Draws `svg` (a whole `<svg>` element) once among `symbols`.
fn symbol(symbols: &mut Vec<Symbol>, svg: String) -> Option<Code> {
    let vb = svg
        .split("viewBox=\"")
        .nth(1)?
        .split('"')
        .next()?
        .to_string();
    let start = svg.find('>')? + 1;
    let end = svg.rfind("</svg>")?;
    let inner = svg.get(start..end)?.to_string();
    if let Some(s) = symbols.iter().find(|s| s.inner == inner) {
        return Some(Code {
            id: s.id.clone(),
            view_box: s.view_box.clone(),
        });
    }
    let id = format!("qr{}", symbols.len() + 1);
    symbols.push(Symbol {
        id: id.clone(),
        view_box: vb.clone(),
        inner,
    });
    Some(Code { id, view_box: vb })
}

/// A running head: title, page, phone.
pub(crate) fn runhead(t: &SheetTexts, label: &str) -> String {
    [t.title.as_str(), label, t.phone_line.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

fn mode(t: &SheetTexts, words: &Words, plan: &Plan, qr: bool) -> ModeView {
    let l = plan.layout;
    let large = l.large();
    let count = plan.pages.len();
    let step_codes = qr && l.columns <= 2;
    let kind = if !qr {
        More::Online
    } else if step_codes {
        More::Beside
    } else {
        More::Page
    };
    let pages = plan
        .pages
        .iter()
        .enumerate()
        .zip(&plan.columns)
        .map(|((i, parts), cuts)| {
            let label = if count > 1 {
                fill(
                    &words.page_of,
                    &[("n", &(i + 1).to_string()), ("m", &count.to_string())],
                )
            } else {
                String::new()
            };
            PageView {
                number: i + 1,
                head: runhead(t, &label),
                label,
                first: i == 0,
                last: i + 1 == count,
                columns: {
                    let mut rest = parts.as_slice();
                    cuts.iter()
                        .map(|&k| {
                            let (col, tail) = rest.split_at(k.min(rest.len()));
                            rest = tail;
                            ColumnView {
                                parts: col
                                    .iter()
                                    .map(|p| part(t, words, plan, p, kind, step_codes))
                                    .collect(),
                            }
                        })
                        .collect()
                },
            }
        })
        .collect();
    let n = t.cards.len();
    ModeView {
        large,
        class: format!(
            "{}{}",
            classes(&l, t.single).join(" "),
            if large {
                String::new()
            } else {
                format!(" sheet-regular cols-{}", l.columns)
            }
        ),
        density: l.density,
        columns: l.columns,
        font_pt: plan.sizes.fs_pt(),
        roomy: l.roomy,
        images: l.images,
        notes: l.notes,
        weeks: l.weeks,
        week_rows: (1..=l.weeks)
            .map(|w| fill(&words.week, &[("n", &w.to_string())]))
            .collect(),
        count,
        min_density: if t.single || n <= 6 { 2 } else { 4 },
        head: runhead(t, "{page}"),
        pages,
    }
}

fn part(
    t: &SheetTexts,
    words: &Words,
    plan: &Plan,
    p: &Part,
    kind: More,
    step_codes: bool,
) -> PartView {
    let c = &t.cards[p.card];
    let shown = plan.shown[p.card].min(c.steps.len());
    let to = p.to.min(shown);
    let from = p.from.min(to);
    let cut = shown < c.steps.len();
    let own_code = p.last && cut && step_codes;
    let all_cautions = t.single || plan.layout.large();
    let cautions = if !p.last {
        Vec::new()
    } else if all_cautions {
        c.cautions.clone()
    } else {
        c.cautions.iter().take(1).cloned().collect()
    };
    PartView {
        card: p.card,
        first: p.first,
        last: p.last,
        steps: c.steps[from..to].to_vec(),
        start: from + 1,
        more: if p.last && cut {
            more_text(words, kind, c.steps.len() - shown)
        } else {
            String::new()
        },
        qr_steps: own_code,
        codes: p.last && (own_code || c.video.is_some()),
        cautions,
    }
}

/// The sheet view of fitted texts.
pub(crate) fn view(
    t: SheetTexts,
    words: &Words,
    fitted: &Fitted,
    paper: &str,
    paper_h: f32,
) -> SheetView {
    let qr = !t.page_url.is_empty();
    let regular = mode(&t, words, &fitted.regular, qr);
    let large = mode(&t, words, &fitted.large, qr);
    let margin = fitted.regular.sizes.page_margin;
    let step_codes = qr && fitted.regular.layout.columns <= 2;
    let mut symbols = Vec::new();
    let page_qr = if qr {
        symbol(&mut symbols, crate::qr::svg(&t.page_url))
    } else {
        None
    };
    let card_codes = t
        .cards
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let cut = fitted.regular.shown[i] < c.steps.len();
            let steps = if cut && step_codes {
                symbol(&mut symbols, crate::qr::svg(&page_link(&t, &c.url)))
            } else {
                None
            };
            let video = c
                .video
                .as_deref()
                .and_then(|v| symbol(&mut symbols, crate::qr::svg(v)));
            (steps, video)
        })
        .collect();
    let mut status = if regular.count == 1 {
        words.fits.clone()
    } else {
        fill(&words.pages, &[("n", &regular.count.to_string())])
    };
    status.push(' ');
    status.push_str(&words.large_pages.of(large.count));
    status.push(' ');
    status.push_str(&words.print_at);
    let status = fill(&status, &[("paper", paper)]);
    SheetView {
        qr: page_qr,
        card_codes,
        symbols,
        margin_mm: margin,
        page_h_mm: paper_h - 2.0 * margin,
        status,
        regular,
        large,
        texts: t,
    }
}

/// The absolute address of a site-relative page, given the sheet's own.
fn page_link(t: &SheetTexts, url: &str) -> String {
    match t.page_url.strip_suffix(&t.back_url) {
        Some(base) => format!("{base}{url}"),
        None => url.to_string(),
    }
}
