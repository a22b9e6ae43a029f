//! The sheet's texts measured: the model the fitter lays out (`model`), and
//! the "more steps" wording a card prints.

use super::SheetTexts;
use crate::config::Config;
use crate::sheet::metrics::Style;
use crate::sheet::model::{labels, CardModel, More, SheetModel};
use crate::sheet::text::Para;
use crate::sheet::words::{fill, Words};

/// The measured model of the texts.
pub(crate) fn model(t: &SheetTexts, words: &Words, cfg: &Config, pages_hint: usize) -> SheetModel {
    let (take_care, starting) = labels(words);
    let p = |s: &str| Para::new(s, Style::Regular);
    let b = |s: &str| Para::new(s, Style::Bold);
    let most = pages_hint.max(9) + 1;
    let page_of = fill(
        &words.page_of,
        &[("n", &most.to_string()), ("m", &most.to_string())],
    );
    let cards = t
        .cards
        .iter()
        .map(|c| CardModel {
            badge: b(&c.number.to_string()),
            title: b(&c.title),
            continued: b(&c.continued),
            equipment: if t.single {
                let label = if c.needs_equipment {
                    format!("{} {}", words.equipment, c.equipment)
                } else {
                    c.equipment.clone()
                };
                Para::new(&label, Style::Bold)
            } else {
                p(&format!("· {}", c.equipment))
            },
            section: b(&c.section),
            dosage: b(&c.dosage),
            note: Para::new(&c.note, Style::Italic),
            intro: p(&c.plain_intro),
            steps: c.plain_steps.iter().map(|s| p(s)).collect(),
            cautions: c.cautions.iter().map(|s| p(s)).collect(),
            image: c.image.is_some(),
            video: c.video.is_some(),
            all_steps: p(&c.all_steps),
            video_caption: p(&words.video),
        })
        .collect();
    let list = if t.red_flags.is_empty() {
        String::new()
    } else {
        format!("{}.", t.red_flags.join("; "))
    };
    SheetModel {
        single: t.single,
        qr: !t.page_url.is_empty(),
        logo: cfg.clinic.logo.as_deref().is_some_and(|l| !l.is_empty()),
        clinic: (b(&t.clinic_name), p(&t.clinic_rest)),
        title: b(&t.title),
        goal: b(&t.goal),
        summary: p(&t.summary),
        scan: Para::new(&words.scan, Style::Italic),
        page_of: p(&page_of),
        runhead: p(&format!("{} · {page_of} · {}", t.title, t.phone_line)),
        intro: p(&t.intro),
        cautions: (!t.cautions.is_empty()).then(|| (b(&words.for_this_routine), p(&t.cautions))),
        how_to: p(&words.how_to),
        red: (b(&t.red_call), p(&list), b(&t.emergency)),
        footer: p(&t.footer),
        take_care,
        starting,
        cards,
        more: [
            words.more_steps.clone(),
            words.more_steps_beside.clone(),
            words.more_steps_online.clone(),
        ],
    }
}

/// The "more steps" wording of a card, as the template prints it.
pub(crate) fn more_text(words: &Words, kind: More, n: usize) -> String {
    match kind {
        More::Page => words.more_steps.of(n),
        More::Beside => words.more_steps_beside.of(n),
        More::Online => words.more_steps_online.of(n),
    }
}
