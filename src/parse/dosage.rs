//! The dosage grammar: counts, ranges, times, load, effort and frequencies
//! as clinicians write them, in any letter case, parsed into the typed
//! values of `model::dosage`. Numbers are read as written: decimal digits
//! only, within sensible bounds.

use crate::model::dosage::{Effort, Frequency, Limb, Load, Mass, Range, Reps, Side, Time, Unit};

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
const PER_DAY: Bound = Bound {
    max: 24,
    noun: "times a day",
};
const PER_WEEK: Bound = Bound {
    max: 100,
    noun: "times a week",
};
const LEVEL: Bound = Bound {
    max: 10,
    noun: "band levels",
};
/// The longest time a hold, a duration or a rest may be: 24 hours.
const MAX_SECONDS: u64 = 24 * 3600;

/// Band colours and strengths a load may name.
const BANDS: [&str; 14] = [
    "tan", "yellow", "red", "green", "blue", "black", "silver", "gold", "grey", "purple", "pink",
    "light", "medium", "heavy",
];
const EFFORT_WORDS: [&str; 6] = [
    "easy",
    "light",
    "moderate",
    "somewhat hard",
    "hard",
    "very hard",
];
const NUMBER_WORDS: [&str; 10] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

fn err(message: String, allowed: &'static str) -> DosageError {
    DosageError { message, allowed }
}

/// Lower case, single spaces, no trailing full stop.
fn norm(text: &str) -> String {
    let lower = text.trim().trim_end_matches('.').to_lowercase();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One whole number written in decimal digits: `+5`, `0x10`, `1e3`, `1.5`
/// are refused with a message naming the value as written.
fn number(s: &str, whole: &str, allowed: &'static str) -> Result<u32, DosageError> {
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
fn ends(t: &str) -> (&str, Option<&str>) {
    if let Some((a, b)) = t.split_once(" to ") {
        (a, Some(b))
    } else if let Some((a, b)) = t.get(1..).and_then(|rest| rest.split_once(['-', '–', '—'])) {
        (&t[..a.len() + 1], Some(b))
    } else {
        (t, None)
    }
}

fn range_with(
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

/// A count in a frequency: digits, a range, or a word from one to ten.
fn frequency_count(text: &str, whole: &str, bound: Bound) -> Result<Range, DosageError> {
    let num = |s: &str, t: &str| match NUMBER_WORDS.iter().position(|w| *w == s.trim()) {
        Some(i) => Ok(i as u32 + 1),
        None => number(s, t, FREQ_FORMS),
    };
    range_with(text, bound, FREQ_FORMS, num).map_err(|e| {
        err(
            format!("in the frequency `{whole}`: {}", e.message),
            FREQ_FORMS,
        )
    })
}

fn weekday(word: &str) -> Option<usize> {
    const NAMES: [&[&str]; 7] = [
        &["mon", "monday", "mondays"],
        &["tue", "tues", "tuesday", "tuesdays"],
        &["wed", "weds", "wednesday", "wednesdays"],
        &["thu", "thur", "thurs", "thursday", "thursdays"],
        &["fri", "friday", "fridays"],
        &["sat", "saturday", "saturdays"],
        &["sun", "sunday", "sundays"],
    ];
    NAMES.iter().position(|names| names.contains(&word))
}

/// Weekdays such as `Mon, Wed and Fri`, `Mon/Thu` or `Mon-Fri`, as bits.
fn weekdays(lower: &str, whole: &str) -> Option<Result<Frequency, DosageError>> {
    let list = lower
        .strip_prefix("on ")
        .or_else(|| lower.strip_prefix("every "))
        .unwrap_or(lower);
    let spaced = list
        .replace([',', '/', '&', '+'], " ")
        .replace(" and ", " ");
    let mut bits = 0u8;
    for word in spaced.split_whitespace() {
        let span = word.split_once(['-', '–']);
        let (first, last) = match span {
            Some((a, b)) => (weekday(a)?, weekday(b)?),
            None => (weekday(word)?, weekday(word)?),
        };
        if first > last {
            return Some(Err(err(
                format!("the days `{word}` go backwards; write them Monday first"),
                FREQ_FORMS,
            )));
        }
        for day in first..=last {
            if bits & (1 << day) != 0 {
                return Some(Err(err(format!("`{whole}` names a day twice"), FREQ_FORMS)));
            }
            bits |= 1 << day;
        }
    }
    (bits != 0).then_some(Ok(Frequency::Days(bits)))
}

/// Parses a frequency: every form of `FREQ_FORMS`, in any letter case.
pub(crate) fn parse_frequency(text: &str) -> Result<Frequency, DosageError> {
    let whole = text.trim();
    let lower = norm(text);
    match lower.as_str() {
        "daily" | "every day" | "each day" => return Ok(Frequency::Daily),
        "every other day" | "every second day" | "alternate days" | "on alternate days" => {
            return Ok(Frequency::EveryOtherDay)
        }
        "weekly" | "every week" | "each week" => return Ok(Frequency::PerWeek(Range::one(1))),
        _ => {}
    }
    if let Some(days) = weekdays(&lower, whole) {
        return days;
    }
    let bad = || err(format!("cannot read the frequency `{whole}`"), FREQ_FORMS);
    const PERIODS: [(&str, bool); 8] = [
        (" a day", true),
        (" per day", true),
        (" each day", true),
        (" daily", true),
        (" a week", false),
        (" per week", false),
        (" each week", false),
        (" weekly", false),
    ];
    // "3x daily": the period may follow the `x` without a space.
    let spaced = lower
        .replace("xdaily", "x daily")
        .replace("xweekly", "x weekly");
    let Some((count, per_day)) = PERIODS
        .iter()
        .find_map(|(p, day)| spaced.strip_suffix(p).map(|c| (c.trim(), *day)))
    else {
        return Err(bad());
    };
    let n = match count {
        "once" => Range::one(1),
        "twice" => Range::one(2),
        _ => {
            let c = ["times", "time", "x", "×"]
                .iter()
                .find_map(|m| count.strip_suffix(m))
                .ok_or_else(bad)?;
            frequency_count(c.trim(), whole, if per_day { PER_DAY } else { PER_WEEK })?
        }
    };
    Ok(if per_day {
        Frequency::PerDay(n)
    } else {
        Frequency::PerWeek(n)
    })
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

/// A weight in tenths: `2`, `2.5`.
fn tenths(s: &str, whole: &str) -> Result<u32, DosageError> {
    let s = s.trim();
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if frac.len() > 1
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || (int.is_empty() && frac.is_empty())
    {
        return Err(err(
            format!("`{s}` is not a weight like `2` or `2.5`"),
            LOAD_FORMS,
        ));
    }
    let whole_part = match int {
        "" | "0" if !frac.is_empty() => 0,
        _ => number(int, whole, LOAD_FORMS)?,
    };
    let value = whole_part as u64 * 10 + frac.parse::<u64>().unwrap_or(0);
    if value == 0 || value > 5000 {
        return Err(err(
            format!("`{whole}` is not a weight between 0.1 and 500"),
            LOAD_FORMS,
        ));
    }
    Ok(value as u32)
}

/// Parses `load`: a weight in kg or lb, a band colour or a band level.
pub(crate) fn parse_load(text: &str) -> Result<Load, DosageError> {
    let whole = text.trim();
    let lower = norm(text);
    let band = lower
        .strip_suffix(" band")
        .or_else(|| lower.strip_prefix("band: "))
        .or_else(|| lower.strip_prefix("band "))
        .unwrap_or(&lower);
    if let Some(b) = BANDS.iter().find(|b| **b == band) {
        return Ok(Load::Band(b));
    }
    if band == "gray" {
        return Ok(Load::Band("grey"));
    }
    if let Some(n) = band.strip_prefix("level ") {
        return range_with(n, LEVEL, LOAD_FORMS, |s, t| number(s, t, LOAD_FORMS)).map(Load::Level);
    }
    let spaced = lower.replace("kg", " kg").replace("lb", " lb");
    let mut words = spaced.rsplitn(2, ' ');
    let (unit, amount) = (
        words.next().unwrap_or(""),
        words.next().unwrap_or("").trim(),
    );
    let mass = match unit {
        "kg" | "kgs" | "kilo" | "kilos" | "kilograms" => Mass::Kg,
        "lb" | "lbs" | "pound" | "pounds" => Mass::Lb,
        _ => return Err(err(format!("cannot read the load `{whole}`"), LOAD_FORMS)),
    };
    let (a, b) = ends(amount);
    let lo = tenths(a, whole)?;
    let hi = match b {
        Some(b) => tenths(b, whole)?,
        None => lo,
    };
    if lo > hi {
        return Err(err(
            format!("the range `{amount}` goes down; write the smaller weight first"),
            LOAD_FORMS,
        ));
    }
    Ok(Load::Weight(Range { lo, hi }, mass))
}

/// Parses `effort`: RPE 0–10 (`RPE 5`, `5/10`, `RPE 5-6`) or words.
pub(crate) fn parse_effort(text: &str) -> Result<Effort, DosageError> {
    let whole = text.trim();
    let lower = norm(text);
    if let Some(w) = EFFORT_WORDS.iter().find(|w| **w == lower) {
        return Ok(Effort::Words(w));
    }
    let rating = lower.strip_prefix("rpe").unwrap_or(&lower).trim();
    let rating = rating
        .strip_suffix("/10")
        .or_else(|| rating.strip_suffix("out of 10"))
        .unwrap_or(rating)
        .trim();
    if rating.is_empty() || !rating.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(err(
            format!("cannot read the effort `{whole}`"),
            EFFORT_FORMS,
        ));
    }
    let num = |s: &str, t: &str| match s.trim() {
        "0" => Ok(0),
        s => number(s, t, EFFORT_FORMS),
    };
    let r = range_with(
        rating,
        Bound {
            max: 10,
            noun: "an effort rating",
        },
        EFFORT_FORMS,
        num,
    )?;
    Ok(Effort::Rpe(r))
}

#[cfg(test)]
#[path = "dosage_tests.rs"]
mod tests;
