//! The dosage grammar: counts, ranges, times, load, effort and frequencies
//! as clinicians write them, in any letter case, parsed into the typed
//! values of `model::dosage`. Numbers are read as written: decimal digits
//! only, within sensible bounds.

pub(crate) use super::effort_load::{parse_effort, parse_load, BANDS, EFFORT_WORDS};
pub(crate) use super::frequency::parse_frequency;
use crate::model::dosage::{Limb, Range, Reps, Side, Time, Unit};

/// Why a dosage value was rejected, and what would have been accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DosageError {
    pub(crate) message: String,
    pub(crate) allowed: &'static str,
}

pub(crate) const COUNT_FORMS: &str = "a whole number like `10`, or a range like `8-12`, `8–12` or `8 to 12` (both numbers 1 or more, the smaller first)";
pub(crate) const REPS_FORMS: &str = "a whole number like `10`, a range like `8-12` or `8 to 12`, or `AMRAP` (as many as you can); `each leg`, `each arm` or `per side` may follow";
pub(crate) const TIME_FORMS: &str = "a count with a unit: `30 s`, `45 sec`, `30 seconds`, `1-2 min`, `2 minutes`, `1 hour`, or two parts like `1 min 30 s`";
pub(crate) const FREQ_FORMS: &str = "`daily`, `every day`, `every other day`, `weekly`, `once a day`, `twice a week`, `N times a day`, `N times per week`, `Nx a day`, `Nx daily`, `Nx weekly` (N a count like `2`, `2-3` or a word from `one` to `ten`), or weekdays like `Mon, Wed, Fri`";
/// What `side` accepts, for suggestions.
pub(crate) const SIDES: [&str; 3] = ["both", "each", "alternating"];
pub(crate) const SIDE_FORMS: &str = "`both` (the default), `each` (also `each side`, `per side`, `each leg`, `each arm`) or `alternating`";
pub(crate) const LOAD_FORMS: &str = "a weight like `2 kg`, `2.5-5 kg` or `10 lb`, a band colour like `red band`, or a band level like `level 2`";
pub(crate) const EFFORT_FORMS: &str = "a rating from 0 to 10 like `RPE 5`, `5/10` or `RPE 5-6`, or words: easy, light, moderate, somewhat hard, hard, very hard";

/// The largest value each kind of count may take.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bound {
    pub(crate) max: u32,
    pub(crate) noun: &'static str,
}

pub(crate) const SETS: Bound = Bound {
    max: 100,
    noun: "sets",
};
pub(crate) const REPS: Bound = Bound {
    max: 1000,
    noun: "reps",
};
pub(super) const PER_DAY: Bound = Bound {
    max: 24,
    noun: "times a day",
};
pub(super) const PER_WEEK: Bound = Bound {
    max: 100,
    noun: "times a week",
};
/// The longest time a hold, a duration or a rest may be: 24 hours.
const MAX_SECONDS: u64 = 24 * 3600;

pub(super) const NUMBER_WORDS: [&str; 10] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

pub(super) fn err(message: String, allowed: &'static str) -> DosageError {
    DosageError { message, allowed }
}

/// Lower case, single spaces, no trailing full stop.
pub(super) fn norm(text: &str) -> String {
    let lower = text.trim().trim_end_matches('.').to_lowercase();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One whole number written in decimal digits: `+5`, `0x10`, `1e3`, `1.5`
/// are refused with a message naming the value as written.
pub(super) fn number(s: &str, whole: &str, allowed: &'static str) -> Result<u32, DosageError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(err(format!("`{whole}` is missing a number"), allowed));
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return match s.trim_start_matches('0') {
            "" => Err(err(
                format!("`{whole}` contains 0, but counts start at 1"),
                allowed,
            )),
            d if d.len() > 9 => Err(err(format!("`{s}` is far too large"), allowed)),
            d => d
                .parse()
                .map_err(|_| err(format!("`{s}` is far too large"), allowed)),
        };
    }
    let lower = s.to_ascii_lowercase();
    let why = if s.starts_with('+') || s.starts_with('-') {
        "has a sign; write the number alone".to_string()
    } else if lower.starts_with("0x") {
        "is written in hexadecimal; write it in decimal digits".to_string()
    } else if lower.starts_with("0o") {
        "is written in octal; write it in decimal digits".to_string()
    } else if lower.starts_with("0b") {
        "is written in binary; write it in decimal digits".to_string()
    } else if lower.contains('e')
        && lower.starts_with(|c: char| c.is_ascii_digit())
        && !lower.contains(' ')
    {
        "has an exponent; write the number in plain digits".to_string()
    } else {
        "is not a whole number".to_string()
    };
    Err(err(format!("`{s}` {why}"), allowed))
}

/// Splits `a-b`, `a–b`, `a to b` into its two ends (the second `None` for one count).
pub(super) fn ends(t: &str) -> (&str, Option<&str>) {
    if let Some((a, b)) = t.split_once(" to ") {
        (a, Some(b))
    } else if let Some((a, b)) = t.get(1..).and_then(|rest| rest.split_once(['-', '–', '—'])) {
        (&t[..a.len() + 1], Some(b))
    } else {
        (t, None)
    }
}

pub(super) fn range_with(
    text: &str,
    bound: Bound,
    allowed: &'static str,
    num: impl Fn(&str, &str) -> Result<u32, DosageError>,
) -> Result<Range, DosageError> {
    let t = text.trim();
    let (a, b) = ends(t);
    let lo = num(a, t)?;
    let hi = match b {
        Some(b) => num(b, t)?,
        None => lo,
    };
    if lo > hi {
        return Err(err(
            format!("the range `{t}` goes down; write the smaller number first (`{hi}-{lo}`)"),
            allowed,
        ));
    }
    if hi > bound.max {
        return Err(err(
            format!(
                "`{t}` is more than {}, the most {} can be",
                group(bound.max),
                bound.noun
            ),
            allowed,
        ));
    }
    Ok(Range { lo, hi })
}

/// `1000` as `1,000`, as messages print bounds.
fn group(n: u32) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Parses a count or range: `2`, `2-3`, `2–3`, `2 to 3`, at most `bound.max`.
pub(crate) fn parse_count(text: &str, bound: Bound) -> Result<Range, DosageError> {
    range_with(text, bound, COUNT_FORMS, |s, t| number(s, t, COUNT_FORMS))
}

/// Parses reps: a count or range, or "as many as you can" (`AMRAP`).
pub(crate) fn parse_reps(text: &str) -> Result<Reps, DosageError> {
    match norm(text).as_str() {
        "amrap" | "as many as you can" | "as many as possible" | "as many reps as you can" => {
            Ok(Reps::AsManyAsYouCan)
        }
        _ => range_with(text, REPS, REPS_FORMS, |s, t| number(s, t, REPS_FORMS)).map(Reps::Count),
    }
}

/// A per-side phrase at the end of a value (`5 each leg`, `30 s per side`):
/// the value without it, and the side it names.
pub(crate) fn split_side(text: &str) -> (&str, Option<Side>) {
    const PHRASES: [(&str, Limb); 9] = [
        ("on each side", Limb::Side),
        ("each side", Limb::Side),
        ("per side", Limb::Side),
        ("a side", Limb::Side),
        ("each leg", Limb::Leg),
        ("per leg", Limb::Leg),
        ("each arm", Limb::Arm),
        ("per arm", Limb::Arm),
        ("each", Limb::Side),
    ];
    let t = text.trim_end();
    let lower = t.to_lowercase();
    for (phrase, limb) in PHRASES {
        if let Some(rest) = lower.strip_suffix(phrase) {
            if rest.ends_with([' ', ',']) && rest.len() == t.len() - phrase.len() {
                let value = t[..rest.len()].trim_end().trim_end_matches(',').trim_end();
                return (value, Some(Side::Each(limb)));
            }
        }
    }
    (t, None)
}

fn unit(word: &str) -> Option<Unit> {
    match word {
        "s" | "sec" | "secs" | "second" | "seconds" => Some(Unit::Seconds),
        "min" | "mins" | "minute" | "minutes" => Some(Unit::Minutes),
        "h" | "hr" | "hrs" | "hour" | "hours" => Some(Unit::Hours),
        _ => None,
    }
}

/// Parses a time: a count plus a unit (`30 s`, `1-2 min`), or a whole
/// number of a unit followed by a smaller one (`1 min 30 s`).
pub(crate) fn parse_time(text: &str) -> Result<Time, DosageError> {
    let t = text.trim();
    // "1min30s" → "1 min 30 s": a space wherever digits and letters meet
    // (but `0x1e` stays one word, to be refused as written).
    let mut spaced = String::new();
    for word in t.to_lowercase().split_whitespace() {
        spaced.push(' ');
        let exponent = word.split_once('e').is_some_and(|(a, b)| {
            !a.is_empty()
                && a.bytes().all(|c| c.is_ascii_digit() || c == b'.')
                && b.bytes()
                    .all(|c| c.is_ascii_digit() || c == b'-' || c == b'+')
        });
        if exponent || ["0x", "0o", "0b"].iter().any(|p| word.starts_with(p)) {
            spaced.push_str(word);
            continue;
        }
        let mut prev: Option<char> = None;
        for c in word.chars() {
            if prev.is_some_and(|p| {
                p.is_ascii_digit() != c.is_ascii_digit()
                    && p.is_alphanumeric()
                    && c.is_alphanumeric()
            }) {
                spaced.push(' ');
            }
            spaced.push(c);
            prev = Some(c);
        }
    }
    let mut groups: Vec<(String, Unit)> = Vec::new();
    let mut amount: Vec<&str> = Vec::new();
    for word in spaced.split_whitespace() {
        match unit(word) {
            Some(u) => {
                groups.push((amount.join(" "), u));
                amount.clear();
            }
            None if word == "to"
                || word.starts_with(|c: char| c.is_ascii_digit() || c == '+')
                || !word.chars().any(char::is_alphabetic) =>
            {
                amount.push(word)
            }
            None => return Err(err(format!("`{word}` is not a time unit"), TIME_FORMS)),
        }
    }
    if !amount.is_empty() {
        if let [one] = amount.as_slice() {
            if !one.starts_with(|c: char| c.is_ascii_digit()) || one.contains(['x', 'o', 'b', 'e'])
            {
                number(one, t, TIME_FORMS)?;
            }
        }
        let message = if groups.is_empty() {
            format!("`{t}` has no unit; say how long, e.g. `{t} s`")
        } else {
            format!("`{t}` has no unit after `{}`", amount.join(" "))
        };
        return Err(err(message, TIME_FORMS));
    }
    let amount_of = |a: &str| {
        range_with(
            a,
            Bound {
                max: u32::MAX,
                noun: "",
            },
            TIME_FORMS,
            |s, w| number(s, w, TIME_FORMS),
        )
    };
    let time = match groups.as_slice() {
        [] => {
            return Err(err(
                format!("`{t}` has no unit; say how long, e.g. `30 s`"),
                TIME_FORMS,
            ))
        }
        [(a, u)] => Time::new(amount_of(a)?, *u),
        [(a, u), (b, v)] => {
            let first = amount_of(a)?;
            let second = amount_of(b)?;
            if first.lo != first.hi || second.lo != second.hi {
                return Err(err(
                    format!(
                        "`{t}` mixes a range with two units; write it in one unit, e.g. `60-90 s`"
                    ),
                    TIME_FORMS,
                ));
            }
            if v.seconds() >= u.seconds()
                || second.hi as u64 * v.seconds() as u64 >= u.seconds() as u64
            {
                return Err(err(
                    format!(
                        "in `{t}` the second part should be a smaller unit and less than one {}",
                        a_unit(*u)
                    ),
                    TIME_FORMS,
                ));
            }
            Time {
                amount: first,
                unit: *u,
                then: Some((second.hi, *v)),
            }
        }
        _ => {
            return Err(err(
                format!("`{t}` has more than two parts; write it like `1 min 30 s`"),
                TIME_FORMS,
            ))
        }
    };
    if time.max_seconds() > MAX_SECONDS {
        return Err(err(format!("`{t}` is longer than 24 hours"), TIME_FORMS));
    }
    Ok(time)
}

fn a_unit(u: Unit) -> &'static str {
    match u {
        Unit::Seconds => "second",
        Unit::Minutes => "minute",
        Unit::Hours => "hour",
    }
}

/// Parses `side`.
pub(crate) fn parse_side(text: &str) -> Result<Side, DosageError> {
    match norm(text).as_str() {
        "both" => Ok(Side::Both),
        "alternating" | "alternate" | "alternating sides" => Ok(Side::Alternating),
        other => match split_side(&format!("x {other}")) {
            ("x", Some(side)) => Ok(side),
            _ => Err(err(format!("`{}` is not a side", text.trim()), SIDE_FORMS)),
        },
    }
}

#[cfg(test)]
#[path = "dosage_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "dosage_wording_tests.rs"]
mod wording_tests;
