//! The wording of a typed dosage in a reader's language, from the
//! `[dosage]` patterns of that language's words (`i18n/<lang>.toml`), in
//! the steps docs/i18n.md gives ("Dosage wording"): the side, the main part
//! (reps, else a hold, else a duration, else sets alone), then load,
//! effort, rest and how often, joined. Nothing of a language is in code;
//! the programme builder (`static/builder-dosage.js`) takes the same steps
//! over the same patterns.

use super::dosage::{Dosage, Effort, Frequency, Limb, Load, Mass, Range, Reps, Side, Time, Unit};
use crate::i18n::{Arg, Catalog, Number};
use std::sync::OnceLock;

/// The built-in English words, for the wording of pages in the default language.
pub(crate) fn english() -> &'static Catalog {
    static EN: OnceLock<Catalog> = OnceLock::new();
    EN.get_or_init(|| Catalog::builtin("en"))
}

fn range(r: Range) -> Arg<'static> {
    Arg::range(r.lo as u64, r.hi as u64)
}

/// A count or range as the language writes it ("2–3").
pub(crate) fn range_text(r: Range, c: &Catalog) -> String {
    c.write(range(r))
}

fn unit_key(u: Unit) -> &'static str {
    match u {
        Unit::Seconds => "seconds",
        Unit::Minutes => "minutes",
        Unit::Hours => "hours",
    }
}

/// "30 seconds", "1 minute 30 seconds".
fn time_text(t: Time, c: &Catalog) -> String {
    let one = |n: Arg<'_>, u: Unit| c.format(&format!("dosage.{}", unit_key(u)), &[("n", n)]);
    match t.then {
        None => one(range(t.amount), t.unit),
        Some((n, small)) => {
            let (big, small) = (one(range(t.amount), t.unit), one(Arg::int(n as u64), small));
            c.format(
                "dosage.compound",
                &[("min", Arg::Text(&big)), ("sec", Arg::Text(&small))],
            )
        }
    }
}

/// "30-second", "1-minute-30-second".
fn adjective(t: Time, c: &Catalog) -> String {
    let one =
        |n: Arg<'_>, u: Unit| c.format(&format!("dosage.{}_adjective", unit_key(u)), &[("n", n)]);
    match t.then {
        None => one(range(t.amount), t.unit),
        Some((n, small)) => {
            let (big, small) = (one(range(t.amount), t.unit), one(Arg::int(n as u64), small));
            c.format(
                "dosage.compound_adjective",
                &[("min", Arg::Text(&big)), ("sec", Arg::Text(&small))],
            )
        }
    }
}

fn side_key(s: Side) -> &'static str {
    match s {
        Side::Both => "dosage.side.both",
        Side::Each(Limb::Side) => "dosage.side.each",
        Side::Each(Limb::Leg) => "dosage.side.each_leg",
        Side::Each(Limb::Arm) => "dosage.side.each_arm",
        Side::Alternating => "dosage.side.alternating",
    }
}

/// How often, in words: "daily", "2–3 times a day", "Mon, Wed and Fri".
pub(crate) fn frequency(f: Frequency, c: &Catalog) -> String {
    match f {
        Frequency::Daily => c.text("dosage.daily").to_string(),
        Frequency::EveryOtherDay => c.text("dosage.every_other_day").to_string(),
        Frequency::PerDay(n) => c.format("dosage.per_day", &[("n", range(n))]),
        Frequency::PerWeek(n) => c.format("dosage.per_week", &[("n", range(n))]),
        Frequency::Days(bits) => {
            let names = c.list("dosage.weekdays");
            let days: Vec<&str> = (0..7)
                .filter(|i| bits & (1 << i) != 0)
                .filter_map(|i| names.get(i).map(String::as_str))
                .collect();
            let days = c.join(&days);
            c.format("dosage.on_days", &[("days", Arg::Text(&days))])
        }
    }
}

fn load(l: Load, c: &Catalog) -> String {
    let weight = |r: Range| Arg::Range(Number::tenths(r.lo as u64), Number::tenths(r.hi as u64));
    match l {
        Load::Weight(r, Mass::Kg) => c.format("dosage.load_kg", &[("n", weight(r))]),
        Load::Weight(r, Mass::Lb) => c.format("dosage.load_lb", &[("n", weight(r))]),
        Load::Band(colour) => {
            let key = format!("dosage.band_colour.{colour}");
            let word = if c.has(&key) { c.text(&key) } else { colour };
            c.format("dosage.load_band", &[("colour", Arg::Text(word))])
        }
        Load::Level(r) => c.format("dosage.load_level", &[("n", range(r))]),
    }
}

fn effort(e: Effort, c: &Catalog) -> String {
    match e {
        Effort::Rpe(r) => c.format("dosage.effort", &[("n", range(r)), ("of", Arg::int(10))]),
        Effort::Words(w) => c
            .text(&format!("dosage.effort_word.{}", w.replace(' ', "_")))
            .to_string(),
    }
}

/// The one patient wording of a dosage, in the language of `c`.
pub(crate) fn describe(d: &Dosage, c: &Catalog) -> String {
    let side = c.text(side_key(d.side.unwrap_or_default()));
    let (sets_text, rounds_text) = match d.sets {
        Some(s) => (
            c.format("dosage.sets", &[("n", range(s))]),
            c.format("dosage.rounds", &[("n", range(s))]),
        ),
        None => (String::new(), String::new()),
    };
    let mut args: Vec<(&str, Arg<'_>)> = vec![("side", Arg::Text(side))];
    if let Some(s) = d.sets {
        args.push(("count", range(s)));
        args.push(("sets", Arg::Text(&sets_text)));
        args.push(("rounds", Arg::Text(&rounds_text)));
    }
    let has_sets = d.sets.is_some();
    let with_sets =
        |with: &'static str, without: &'static str| if has_sets { with } else { without };
    let time_of = |t: Time| time_text(t, c);
    let mut parts = Vec::new();
    if let Some(reps) = d.reps {
        match reps {
            Reps::AsManyAsYouCan => {
                parts.push(c.format(with_sets("dosage.sets_amrap", "dosage.amrap"), &args));
            }
            Reps::Count(r) => {
                let reps_text = c.format("dosage.reps", &[("n", range(r))]);
                let mut args = args.clone();
                args.push(("reps", Arg::Text(&reps_text)));
                parts.push(c.format(with_sets("dosage.sets_reps", "dosage.reps_only"), &args));
            }
        }
        if let Some(h) = d.hold {
            let t = time_of(h);
            parts.push(c.format("dosage.hold_after_reps", &[("time", Arg::Text(&t))]));
        }
    } else if let Some(t) = d.hold.or(d.duration) {
        let (time, adj) = (time_of(t), adjective(t, c));
        let kind = if t.then.is_some() {
            "compound"
        } else {
            "simple"
        };
        let mut args = args.clone();
        args.extend([
            ("time", Arg::Text(&time)),
            ("adjective", Arg::Text(&adj)),
            ("time_kind", Arg::Text(kind)),
        ]);
        let key = match d.hold {
            Some(_) => with_sets("dosage.hold_sets", "dosage.hold_only"),
            None => with_sets("dosage.sets_duration", "dosage.duration_only"),
        };
        parts.push(c.format(key, &args));
    } else if d.sets.is_some() {
        parts.push(c.format("dosage.sets_only", &args));
    }
    // A duration after reps or a hold.
    if let (Some(t), true) = (d.duration, d.reps.is_some() || d.hold.is_some()) {
        let t = time_of(t);
        parts.push(c.format("dosage.duration_after", &[("time", Arg::Text(&t))]));
    }
    parts.extend(d.load.map(|l| load(l, c)));
    parts.extend(d.effort.map(|e| effort(e, c)));
    if let Some(rest) = d.rest {
        let key = if d.sets.is_some_and(|s| s.hi > 1) {
            "dosage.rest"
        } else {
            "dosage.rest_alone"
        };
        let t = time_of(rest);
        parts.push(c.format(key, &[("time", Arg::Text(&t))]));
    }
    parts.extend(d.frequency.map(|f| frequency(f, c)));
    parts.join(c.text("dosage.join"))
}

#[cfg(test)]
#[path = "wording_tests.rs"]
pub(crate) mod tests;
