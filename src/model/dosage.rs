//! A dosage as typed values (counts, ranges, times, frequencies), rendered in
//! one consistent patient wording ("2–3 sets of 10–15 reps · hold 2–3
//! seconds · 2–3 times a day"). `parse::dosage` reads them from text.

use serde::Serialize;
use std::fmt;

/// A count or an inclusive range of counts, e.g. `2` or `2–3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct Range {
    pub(crate) lo: u32,
    pub(crate) hi: u32,
}

impl Range {
    /// True when the range is exactly one.
    pub(crate) fn is_one(self) -> bool {
        self.lo == 1 && self.hi == 1
    }
}

impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.lo == self.hi {
            write!(f, "{}", self.lo)
        } else {
            write!(f, "{}–{}", self.lo, self.hi)
        }
    }
}

/// Seconds or minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) enum Unit {
    Seconds,
    Minutes,
}

/// A length of time, e.g. `30 s` or `1-2 min`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct Time {
    pub(crate) amount: Range,
    pub(crate) unit: Unit,
}

impl Time {
    /// Noun form: "30 seconds", "1 minute", "1–2 minutes".
    pub(crate) fn noun(self) -> String {
        let (one, many) = match self.unit {
            Unit::Seconds => ("second", "seconds"),
            Unit::Minutes => ("minute", "minutes"),
        };
        let word = if self.amount.is_one() { one } else { many };
        format!("{} {word}", self.amount)
    }

    /// Adjective form: "30-second", "1–2-minute".
    pub(crate) fn adjective(self) -> String {
        let unit = match self.unit {
            Unit::Seconds => "second",
            Unit::Minutes => "minute",
        };
        format!("{}-{unit}", self.amount)
    }
}

/// How often: daily, N times a day, N times a week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) enum Frequency {
    Daily,
    PerDay(Range),
    PerWeek(Range),
}

impl fmt::Display for Frequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (n, period) = match self {
            Frequency::Daily => return f.write_str("daily"),
            Frequency::PerDay(n) => (n, "day"),
            Frequency::PerWeek(n) => (n, "week"),
        };
        if n.is_one() {
            write!(f, "once a {period}")
        } else {
            write!(f, "{n} times a {period}")
        }
    }
}

/// Which side(s) the exercise is done on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub(crate) enum Side {
    #[default]
    Both,
    Each,
    Alternating,
}

/// A full dosage, typed. Any field may be absent in a routine's override.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub(crate) struct Dosage {
    pub(crate) sets: Option<Range>,
    pub(crate) reps: Option<Range>,
    pub(crate) hold: Option<Time>,
    pub(crate) duration: Option<Time>,
    pub(crate) side: Option<Side>,
    pub(crate) frequency: Option<Frequency>,
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
            frequency: over.frequency.or(self.frequency),
        }
    }

    /// The one patient wording used on pages, sheets and in search results.
    pub(crate) fn describe(&self) -> String {
        let side = match self.side.unwrap_or_default() {
            Side::Both => "",
            Side::Each => ", each side",
            Side::Alternating => ", alternating sides",
        };
        let plural = |r: Range, one: &str, many: &str| {
            if r.is_one() {
                format!("{r} {one}")
            } else {
                format!("{r} {many}")
            }
        };
        let mut parts = Vec::new();
        if let Some(reps) = self.reps {
            let reps_text = plural(reps, "rep", "reps");
            let main = match self.sets {
                Some(s) => format!("{} of {reps_text}", plural(s, "set", "sets")),
                None => reps_text,
            };
            parts.push(format!("{main}{side}"));
            if let Some(h) = self.hold {
                parts.push(format!("hold {}", h.noun()));
            }
            if let Some(d) = self.duration {
                parts.push(format!("for {}", d.noun()));
            }
        } else if let Some(h) = self.hold {
            let main = match self.sets {
                Some(s) if s.is_one() => format!("1 × {} hold", h.adjective()),
                Some(s) => format!("{s} × {} holds", h.adjective()),
                None => format!("hold {}", h.noun()),
            };
            parts.push(format!("{main}{side}"));
            if let Some(d) = self.duration {
                parts.push(format!("for {}", d.noun()));
            }
        } else if let Some(d) = self.duration {
            let main = match self.sets {
                Some(s) => format!("{} of {}", plural(s, "round", "rounds"), d.noun()),
                None => d.noun(),
            };
            parts.push(format!("{main}{side}"));
        } else if let Some(s) = self.sets {
            parts.push(format!("{}{side}", plural(s, "set", "sets")));
        }
        if let Some(f) = self.frequency {
            parts.push(f.to_string());
        }
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(lo: u32, hi: u32) -> Range {
        Range { lo, hi }
    }

    #[test]
    fn patient_wording() {
        let d = |sets: Option<Range>, reps, hold, duration, side, frequency| Dosage {
            sets,
            reps,
            hold,
            duration,
            side,
            frequency,
        };
        let secs = |lo, hi| {
            Some(Time {
                amount: r(lo, hi),
                unit: Unit::Seconds,
            })
        };
        let mins = |lo, hi| {
            Some(Time {
                amount: r(lo, hi),
                unit: Unit::Minutes,
            })
        };
        let cases: Vec<(Dosage, &str)> = vec![
            (
                d(
                    Some(r(2, 3)),
                    Some(r(10, 15)),
                    secs(2, 3),
                    None,
                    None,
                    Some(Frequency::PerDay(r(2, 3))),
                ),
                "2–3 sets of 10–15 reps · hold 2–3 seconds · 2–3 times a day",
            ),
            (
                d(
                    Some(r(3, 3)),
                    None,
                    secs(30, 30),
                    None,
                    Some(Side::Each),
                    Some(Frequency::Daily),
                ),
                "3 × 30-second holds, each side · daily",
            ),
            (
                d(
                    None,
                    Some(r(1, 1)),
                    None,
                    None,
                    None,
                    Some(Frequency::PerDay(r(1, 1))),
                ),
                "1 rep · once a day",
            ),
            (
                d(
                    Some(r(1, 1)),
                    Some(r(10, 10)),
                    None,
                    None,
                    Some(Side::Alternating),
                    None,
                ),
                "1 set of 10 reps, alternating sides",
            ),
            (
                d(
                    None,
                    None,
                    None,
                    mins(1, 2),
                    None,
                    Some(Frequency::PerWeek(r(3, 3))),
                ),
                "1–2 minutes · 3 times a week",
            ),
            (
                d(
                    Some(r(2, 2)),
                    None,
                    None,
                    mins(1, 1),
                    Some(Side::Each),
                    None,
                ),
                "2 rounds of 1 minute, each side",
            ),
            (
                d(None, None, secs(20, 30), None, None, None),
                "hold 20–30 seconds",
            ),
        ];
        for (dosage, want) in cases {
            assert_eq!(dosage.describe(), want);
        }
    }

    #[test]
    fn overrides_replace_only_given_fields() {
        let base = Dosage {
            sets: Some(r(2, 3)),
            reps: Some(r(10, 15)),
            frequency: Some(Frequency::Daily),
            ..Default::default()
        };
        let over = Dosage {
            sets: Some(r(2, 2)),
            ..Default::default()
        };
        assert_eq!(
            base.merged(&over).describe(),
            "2 sets of 10–15 reps · daily"
        );
    }
}
