//! The dosage grammar of SPEC.md: counts, ranges, times and frequencies as
//! clinicians write them, parsed into the typed values of `model::dosage`.

use crate::model::dosage::{Frequency, Range, Side, Time, Unit};

/// Why a dosage value was rejected, and what would have been accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DosageError {
    pub(crate) message: String,
    pub(crate) allowed: &'static str,
}

const COUNT_FORMS: &str = "a whole number like `10`, or a range like `8-12`, `8–12` or `8 to 12` (both numbers 1 or more, the smaller first)";
const TIME_FORMS: &str =
    "a count with a unit: `30 s`, `45 sec`, `30 seconds`, `1-2 min`, `2 minutes`";
const FREQ_FORMS: &str = "`daily`, `N times a day`, `N times a week`, `Nx daily` or `Nx weekly`, where N is a count like `2` or `2-3`";
/// What `side` accepts.
pub(crate) const SIDES: [&str; 3] = ["both", "each", "alternating"];

fn err(message: String, allowed: &'static str) -> DosageError {
    DosageError { message, allowed }
}

/// Parses a count or range: `2`, `2-3`, `2–3`, `2 to 3`.
pub(crate) fn parse_count(text: &str) -> Result<Range, DosageError> {
    let t = text.trim();
    let (a, b) = if let Some((a, b)) = t.split_once(" to ") {
        (a, Some(b))
    } else if let Some((a, b)) = t.split_once(['-', '–', '—']) {
        (a, Some(b))
    } else {
        (t, None)
    };
    let num = |s: &str| -> Result<u32, DosageError> {
        let s = s.trim();
        match s.parse::<u32>() {
            Ok(0) => Err(err(
                format!("`{t}` contains 0, but counts start at 1"),
                COUNT_FORMS,
            )),
            Ok(n) => Ok(n),
            Err(_) if s.is_empty() => Err(err(format!("`{t}` is missing a number"), COUNT_FORMS)),
            Err(_) => Err(err(format!("`{s}` is not a whole number"), COUNT_FORMS)),
        }
    };
    let lo = num(a)?;
    let hi = match b {
        Some(b) => num(b)?,
        None => lo,
    };
    if lo > hi {
        return Err(err(
            format!("the range `{t}` goes down; write the smaller number first (`{hi}-{lo}`)"),
            COUNT_FORMS,
        ));
    }
    Ok(Range { lo, hi })
}

/// Parses a time: a count plus a unit, e.g. `30 s`, `1-2 min`.
pub(crate) fn parse_time(text: &str) -> Result<Time, DosageError> {
    let t = text.trim();
    let split = t
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i);
    let Some(at) = split else {
        return Err(err(
            format!("`{t}` has no unit; say how long, e.g. `{t} s`"),
            TIME_FORMS,
        ));
    };
    let (amount, unit) = (&t[..at], &t[at..]);
    let unit = match unit.to_lowercase().as_str() {
        "s" | "sec" | "secs" | "second" | "seconds" => Unit::Seconds,
        "min" | "mins" | "minute" | "minutes" => Unit::Minutes,
        "to" => return Err(err(format!("`{t}` has no unit"), TIME_FORMS)),
        other => return Err(err(format!("`{other}` is not a time unit"), TIME_FORMS)),
    };
    Ok(Time {
        amount: parse_count(amount).map_err(|e| err(e.message, TIME_FORMS))?,
        unit,
    })
}

/// Parses a frequency: `daily`, `N times a day|week`, `Nx daily|weekly`.
pub(crate) fn parse_frequency(text: &str) -> Result<Frequency, DosageError> {
    let t = text.trim();
    let lower = t.to_lowercase();
    if lower == "daily" {
        return Ok(Frequency::Daily);
    }
    let bad = || err(format!("cannot read the frequency `{t}`"), FREQ_FORMS);
    let (count, per_day) = if let Some(c) = lower.strip_suffix(" times a day") {
        (c, true)
    } else if let Some(c) = lower.strip_suffix(" times a week") {
        (c, false)
    } else if let Some(c) = lower.strip_suffix("x daily") {
        (c, true)
    } else if let Some(c) = lower.strip_suffix("x weekly") {
        (c, false)
    } else {
        return Err(bad());
    };
    let n = parse_count(count)
        .map_err(|e| err(format!("in the frequency `{t}`: {}", e.message), FREQ_FORMS))?;
    Ok(if per_day {
        Frequency::PerDay(n)
    } else {
        Frequency::PerWeek(n)
    })
}

/// Parses `side`.
pub(crate) fn parse_side(text: &str) -> Result<Side, DosageError> {
    match text.trim() {
        "both" => Ok(Side::Both),
        "each" => Ok(Side::Each),
        "alternating" => Ok(Side::Alternating),
        other => Err(err(
            format!("`{other}` is not a side"),
            "`both` (the default), `each` or `alternating`",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(lo: u32, hi: u32) -> Range {
        Range { lo, hi }
    }

    #[test]
    fn counts_and_ranges() {
        let cases: &[(&str, Range)] = &[
            ("2", r(2, 2)),
            ("2-3", r(2, 3)),
            ("2–3", r(2, 3)),
            ("2 to 3", r(2, 3)),
            (" 10 - 15 ", r(10, 15)),
            ("3-3", r(3, 3)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_count(text), Ok(*want), "{text}");
        }
    }

    #[test]
    fn count_rejections_with_messages() {
        let cases: &[(&str, &str)] = &[
            (
                "3-2",
                "the range `3-2` goes down; write the smaller number first (`2-3`)",
            ),
            ("0", "`0` contains 0, but counts start at 1"),
            ("0-3", "`0-3` contains 0, but counts start at 1"),
            ("ten", "`ten` is not a whole number"),
            ("2-", "`2-` is missing a number"),
            ("1.5", "`1.5` is not a whole number"),
        ];
        for (text, msg) in cases {
            let e = parse_count(text).unwrap_err();
            assert_eq!(e.message, *msg, "{text}");
            assert_eq!(e.allowed, COUNT_FORMS);
        }
    }

    #[test]
    fn times_in_every_unit() {
        let s = |lo, hi| Time {
            amount: r(lo, hi),
            unit: Unit::Seconds,
        };
        let m = |lo, hi| Time {
            amount: r(lo, hi),
            unit: Unit::Minutes,
        };
        let cases: &[(&str, Time)] = &[
            ("30 s", s(30, 30)),
            ("30s", s(30, 30)),
            ("45 sec", s(45, 45)),
            ("30 seconds", s(30, 30)),
            ("2-3 s", s(2, 3)),
            ("1-2 min", m(1, 2)),
            ("1–2 minutes", m(1, 2)),
            ("1 minute", m(1, 1)),
            ("20 to 30 seconds", s(20, 30)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_time(text), Ok(*want), "{text}");
        }
    }

    #[test]
    fn time_rejections_with_messages() {
        let cases: &[(&str, &str)] = &[
            ("30", "`30` has no unit; say how long, e.g. `30 s`"),
            ("30 hrs", "`hrs` is not a time unit"),
            ("0 s", "`0` contains 0, but counts start at 1"),
            (
                "5-2 min",
                "the range `5-2` goes down; write the smaller number first (`2-5`)",
            ),
        ];
        for (text, msg) in cases {
            let e = parse_time(text).unwrap_err();
            assert_eq!(e.message, *msg, "{text}");
            assert_eq!(e.allowed, TIME_FORMS);
        }
    }

    #[test]
    fn frequencies() {
        let cases: &[(&str, Frequency)] = &[
            ("daily", Frequency::Daily),
            ("2 times a day", Frequency::PerDay(r(2, 2))),
            ("2-3 times a day", Frequency::PerDay(r(2, 3))),
            ("3 times a week", Frequency::PerWeek(r(3, 3))),
            ("2x daily", Frequency::PerDay(r(2, 2))),
            ("3x weekly", Frequency::PerWeek(r(3, 3))),
            ("1-2x daily", Frequency::PerDay(r(1, 2))),
        ];
        for (text, want) in cases {
            assert_eq!(parse_frequency(text), Ok(*want), "{text}");
        }
    }

    #[test]
    fn frequency_rejections_with_messages() {
        let cases: &[(&str, &str)] = &[
            ("sometimes", "cannot read the frequency `sometimes`"),
            ("up to 3 times a day", "in the frequency `up to 3 times a day`: `up` is not a whole number"),
            ("0 times a day", "in the frequency `0 times a day`: `0` contains 0, but counts start at 1"),
            ("3-2x weekly", "in the frequency `3-2x weekly`: the range `3-2` goes down; write the smaller number first (`2-3`)"),
        ];
        for (text, msg) in cases {
            let e = parse_frequency(text).unwrap_err();
            assert_eq!(e.message, *msg, "{text}");
            assert_eq!(e.allowed, FREQ_FORMS);
        }
    }

    #[test]
    fn sides() {
        assert_eq!(parse_side("each"), Ok(Side::Each));
        assert_eq!(
            parse_side("left").unwrap_err().message,
            "`left` is not a side"
        );
    }
}
