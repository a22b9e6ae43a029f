//! The texts a sheet prints, worked out once from the page views and the
//! sheet words: the templates print these strings and the fitter measures
//! the very same ones (`model`).

mod html;
mod measure;

pub(crate) use html::{plain, unlink};
pub(crate) use measure::{model, more_text};

use super::red_flags;
use super::words::{fill, Words};
use crate::config::Config;
use crate::render::views::{ExerciseView, RoutineView};
use serde::Serialize;
use std::sync::Arc;

/// One exercise's texts on a sheet.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CardTexts {
    pub number: usize,
    /// Section name on the first exercise of a section, else empty.
    pub section: String,
    pub title: String,
    /// "Title (continued)", for a part on a later page.
    pub continued: String,
    /// Patient wording, after the routine's overrides.
    pub dosage: String,
    /// The routine's note for this exercise.
    pub note: String,
    /// "Wall, Chair", or the words for no equipment.
    pub equipment: String,
    pub needs_equipment: bool,
    /// Starting position (HTML without links).
    pub intro: String,
    /// Every step (HTML without links).
    pub steps: Vec<String>,
    pub cautions: Vec<String>,
    pub image: Option<String>,
    pub image_alt: String,
    /// The caption of the code to all the steps ("All 6 steps").
    pub all_steps: String,
    /// The log's label for screen readers.
    pub log_label: String,
    #[serde(skip)]
    pub video: Option<String>,
    #[serde(skip)]
    pub url: String,
    #[serde(skip)]
    pub plain_intro: String,
    #[serde(skip)]
    pub plain_steps: Vec<String>,
}

/// The texts of a whole sheet.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SheetTexts {
    pub single: bool,
    pub title: String,
    pub goal: String,
    pub summary: String,
    /// The routine's first paragraph as plain text.
    pub intro: String,
    /// The routine's cautions, one after another.
    pub cautions: String,
    pub clinic_name: String,
    /// " · Phone 555-0100 · clinic.example" after the name.
    pub clinic_rest: String,
    /// "Phone 555-0100", or empty.
    pub phone_line: String,
    /// The page's address online, or empty without an absolute `base_url`.
    pub page_url: String,
    /// Clinic address and the address online.
    pub footer: String,
    pub red_call: String,
    pub red_flags: Vec<String>,
    pub emergency: String,
    pub cards: Vec<CardTexts>,
    /// Where the sheet's "back" link goes (site-relative).
    pub back_url: String,
}

/// The clinic's name and the rest of the header's clinic line.
fn clinic(cfg: &Config, words: &Words) -> (String, String, String) {
    let c = &cfg.clinic;
    let name = if c.name.is_empty() {
        cfg.title.clone()
    } else {
        c.name.clone()
    };
    let phone = if c.phone.is_empty() {
        String::new()
    } else {
        fill(&words.phone, &[("phone", &c.phone)])
    };
    let mut rest = String::new();
    if !phone.is_empty() {
        rest.push_str(" · ");
        rest.push_str(&phone);
    }
    if !c.website.is_empty() {
        let site = c
            .website
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_end_matches('/');
        rest.push_str(" · ");
        rest.push_str(site);
    }
    (name, rest, phone)
}

fn page_url(cfg: &Config, url: &str) -> String {
    crate::site::routes::canonical(cfg, url).unwrap_or_default()
}

fn footer(cfg: &Config, words: &Words, page_url: &str) -> String {
    let mut parts = Vec::new();
    if !cfg.clinic.address.is_empty() {
        parts.push(cfg.clinic.address.clone());
    }
    if !page_url.is_empty() {
        let shown = page_url
            .trim_start_matches("https://")
            .trim_start_matches("http://");
        parts.push(fill(&words.online, &[("url", shown)]));
    }
    parts.join(" · ")
}

fn equipment(e: &ExerciseView, words: &Words) -> (String, bool) {
    let list: Vec<&str> = e
        .equipment
        .iter()
        .filter(|t| t.term != "none")
        .map(|t| t.label.as_str())
        .collect();
    if list.is_empty() {
        (words.no_equipment.clone(), false)
    } else {
        (list.join(", "), true)
    }
}

/// One exercise on a sheet: number, section, the routine's dosage and note.
pub(crate) struct Item<'a> {
    pub number: usize,
    pub section: &'a str,
    pub exercise: &'a ExerciseView,
    pub dosage: &'a str,
    pub note: &'a str,
}

fn card(it: &Item, words: &Words) -> CardTexts {
    let e = it.exercise;
    let (equipment, needs) = equipment(e, words);
    CardTexts {
        number: it.number,
        section: it.section.to_string(),
        title: e.title.clone(),
        continued: fill(&words.continued, &[("title", &e.title)]),
        dosage: it.dosage.to_string(),
        note: it.note.to_string(),
        equipment,
        needs_equipment: needs,
        intro: unlink(&e.intro),
        steps: e.steps.iter().map(|s| unlink(s)).collect(),
        cautions: e.cautions.clone(),
        image: e.image.clone(),
        image_alt: e.image_alt.clone(),
        all_steps: words.all_steps.of(e.steps.len()),
        log_label: fill(&words.log_label, &[("n", &it.number.to_string())]),
        video: e
            .video
            .clone()
            .filter(|v| v.starts_with("https://") || v.starts_with("http://")),
        url: e.url.clone(),
        plain_intro: plain(&e.intro),
        plain_steps: e.steps.iter().map(|s| plain(s)).collect(),
    }
}

/// Regions of the exercises, in vocabulary order.
fn regions<'a>(cfg: &Config, exercises: impl Iterator<Item = &'a ExerciseView>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for e in exercises {
        for t in &e.region {
            if !out.contains(&t.term) {
                out.push(t.term.clone());
            }
        }
    }
    let _ = cfg;
    out
}

fn base(cfg: &Config, words: &Words, title: &str, summary: &str, url: &str) -> SheetTexts {
    let (clinic_name, clinic_rest, phone_line) = clinic(cfg, words);
    let page_url = page_url(cfg, url);
    let red_call = if cfg.clinic.phone.is_empty() {
        words.call_no_phone.clone()
    } else {
        fill(&words.call, &[("phone", &cfg.clinic.phone)])
    };
    SheetTexts {
        single: false,
        title: title.to_string(),
        goal: String::new(),
        summary: summary.to_string(),
        intro: String::new(),
        cautions: String::new(),
        clinic_name,
        clinic_rest,
        phone_line,
        footer: footer(cfg, words, &page_url),
        page_url,
        red_call,
        red_flags: Vec::new(),
        emergency: red_flags::emergency(cfg, words),
        cards: Vec::new(),
        back_url: url.to_string(),
    }
}

/// The texts of the programme builder's sheet that do not depend on the
/// programme: the clinic line and the clinic's red flags (those of each
/// body region are added in the browser, as the programme's exercises need).
pub(crate) fn builder(cfg: &Config, words: &Words, url: &str) -> SheetTexts {
    let mut t = base(cfg, words, "", "", url);
    t.red_flags = red_flags::for_sheet(cfg, words, &[], &[]);
    t
}

/// The texts of a routine's sheet.
pub(crate) fn routine(cfg: &Config, words: &Words, r: &RoutineView, intro: &str) -> SheetTexts {
    let mut t = base(cfg, words, &r.title, &r.summary, &r.url);
    let mut goal = if r.frequency.is_empty() {
        r.goal_label.clone()
    } else {
        fill(
            &words.routine_goal,
            &[("goal", &r.goal_label), ("frequency", &r.frequency)],
        )
    };
    goal.push_str(" · ");
    goal.push_str(&words.exercise_count.of(r.exercise_count));
    t.goal = goal;
    t.intro = plain(intro);
    t.cautions = r.cautions.join(" ");
    let items: Vec<Item> = r
        .sections
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
        .collect();
    let rs = regions(cfg, items.iter().map(|i| i.exercise));
    let rs: Vec<&str> = rs.iter().map(String::as_str).collect();
    t.red_flags = red_flags::for_sheet(cfg, words, &rs, &r.red_flags);
    t.cards = items.iter().map(|it| card(it, words)).collect();
    t
}

/// The texts of an exercise's sheet.
pub(crate) fn exercise(cfg: &Config, words: &Words, e: &Arc<ExerciseView>) -> SheetTexts {
    let mut t = base(cfg, words, &e.title, &e.summary, &e.url);
    t.single = true;
    let regions: Vec<&str> = e.region.iter().map(|r| r.label.as_str()).collect();
    t.goal = format!(
        "{} · {} · {}",
        e.category.label,
        e.position.label,
        regions.join(", ")
    );
    let terms: Vec<&str> = e.region.iter().map(|r| r.term.as_str()).collect();
    t.red_flags = red_flags::for_sheet(cfg, words, &terms, &[]);
    let item = Item {
        number: 1,
        section: "",
        exercise: e,
        dosage: &e.dosage,
        note: "",
    };
    t.cards = vec![card(&item, words)];
    t
}
