//! A dosage as the programme builder reads it: the short code that
//! `static/builder-code.js` also puts in a programme's address
//! ("s2-3r10h5sf2t": 2–3 sets of 10 reps, hold 5 seconds, twice a day),
//! used for every exercise and routine item of the builder's data so that
//! it stays small.

use crate::model::dosage::{
    Dosage, Effort, Frequency, Limb, Load, Mass, Range, Reps, Side, Time, Unit,
};
use crate::parse::dosage::{BANDS, EFFORT_WORDS};

fn band(b: &str) -> usize {
    BANDS.iter().position(|x| *x == b).unwrap_or(0)
}

fn effort_word(w: &str) -> usize {
    EFFORT_WORDS.iter().position(|x| *x == w).unwrap_or(0)
}

fn range_code(r: Range) -> String {
    if r.lo == r.hi {
        r.lo.to_string()
    } else {
        format!("{}-{}", r.lo, r.hi)
    }
}

fn time_code(t: Time) -> String {
    let u = |u: Unit| match u {
        Unit::Seconds => "s",
        Unit::Minutes => "m",
        Unit::Hours => "h",
    };
    let mut out = range_code(t.amount) + u(t.unit);
    if let Some((n, small)) = t.then {
        out += &format!("{n}{}", u(small));
    }
    out
}

/// A dosage as the builder's code, fields in the builder's order (see
/// `static/builder-code.js` for every letter).
pub(crate) fn code(d: &Dosage) -> String {
    let mut out = String::new();
    if let Some(r) = d.sets {
        out += &format!("s{}", range_code(r));
    }
    match d.reps {
        Some(Reps::Count(r)) => out += &format!("r{}", range_code(r)),
        Some(Reps::AsManyAsYouCan) => out += "ra",
        None => {}
    }
    if let Some(t) = d.hold {
        out += &format!("h{}", time_code(t));
    }
    if let Some(t) = d.duration {
        out += &format!("d{}", time_code(t));
    }
    if let Some(s) = d.side {
        out += match s {
            Side::Both => "ib",
            Side::Each(Limb::Side) => "ie",
            Side::Each(Limb::Leg) => "il",
            Side::Each(Limb::Arm) => "im",
            Side::Alternating => "ia",
        };
    }
    if let Some(t) = d.rest {
        out += &format!("p{}", time_code(t));
    }
    match d.load {
        Some(Load::Weight(r, Mass::Kg)) => out += &format!("lk{}", range_code(r)),
        Some(Load::Weight(r, Mass::Lb)) => out += &format!("lp{}", range_code(r)),
        Some(Load::Band(b)) => out += &format!("lb{}", band(b)),
        Some(Load::Level(r)) => out += &format!("lv{}", range_code(r)),
        None => {}
    }
    match d.effort {
        Some(Effort::Rpe(r)) => out += &format!("e{}", range_code(r)),
        Some(Effort::Words(w)) => out += &format!("ew{}", effort_word(w)),
        None => {}
    }
    match d.frequency {
        Some(Frequency::Daily) => out += "fd",
        Some(Frequency::EveryOtherDay) => out += "fo",
        Some(Frequency::PerDay(r)) => out += &format!("f{}t", range_code(r)),
        Some(Frequency::PerWeek(r)) => out += &format!("f{}w", range_code(r)),
        Some(Frequency::Days(bits)) => out += &format!("fx{bits}"),
        None => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_in_order() {
        let d = Dosage {
            sets: Some(Range { lo: 2, hi: 3 }),
            hold: Some(Time::new(Range::one(30), Unit::Seconds)),
            frequency: Some(Frequency::PerWeek(Range::one(3))),
            ..Default::default()
        };
        assert_eq!(code(&d), "s2-3h30sf3w");
    }

    #[test]
    fn every_field_has_a_short_code() {
        let d = Dosage {
            reps: Some(Reps::AsManyAsYouCan),
            hold: Some(Time {
                amount: Range::one(1),
                unit: Unit::Minutes,
                then: Some((30, Unit::Seconds)),
            }),
            side: Some(Side::Each(Limb::Leg)),
            rest: Some(Time::new(Range::one(1), Unit::Hours)),
            load: Some(Load::Weight(Range { lo: 25, hi: 50 }, Mass::Kg)),
            effort: Some(Effort::Words("somewhat hard")),
            frequency: Some(Frequency::Days(0b10101)),
            ..Default::default()
        };
        assert_eq!(code(&d), "rah1m30silp1hlk25-50ew3fx21");
        let band = Dosage {
            load: Some(Load::Band("red")),
            effort: Some(Effort::Rpe(Range { lo: 5, hi: 6 })),
            frequency: Some(Frequency::EveryOtherDay),
            ..Default::default()
        };
        assert_eq!(code(&band), "lb2e5-6fo");
    }

    #[test]
    fn the_lists_match_the_builders() {
        // builder-dosage.js names band colours and effort words by their place in these lists.
        let js = include_str!("../../static/builder-dosage.js");
        let quoted = |list: &[&str]| {
            list.iter()
                .map(|w| format!("\"{w}\""))
                .collect::<Vec<_>>()
                .join(", ")
        };
        assert!(js.contains(&format!("var BANDS = [{}];", quoted(&BANDS))));
        assert!(js.contains(&format!("var EFFORTS = [{}];", quoted(&EFFORT_WORDS))));
    }
}
