//! A dosage as typed values (counts, ranges, times, load, effort,
//! frequencies), rendered in one consistent patient wording ("2–3 sets of
//! 10–15 reps · hold 2–3 seconds · 2–3 times a day") in any language by
//! `model::wording`. `parse::dosage` reads them from text.

use super::wording;
use crate::i18n::Catalog;
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
        f.write_str(&wording::range_text(*self, wording::english()))
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

impl fmt::Display for Frequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&wording::frequency(*self, wording::english()))
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

    /// The one patient wording used on pages, sheets and in search results (English).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn describe(&self) -> String {
        self.describe_in(wording::english())
    }

    /// The wording in the language of `words`.
    pub(crate) fn describe_in(&self, words: &Catalog) -> String {
        wording::describe(self, words)
    }
}
