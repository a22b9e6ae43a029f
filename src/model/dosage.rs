//! A dosage as typed values (counts, ranges, times, load, effort,
//! frequencies), rendered in one consistent patient wording ("2–3 sets of
//! 10–15 reps · hold 2–3 seconds · 2–3 times a day") from the words of
//! `model::wording`. `parse::dosage` reads them from text.

use super::wording::{counted, fill, list, word};
use serde::Serialize;
use std::fmt;

/// A count or an inclusive range of counts, e.g. `2` or `2–3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct Range {
    pub(crate) lo: u32,
    pub(crate) hi: u32,
}

impl Range {
    /// A single count.
    pub(crate) fn one(n: u32) -> Range {
        Range { lo: n, hi: n }
    }
}

impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.lo == self.hi {
            write!(f, "{}", self.lo)
        } else {
            let (lo, hi) = (self.lo.to_string(), self.hi.to_string());
            f.write_str(&fill("range", &[("lo", &lo), ("hi", &hi)]))
        }
    }
}

/// Seconds, minutes or hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) enum Unit {
    Seconds,
    Minutes,
    Hours,
}

impl Unit {
    /// Seconds in one of this unit.
    pub(crate) fn seconds(self) -> u32 {
        match self {
            Unit::Seconds => 1,
            Unit::Minutes => 60,
            Unit::Hours => 3600,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Unit::Seconds => "second",
            Unit::Minutes => "minute",
            Unit::Hours => "hour",
        }
    }

    fn noun(self, n: u32) -> String {
        let form = if n == 1 { "one" } else { "many" };
        word(&format!("{}.{form}", self.key())).to_string()
    }
}

/// A length of time: `30 s`, `1-2 min`, or one amount with a smaller
/// unit after it (`1 min 30 s`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct Time {
    pub(crate) amount: Range,
    pub(crate) unit: Unit,
    /// The smaller part of a compound time (`30 s` of `1 min 30 s`).
    pub(crate) then: Option<(u32, Unit)>,
}

impl Time {
    /// A simple time: an amount in one unit.
    pub(crate) fn new(amount: Range, unit: Unit) -> Time {
        Time {
            amount,
            unit,
            then: None,
        }
    }

    /// The longest this time can be, in seconds.
    pub(crate) fn max_seconds(self) -> u64 {
        let extra = self.then.map_or(0, |(n, u)| n as u64 * u.seconds() as u64);
        self.amount.hi as u64 * self.unit.seconds() as u64 + extra
    }

    /// Noun form: "30 seconds", "1 minute", "1–2 minutes", "1 minute 30 seconds".
    pub(crate) fn noun(self) -> String {
        self.parts("time.noun", true).join(" ")
    }

    /// Adjective form: "30-second", "1–2-minute", "1-minute-30-second".
    pub(crate) fn adjective(self) -> String {
        self.parts("time.adjective", false).join("-")
    }

    fn parts(self, key: &str, plural: bool) -> Vec<String> {
        let one = |n: String, hi: u32, unit: Unit| {
            let unit = unit.noun(if plural { hi } else { 1 });
            fill(key, &[("n", &n), ("unit", &unit)])
        };
        let mut out = vec![one(self.amount.to_string(), self.amount.hi, self.unit)];
        if let Some((n, unit)) = self.then {
            out.push(one(n.to_string(), n, unit));
        }
        out
    }
}

/// How many repetitions: a count, or as many as the patient can (AMRAP).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) enum Reps {
    Count(Range),
    AsManyAsYouCan,
}

/// What "each" refers to: sides in general, or legs or arms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) enum Limb {
    Side,
    Leg,
    Arm,
}

/// Which side(s) the exercise is done on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub(crate) enum Side {
    #[default]
    Both,
    Each(Limb),
    Alternating,
}

/// Pounds or kilograms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) enum Mass {
    Kg,
    Lb,
}

/// What the patient moves against: a weight, a band colour or a band level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) enum Load {
    /// A weight, in tenths of its unit (`2.5 kg` is 25).
    Weight(Range, Mass),
    Band(&'static str),
    Level(Range),
}

/// How hard it should feel: a rating of perceived exertion (0–10) or words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) enum Effort {
    Rpe(Range),
    Words(&'static str),
}

/// How often: daily, every other day, N times a day or week, set weekdays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) enum Frequency {
    Daily,
    EveryOtherDay,
    PerDay(Range),
    PerWeek(Range),
    /// Weekdays as bits, Monday first (bit 0) to Sunday (bit 6).
    Days(u8),
}

/// The weekday keys of the wording table, Monday first.
pub(crate) const DAYS: [&str; 7] = [
    "day.mon", "day.tue", "day.wed", "day.thu", "day.fri", "day.sat", "day.sun",
];

impl fmt::Display for Frequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Frequency::Daily => word("daily").to_string(),
            Frequency::EveryOtherDay => word("every_other_day").to_string(),
            Frequency::PerDay(n) => counted("per_day", n.hi, &[("n", &n.to_string())]),
            Frequency::PerWeek(n) => counted("per_week", n.hi, &[("n", &n.to_string())]),
            Frequency::Days(bits) => {
                let days: Vec<&str> = (0..7)
                    .filter(|i| bits & (1 << i) != 0)
                    .map(|i| word(DAYS[i]))
                    .collect();
                list(&days)
            }
        };
        f.write_str(&text)
    }
}

/// A full dosage, typed. Any field may be absent in a routine's override.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub(crate) struct Dosage {
    pub(crate) sets: Option<Range>,
    pub(crate) reps: Option<Reps>,
    pub(crate) hold: Option<Time>,
    pub(crate) duration: Option<Time>,
    pub(crate) side: Option<Side>,
    pub(crate) rest: Option<Time>,
    pub(crate) load: Option<Load>,
    pub(crate) effort: Option<Effort>,
    pub(crate) frequency: Option<Frequency>,
}

/// A weight range held in tenths, as written: "2.5", "2–3".
fn weight(r: Range) -> String {
    let one = |n: u32| match n % 10 {
        0 => (n / 10).to_string(),
        d => format!("{}.{d}", n / 10),
    };
    if r.lo == r.hi {
        one(r.lo)
    } else {
        fill("range", &[("lo", &one(r.lo)), ("hi", &one(r.hi))])
    }
}

fn counted_range(key: &str, r: Range) -> String {
    counted(key, r.hi, &[("n", &r.to_string())])
}

impl Dosage {
    /// True when at least one of reps, hold and duration is given (required for exercises).
    pub(crate) fn has_amount(&self) -> bool {
        self.reps.is_some() || self.hold.is_some() || self.duration.is_some()
    }

    /// This dosage with every field that `over` sets replaced (routine overrides).
    pub(crate) fn merged(&self, over: &Dosage) -> Dosage {
        Dosage {
            sets: over.sets.or(self.sets),
            reps: over.reps.or(self.reps),
            hold: over.hold.or(self.hold),
            duration: over.duration.or(self.duration),
            side: over.side.or(self.side),
            rest: over.rest.or(self.rest),
            load: over.load.or(self.load),
            effort: over.effort.or(self.effort),
            frequency: over.frequency.or(self.frequency),
        }
    }

    /// The one patient wording used on pages, sheets and in search results.
    pub(crate) fn describe(&self) -> String {
        let side = match self.side.unwrap_or_default() {
            Side::Both => "",
            Side::Each(Limb::Side) => word("side.each"),
            Side::Each(Limb::Leg) => word("side.leg"),
            Side::Each(Limb::Arm) => word("side.arm"),
            Side::Alternating => word("side.alternating"),
        };
        let with_sets = |key: &str, b: String| match self.sets {
            Some(s) => fill("of", &[("a", &counted_range(key, s)), ("b", &b)]),
            None => b,
        };
        let mut parts = Vec::new();
        let hold = self.hold.map(|h| fill("hold", &[("t", &h.noun())]));
        let duration = self.duration.map(|d| fill("for", &[("t", &d.noun())]));
        if let Some(reps) = self.reps {
            let reps_text = match reps {
                Reps::Count(r) => counted_range("reps", r),
                Reps::AsManyAsYouCan => word("reps.amrap").to_string(),
            };
            parts.push(format!("{}{side}", with_sets("sets", reps_text)));
            parts.extend(hold);
            parts.extend(duration);
        } else if let Some(h) = self.hold {
            let main = match self.sets {
                Some(s) => counted(
                    "holds",
                    s.hi,
                    &[("n", &s.to_string()), ("t", &h.adjective())],
                ),
                None => hold.unwrap_or_default(),
            };
            parts.push(format!("{main}{side}"));
            parts.extend(duration);
        } else if let Some(d) = self.duration {
            parts.push(format!("{}{side}", with_sets("rounds", d.noun())));
        } else if let Some(s) = self.sets {
            parts.push(format!("{}{side}", counted_range("sets", s)));
        }
        if let Some(load) = self.load {
            parts.push(match load {
                Load::Weight(n, Mass::Kg) => fill("load.kg", &[("n", &weight(n))]),
                Load::Weight(n, Mass::Lb) => fill("load.lb", &[("n", &weight(n))]),
                Load::Band(w) => fill("load.band", &[("w", w)]),
                Load::Level(n) => fill("load.level", &[("n", &n.to_string())]),
            });
        }
        if let Some(effort) = self.effort {
            parts.push(match effort {
                Effort::Rpe(n) => fill("effort.rpe", &[("n", &n.to_string())]),
                Effort::Words(w) => fill("effort.word", &[("w", w)]),
            });
        }
        if let Some(rest) = self.rest {
            let key = if self.sets.is_some_and(|s| s.hi > 1) {
                "rest.sets"
            } else {
                "rest"
            };
            parts.push(fill(key, &[("t", &rest.noun())]));
        }
        if let Some(f) = self.frequency {
            parts.push(f.to_string());
        }
        parts.join(word("sep"))
    }
}
