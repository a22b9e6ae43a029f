//! How heavy and how hard: `load` (kg, lb, a band colour or level) and
//! `effort` (RPE 0–10 or words).

use super::dosage::{
    ends, err, norm, number, range_with, Bound, DosageError, EFFORT_FORMS, LOAD_FORMS,
};
use crate::model::dosage::{Effort, Load, Mass, Range};

const LEVEL: Bound = Bound {
    max: 10,
    noun: "band levels",
};

/// Band colours and strengths a load may name.
pub(crate) const BANDS: [&str; 14] = [
    "tan", "yellow", "red", "green", "blue", "black", "silver", "gold", "grey", "purple", "pink",
    "light", "medium", "heavy",
];

pub(crate) const EFFORT_WORDS: [&str; 6] = [
    "easy",
    "light",
    "moderate",
    "somewhat hard",
    "hard",
    "very hard",
];

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
