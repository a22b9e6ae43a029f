//! Printed sheets: one per exercise and per routine, each in standard and
//! large print (the same file; large print at the address ending `#large`).
//!
//! - `words`: the words a sheet prints (`i18n/en.toml`), and `red_flags`:
//!   the clinic's warning signs (`handout.toml`, the routine's own);
//! - `texts`: the strings of one sheet, which the templates print and
//!   `model` holds measured (`metrics`: the sheet font's real widths and
//!   kerning; `text`: wrapping);
//! - `style`: the sizes, read from `sheet.css`;
//! - `height`, `paginate`, `fit`: the height of every part with a layout,
//!   pages, and the choice of layout;
//! - `view`: what the templates get.
//!
//! The build's choice is checked again in the browser by `static/sheet.js`.

mod fit;
mod height;
mod metrics;
mod model;
mod paginate;
mod red_flags;
mod style;
mod text;
pub(crate) mod texts;
mod view;
mod words;

pub use red_flags::{RegionRedFlags, SheetSettings};

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::render::views::{ExerciseView, RoutineView};
pub(crate) use fit::Fitted;
use fit::Paper;
use std::path::Path;
use std::sync::Arc;
use style::SheetStyle;
pub(crate) use view::SheetView;
use words::Words;

/// Region names in `[red_flags]` that are no region term.
pub(crate) fn check_config(text: &str, cfg: &Config) -> Vec<Diagnostic> {
    red_flags::check(text, cfg, &cfg.vocabularies())
}

/// What every sheet is laid out with: its words and the sizes of `sheet.css`.
#[derive(Debug, Clone)]
pub struct Kit {
    words: Words,
    /// The words as a template value, converted once for every sheet.
    words_value: tera::Value,
    style: SheetStyle,
    /// A fingerprint of both (for `serve`'s re-rendering).
    pub print: u64,
}

impl Kit {
    /// The built-in words and sizes, changed by the site's `i18n/en.toml`
    /// and `static/sheet.css` (`css`, when the site has its own).
    pub fn load(root: &Path, css: Option<&str>) -> (Kit, Vec<Diagnostic>) {
        let (words, diags) = Words::load(root);
        let style = SheetStyle::new(css);
        let print = crate::fingerprint::of((
            serde_json::to_string(&words).unwrap_or_default(),
            format!("{style:?}"),
        ));
        (
            Kit {
                words_value: tera::Value::from_serializable(&words),
                words,
                style,
                print,
            },
            diags,
        )
    }
}

impl Kit {
    /// The same sizes with the `[sheet]` words of `catalog`.
    pub(crate) fn in_language(
        &self,
        catalog: &crate::i18n::Catalog,
        diags: &mut Vec<Diagnostic>,
    ) -> Kit {
        let words = Words::of(catalog, diags);
        let print = crate::fingerprint::of((
            serde_json::to_string(&words).unwrap_or_default(),
            format!("{:?}", self.style),
        ));
        Kit {
            words_value: tera::Value::from_serializable(&words),
            words,
            style: self.style.clone(),
            print,
        }
    }
}

/// A routine sheet's layouts, and a warning when it needs more than one page.
pub(crate) type Fitting = (Arc<Fitted>, Option<Diagnostic>);

fn fitted(cfg: &Config, kit: &Kit, t: &texts::SheetTexts) -> Fitted {
    let m = texts::model(t, &kit.words, cfg, 1);
    fit::fit(&m, &kit.style, Paper::of(cfg.paper))
}

/// The layouts of routine `r`'s sheet (`file` names it in the warning).
pub(crate) fn fit_routine(
    cfg: &Config,
    kit: &Kit,
    r: &RoutineView,
    intro: &str,
    file: &str,
) -> Fitting {
    let t = texts::routine(cfg, &kit.words, r, intro);
    let f = fitted(cfg, kit, &t);
    if std::env::var("HANDOUT_SHEET_DEBUG").is_ok() {
        let m = texts::model(&t, &kit.words, cfg, 1);
        eprintln!(
            "{file}: chosen {}",
            fit::debug(&m, &kit.style, Paper::of(cfg.paper), f.regular.layout)
        );
        eprintln!(
            "{file}: large {} pages {:?}",
            fit::debug(&m, &kit.style, Paper::of(cfg.paper), f.large.layout),
            f.large.pages.iter().map(Vec::len).collect::<Vec<_>>()
        );
        for (d, c) in [(2, 2), (2, 1), (2, 3)] {
            let l = height::Layout {
                density: d,
                columns: c,
                roomy: false,
                images: false,
                notes: false,
                weeks: if c == 1 { 2 } else { 1 },
            };
            eprintln!(
                "{file}: {}",
                fit::debug(&m, &kit.style, Paper::of(cfg.paper), l)
            );
        }
    }
    let pages = f.regular.pages();
    let warning = (pages > 1).then(|| {
        let m = texts::model(&t, &kit.words, cfg, pages);
        let k = fit::how_many_fit(&m, &kit.style, Paper::of(cfg.paper));
        let n = t.cards.len();
        let help = if k == 0 {
            "even its first exercise does not fit on one page: shorten its steps".to_string()
        } else if k == 1 {
            "only its first exercise fits on one page: shorten the longest steps, or split it into smaller routines".to_string()
        } else {
            format!(
                "its first {k} exercises fit on one page: split it into routines of up to {k} exercises, or shorten the longest steps"
            )
        };
        Diagnostic::warning(
            file,
            format!(
                "the printable sheet of this routine takes {pages} {:?} pages ({n} exercises, every step printed)",
                cfg.paper
            ),
        )
        .field("sections")
        .kind("sheet_over_one_page")
        .help(help)
    });
    let missing: Vec<char> = {
        let mut all = String::new();
        for c in &t.cards {
            all.push_str(&c.title);
            all.push_str(&c.dosage);
            all.push_str(&c.note);
            all.push_str(&c.plain_intro);
            c.plain_steps.iter().for_each(|s| all.push_str(s));
            c.cautions.iter().for_each(|s| all.push_str(s));
        }
        all.push_str(&t.title);
        all.push_str(&t.intro);
        all.push_str(&t.cautions);
        metrics::missing_chars(&all)
    };
    let warning = warning.or_else(|| {
        (!missing.is_empty()).then(|| {
            let list: String = missing.iter().map(|c| format!(" `{c}` (U+{:04X})", *c as u32)).collect();
            Diagnostic::warning(
                file,
                format!("the sheet font has no{list}: the printed sheet shows it in another font"),
            )
            .kind("sheet_font_lacks_characters")
            .help("the sheet checks its fit again in the browser; a similar character the font has keeps the layout exact")
        })
    });
    (Arc::new(f), warning)
}

/// The sheet of a routine, with its layouts from `fit_routine` when known.
pub(crate) fn routine_sheet(
    cfg: &Config,
    kit: &Kit,
    r: &RoutineView,
    intro: &str,
    known: Option<&Fitted>,
) -> SheetView {
    let t = texts::routine(cfg, &kit.words, r, intro);
    let f = match known {
        Some(f) => f.clone(),
        None => fitted(cfg, kit, &t),
    };
    finish(cfg, kit, t, &f)
}

/// The sheet of one exercise.
pub(crate) fn exercise_sheet(cfg: &Config, kit: &Kit, e: &Arc<ExerciseView>) -> SheetView {
    let t = texts::exercise(cfg, &kit.words, e);
    let f = fitted(cfg, kit, &t);
    if std::env::var("HANDOUT_SHEET_DEBUG").is_ok() {
        let m = texts::model(&t, &kit.words, cfg, 1);
        eprintln!(
            "{}: large {}",
            e.slug,
            fit::debug(&m, &kit.style, Paper::of(cfg.paper), f.large.layout)
        );
        eprintln!(
            "{}: regular {} pages {}",
            e.slug,
            fit::debug(&m, &kit.style, Paper::of(cfg.paper), f.regular.layout),
            f.regular.pages()
        );
    }
    finish(cfg, kit, t, &f)
}

fn finish(cfg: &Config, kit: &Kit, t: texts::SheetTexts, f: &Fitted) -> SheetView {
    let paper = Paper::of(cfg.paper);
    view::view(t, &kit.words, f, &format!("{:?}", cfg.paper), paper.height)
}

/// The words, for templates (`words`).
pub(crate) fn words(kit: &Kit) -> tera::Value {
    kit.words_value.clone()
}

/// The page margin of a standard sheet, in millimetres.
pub(crate) fn page_margin_mm(kit: &Kit) -> f32 {
    kit.style.mode(2, false).page_margin
}

/// What the programme builder prints its sheet with (`url`: the builder's
/// own address): the fixed texts of a sheet and, by body region, the red
/// flags a clinic adds for it.
pub(crate) fn builder_texts(cfg: &Config, kit: &Kit, url: &str) -> tera::Value {
    let t = texts::builder(cfg, &kit.words, url);
    tera::Value::from_serializable(&serde_json::json!({
        "clinic_name": t.clinic_name,
        "clinic_rest": t.clinic_rest,
        "red_call": t.red_call,
        "red_flags": t.red_flags,
        "region_flags": cfg.red_flags,
        "emergency": t.emergency,
        "margin_mm": kit.style.mode(2, false).page_margin,
    }))
}
