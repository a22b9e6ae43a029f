//! How often: `daily`, `every other day`, `twice a week`, `3 times a day`,
//! `Mon, Wed and Fri`… (`FREQ_FORMS`).

use super::dosage::{
    err, norm, number, range_with, Bound, DosageError, FREQ_FORMS, NUMBER_WORDS, PER_DAY, PER_WEEK,
};
use crate::model::dosage::{Frequency, Range};

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
