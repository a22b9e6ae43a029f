//! Table-driven tests of the patient wording: every form as the patient
//! reads it, the wording read back, and a routine's overrides.

use super::*;
use crate::model::dosage::Dosage;

/// Reads `(field, text)` pairs the way front-matter gives them.
fn dosage(fields: &[(&str, &str)]) -> Dosage {
    let mut d = Dosage::default();
    for (key, text) in fields {
        let (amount, side) = split_side(text);
        if side.is_some() {
            d.side = side;
        }
        match *key {
            "sets" => d.sets = Some(parse_count(amount, SETS).unwrap()),
            "reps" => d.reps = Some(parse_reps(amount).unwrap()),
            "hold" => d.hold = Some(parse_time(amount).unwrap()),
            "duration" => d.duration = Some(parse_time(amount).unwrap()),
            "rest" => d.rest = Some(parse_time(amount).unwrap()),
            "load" => d.load = Some(parse_load(amount).unwrap()),
            "effort" => d.effort = Some(parse_effort(amount).unwrap()),
            "side" => d.side = Some(parse_side(amount).unwrap()),
            _ => d.frequency = Some(parse_frequency(amount).unwrap()),
        }
    }
    d
}

#[test]
fn patient_wording_of_every_form() {
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("sets", "2-3"), ("reps", "10-15"), ("hold", "2-3 s"), ("frequency", "2-3 times a day")],
            "2–3 sets of 10–15 reps · hold 2–3 seconds · 2–3 times a day"),
        (&[("sets", "3"), ("hold", "30 s"), ("side", "each"), ("frequency", "daily")],
            "3 × 30-second holds, each side · daily"),
        (&[("sets", "1"), ("hold", "1 min")], "1 × 1-minute hold"),
        (&[("reps", "1"), ("frequency", "once a day")], "1 rep · once a day"),
        (&[("sets", "1"), ("reps", "10"), ("side", "alternating")], "1 set of 10 reps, alternating sides"),
        (&[("duration", "1-2 min"), ("frequency", "3 times a week")], "1–2 minutes · 3 times a week"),
        (&[("sets", "2"), ("duration", "1 min"), ("side", "each")], "2 rounds of 1 minute, each side"),
        (&[("hold", "20-30 s")], "hold 20–30 seconds"),
        (&[("duration", "1 min 30 s")], "1 minute 30 seconds"),
        (&[("sets", "3"), ("hold", "1 min 30 s")], "3 × 1-minute-30-second holds"),
        (&[("duration", "1 hour")], "1 hour"),
        (&[("reps", "5 each leg")], "5 reps, each leg"),
        (&[("sets", "2"), ("reps", "8 each arm")], "2 sets of 8 reps, each arm"),
        (&[("reps", "AMRAP")], "as many reps as you can"),
        (&[("sets", "3"), ("reps", "amrap")], "3 sets of as many reps as you can"),
        (&[("reps", "10"), ("frequency", "every other day")], "10 reps · every other day"),
        (&[("reps", "10"), ("frequency", "weekly")], "10 reps · once a week"),
        (&[("reps", "10"), ("frequency", "1x weekly")], "10 reps · once a week"),
        (&[("reps", "10"), ("frequency", "twice a day")], "10 reps · 2 times a day"),
        (&[("reps", "10"), ("frequency", "Mon, Wed, Fri")], "10 reps · Mon, Wed and Fri"),
        (&[("reps", "10"), ("frequency", "Thursday")], "10 reps · Thu"),
        (&[("sets", "3"), ("reps", "10"), ("rest", "1 min")], "3 sets of 10 reps · rest 1 minute between sets"),
        (&[("reps", "10"), ("rest", "30 s")], "10 reps · rest 30 seconds"),
        (&[("reps", "10"), ("load", "2.5-5 kg")], "10 reps · using 2.5–5 kg"),
        (&[("reps", "10"), ("load", "10 lb")], "10 reps · using 10 lb"),
        (&[("reps", "10"), ("load", "red band")], "10 reps · using a red band"),
        (&[("reps", "10"), ("load", "level 2")], "10 reps · using a level 2 band"),
        (&[("reps", "10"), ("effort", "RPE 5-6")], "10 reps · effort 5–6 out of 10"),
        (&[("reps", "10"), ("effort", "moderate")], "10 reps · moderate effort"),
        (&[("sets", "3"), ("reps", "10 each leg"), ("load", "2 kg"), ("effort", "RPE 6"), ("rest", "90 s"), ("frequency", "3x per week")],
            "3 sets of 10 reps, each leg · using 2 kg · effort 6 out of 10 · rest 90 seconds between sets · 3 times a week"),
    ];
    for (fields, want) in cases {
        assert_eq!(dosage(fields).describe(), *want, "{fields:?}");
    }
}

#[test]
fn every_wording_reads_back_as_the_same_frequency() {
    // What handout prints as a frequency is itself accepted.
    for text in [
        "daily",
        "every other day",
        "once a week",
        "3 times a week",
        "2–3 times a day",
        "Mon, Wed and Fri",
        "once a day",
    ] {
        let f = parse_frequency(text).unwrap();
        assert_eq!(parse_frequency(&f.to_string()), Ok(f), "{text}");
    }
}

#[test]
fn overrides_replace_only_given_fields() {
    let base = dosage(&[
        ("sets", "2-3"),
        ("reps", "10-15"),
        ("frequency", "daily"),
        ("load", "red band"),
    ]);
    let over = dosage(&[
        ("sets", "2"),
        ("load", "green band"),
        ("rest", "30 s"),
        ("effort", "easy"),
    ]);
    assert_eq!(
        base.merged(&over).describe(),
        "2 sets of 10–15 reps · using a green band · easy effort · rest 30 seconds between sets · daily"
    );
}
