//! What a printed sheet shows: its exercises as numbered cards, cut down to
//! the layout the fit estimate picked (`sheet_fit`), with QR codes to the
//! pages online and to videos. Templates get it as `sheet`.

use super::sheet_fit::{self, Area, CardText, Fit, Layout, SheetText};
use super::views::{ExerciseView, RoutineView};
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::markdown::Rendered;
use crate::site::Site;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

/// A printed sheet: the layout and the exercise cards.
#[derive(Debug, Clone, Serialize)]
pub struct SheetView {
    /// `density` (CSS class `density-N`, 0 for large print), `columns`, `font_pt`,
    /// `max_steps`, `weeks`, `roomy` (notes box and introduction shown).
    #[serde(flatten)]
    pub layout: Layout,
    /// False when the sheet needs more than one page.
    pub fits: bool,
    pub large: bool,
    /// 1..=weeks: the rows of each tick-box log.
    pub week_rows: Vec<usize>,
    /// Goal line under the title, e.g. "Mobility · do it daily · 6 exercises".
    pub goal: String,
    /// The routine's first paragraph as plain text (shown in roomy layouts).
    pub intro: String,
    /// The page's absolute address online, or empty without an absolute `base_url`.
    pub page_url: String,
    /// Small print at the bottom: clinic address and the address online.
    pub footer: String,
    pub cards: Vec<SheetCard>,
}

/// One exercise on a sheet.
#[derive(Debug, Clone, Serialize)]
pub struct SheetCard {
    pub number: usize,
    /// Section name on the first exercise of a section, else empty.
    pub section: String,
    pub title: String,
    /// Patient wording, after the routine's overrides.
    pub dosage: String,
    /// The routine's note for this exercise.
    pub note: String,
    /// "Wall, Chair" or "No equipment", printed after the title.
    pub equipment: String,
    /// The exercise needs equipment (exercise sheets say "Equipment: …").
    pub needs_equipment: bool,
    /// Starting position (HTML), on exercise sheets and large print.
    pub intro: String,
    /// The steps shown (HTML without links).
    pub steps: Vec<String>,
    /// Steps left out to fit the page.
    pub more_steps: usize,
    /// Cautions printed: the key caution, or all of them on exercise sheets.
    pub cautions: Vec<String>,
    pub image: Option<String>,
    pub image_alt: String,
    /// QR code (SVG) to the exercise page, when steps were left out.
    pub qr_steps: Option<String>,
    /// QR code (SVG) to the exercise's video.
    pub qr_video: Option<String>,
}

/// Everything the estimate and the view need from one exercise.
struct Item<'a> {
    number: usize,
    section: &'a str,
    exercise: &'a ExerciseView,
    dosage: &'a str,
    note: &'a str,
}

fn items(r: &RoutineView) -> Vec<Item<'_>> {
    r.sections
        .iter()
        .flat_map(|s| {
            s.items.iter().enumerate().map(move |(k, it)| Item {
                number: it.number,
                section: if k == 0 { &s.name } else { "" },
                exercise: &it.exercise,
                dosage: &it.dosage,
                note: &it.note,
            })
        })
        .collect()
}

fn routine_goal(r: &RoutineView) -> String {
    let mut goal = r.goal_label.clone();
    if !r.frequency.is_empty() {
        goal.push_str(&format!(" · do it {}", r.frequency));
    }
    let n = r.exercise_count;
    goal.push_str(&format!(" · {n} exercise{}", if n == 1 { "" } else { "s" }));
    goal
}

fn exercise_goal(e: &ExerciseView) -> String {
    let regions: Vec<&str> = e.region.iter().map(|t| t.label.as_str()).collect();
    format!(
        "{} · {} · {}",
        e.category.label,
        e.position.label,
        regions.join(", ")
    )
}

fn equipment(e: &ExerciseView) -> String {
    let list: Vec<&str> = e
        .equipment
        .iter()
        .filter(|t| t.term != "none")
        .map(|t| t.label.as_str())
        .collect();
    if list.is_empty() {
        "No equipment".into()
    } else {
        list.join(", ")
    }
}

/// The clinic's name, phone and website as the header prints them.
fn clinic_lines(cfg: &Config) -> Vec<String> {
    let c = &cfg.clinic;
    let mut out = vec![if c.name.is_empty() {
        cfg.title.clone()
    } else {
        c.name.clone()
    }];
    if !c.phone.is_empty() {
        out.push(format!("Phone {}", c.phone));
    }
    if !c.website.is_empty() {
        let site = c.website.trim_start_matches("https://");
        out.push(
            site.trim_start_matches("http://")
                .trim_end_matches('/')
                .to_string(),
        );
    }
    out
}

fn footer(cfg: &Config, page_url: &str) -> String {
    let mut parts = Vec::new();
    if !cfg.clinic.address.is_empty() {
        parts.push(cfg.clinic.address.clone());
    }
    if !page_url.is_empty() {
        let shown = page_url
            .trim_start_matches("https://")
            .trim_start_matches("http://");
        parts.push(format!("Online: {shown}"));
    }
    parts.join(" · ")
}

fn card_text(it: &Item, full: bool) -> CardText {
    let e = it.exercise;
    let mut cautions = e.cautions.clone();
    if !full {
        cautions.truncate(1);
    }
    CardText {
        section: it.section.to_string(),
        title: e.title.clone(),
        dosage: it.dosage.to_string(),
        note: it.note.to_string(),
        equipment: equipment(e),
        cautions,
        steps: e.steps.iter().map(|s| plain(s)).collect(),
        intro: plain(&e.intro),
        image: e.image.is_some(),
        video: e.video.is_some(),
    }
}

fn page_url(cfg: &Config, url: &str) -> String {
    if cfg.has_absolute_base_url() {
        format!("{}{url}", cfg.base_url_slash())
    } else {
        String::new()
    }
}

fn sheet_text(cfg: &Config, title: &str, goal: &str, summary: &str, url: &str) -> SheetText {
    SheetText {
        title: title.to_string(),
        goal: goal.to_string(),
        summary: summary.to_string(),
        intro: String::new(),
        cautions: String::new(),
        clinic: clinic_lines(cfg),
        phone: cfg.clinic.phone.clone(),
        footer: footer(cfg, &page_url(cfg, url)),
        qr: cfg.has_absolute_base_url(),
        logo: cfg.clinic.logo.as_deref().is_some_and(|l| !l.is_empty()),
        full: false,
    }
}

/// The layout of a routine's one-page sheet, and whether it fits.
fn routine_fit(cfg: &Config, r: &RoutineView, intro: &str) -> Fit {
    let mut text = sheet_text(cfg, &r.title, &routine_goal(r), &r.summary, &r.url);
    text.intro = plain(intro);
    text.cautions = r.cautions.join(" ");
    let cards: Vec<CardText> = items(r).iter().map(|it| card_text(it, false)).collect();
    sheet_fit::choose(Area::of(cfg.paper), &text, &cards)
}

/// A routine sheet's layout, and a warning when it cannot fit one page.
pub type Fitted = (Fit, Option<Diagnostic>);

/// The sheet layout of every routine, each worked out once per build: the
/// warnings are collected before rendering, and the sheets reuse the layout.
pub fn fits(
    site: &Site,
    routines: &[RoutineView],
    bodies: &HashMap<usize, Arc<Rendered>>,
) -> Vec<Fitted> {
    use rayon::prelude::*;
    (0..routines.len())
        .into_par_iter()
        .map(|i| fit(site, i, &routines[i], bodies))
        .collect()
}

/// The sheet layout of routine `i` (whose view is `v`), with a warning if
/// its sheet overflows.
pub fn fit(
    site: &Site,
    i: usize,
    v: &RoutineView,
    bodies: &HashMap<usize, Arc<Rendered>>,
) -> Fitted {
    let r = &site.content.routines[i];
    let intro = bodies.get(&r.src).map_or("", |b| b.intro.as_str());
    let fit = routine_fit(&site.config, v, intro);
    let warning = routine_warning(&site.config, v, &site.content.files[r.src].display, fit);
    (fit, warning)
}

fn routine_warning(cfg: &Config, r: &RoutineView, file: &str, fit: Fit) -> Option<Diagnostic> {
    match fit {
        Fit::One(_) => None,
        Fit::Over { fits, .. } => {
            let n = r.exercise_count;
            let moved = n.saturating_sub(fits).max(1);
            Some(
                Diagnostic::warning(
                    file,
                    format!(
                        "the printable sheet of this routine does not fit on one {:?} page: {n} exercises, about {fits} fit",
                        cfg.paper
                    ),
                )
                .field("sections")
                .kind("sheet_over_one_page")
                .help(format!(
                    "move {moved} exercise{} to another routine (or shorten their steps); the sheet now prints on two pages",
                    if moved == 1 { "" } else { "s" }
                )),
            )
        }
    }
}

/// The sheet of a routine (`large`: the large-print version), with its
/// layout from `fits` when known.
pub fn routine_sheet(
    cfg: &Config,
    r: &RoutineView,
    intro: &str,
    large: bool,
    known: Option<Fit>,
) -> SheetView {
    let fit = if large {
        Fit::One(sheet_fit::LARGE)
    } else {
        known.unwrap_or_else(|| routine_fit(cfg, r, intro))
    };
    let cards = items(r)
        .iter()
        .map(|it| card(cfg, it, &fit.layout(), large))
        .collect();
    view(
        cfg,
        fit,
        &r.url,
        routine_goal(r),
        plain(intro),
        cards,
        large,
    )
}

/// The sheet of one exercise.
pub fn exercise_sheet(cfg: &Config, e: &ExerciseView) -> SheetView {
    let item = Item {
        number: 1,
        section: "",
        exercise: e,
        dosage: &e.dosage,
        note: "",
    };
    let goal = exercise_goal(e);
    let text = SheetText {
        full: true,
        ..sheet_text(cfg, &e.title, &goal, &e.summary, &e.url)
    };
    let fit = sheet_fit::choose(Area::of(cfg.paper), &text, &[card_text(&item, true)]);
    let cards = vec![card(cfg, &item, &fit.layout(), true)];
    view(cfg, fit, &e.url, goal, String::new(), cards, false)
}

fn view(
    cfg: &Config,
    fit: Fit,
    url: &str,
    goal: String,
    intro: String,
    cards: Vec<SheetCard>,
    large: bool,
) -> SheetView {
    let layout = fit.layout();
    let page_url = page_url(cfg, url);
    SheetView {
        layout,
        fits: matches!(fit, Fit::One(_)),
        large,
        week_rows: (1..=layout.weeks).collect(),
        goal,
        intro,
        footer: footer(cfg, &page_url),
        page_url,
        cards,
    }
}

fn card(cfg: &Config, it: &Item, l: &Layout, full: bool) -> SheetCard {
    let e = it.exercise;
    let shown = e.steps.len().min(l.max_steps);
    let more = e.steps.len() - shown;
    let mut cautions = e.cautions.clone();
    if !full {
        cautions.truncate(1);
    }
    SheetCard {
        number: it.number,
        section: it.section.to_string(),
        title: e.title.clone(),
        dosage: it.dosage.to_string(),
        note: it.note.to_string(),
        equipment: equipment(e),
        needs_equipment: e.equipment.iter().any(|t| t.term != "none"),
        intro: if full {
            unlink(&e.intro)
        } else {
            String::new()
        },
        steps: e.steps[..shown].iter().map(|s| unlink(s)).collect(),
        more_steps: more,
        cautions,
        image: e.image.clone(),
        image_alt: e.image_alt.clone(),
        qr_steps: (more > 0 && l.step_codes())
            .then(|| crate::qr::svg_for(cfg, &e.url))
            .flatten(),
        qr_video: e
            .video
            .as_deref()
            .filter(|v| v.starts_with("https://") || v.starts_with("http://"))
            .map(crate::qr::svg),
    }
}

/// HTML without its `<a>` tags (links lead nowhere on paper, and the sheet
/// lives in another folder than the page they were written for).
fn unlink(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tag_end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
        let tag = &rest[i..tag_end];
        if !(tag.starts_with("<a ") || tag.starts_with("<a>") || tag == "</a>") {
            out.push_str(tag);
        }
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    out
}

/// Text of an HTML fragment, without tags, with the common entities decoded.
fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    if !out.contains('&') {
        return out;
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_become_text() {
        assert_eq!(
            unlink(r#"Lie <a href="../x.html">on the <em>mat</em></a>."#),
            "Lie on the <em>mat</em>."
        );
        assert_eq!(unlink("<abbr>T</abbr>"), "<abbr>T</abbr>");
        assert_eq!(plain("a &amp; <strong>b</strong>"), "a & b");
    }
}
