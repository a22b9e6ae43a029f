//! Table-driven tests of the dosage grammar: every accepted form, and every
//! rejection with its message.

use super::*;
use crate::model::dosage::{Effort, Frequency, Load, Mass};

fn r(lo: u32, hi: u32) -> Range {
    Range { lo, hi }
}

#[test]
fn counts_and_ranges() {
    let cases: &[(&str, Range)] = &[
        ("2", r(2, 2)),
        ("2-3", r(2, 3)),
        ("2–3", r(2, 3)),
        ("2—3", r(2, 3)),
        ("2 to 3", r(2, 3)),
        (" 10 - 15 ", r(10, 15)),
        ("3-3", r(3, 3)),
        ("010", r(10, 10)),
        ("100", r(100, 100)),
    ];
    for (text, want) in cases {
        assert_eq!(parse_count(text, SETS), Ok(*want), "{text}");
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
        (
            "0x10",
            "`0x10` is written in hexadecimal; write it in decimal digits",
        ),
        (
            "0o10",
            "`0o10` is written in octal; write it in decimal digits",
        ),
        (
            "0b11",
            "`0b11` is written in binary; write it in decimal digits",
        ),
        ("+5", "`+5` has a sign; write the number alone"),
        ("-5", "`-5` has a sign; write the number alone"),
        (
            "1e3",
            "`1e3` has an exponent; write the number in plain digits",
        ),
        ("101", "`101` is more than 100, the most sets can be"),
        (
            "99999999999999999999",
            "`99999999999999999999` is far too large",
        ),
    ];
    for (text, msg) in cases {
        let e = parse_count(text, SETS).unwrap_err();
        assert_eq!(e.message, *msg, "{text}");
        assert_eq!(e.allowed, COUNT_FORMS);
    }
}

#[test]
fn reps_and_their_bounds() {
    assert_eq!(parse_reps("1000"), Ok(Reps::Count(r(1000, 1000))));
    for amrap in [
        "AMRAP",
        "amrap",
        "As many as you can",
        "as many as possible",
    ] {
        assert_eq!(parse_reps(amrap), Ok(Reps::AsManyAsYouCan), "{amrap}");
    }
    let e = parse_reps("1001").unwrap_err();
    assert_eq!(e.message, "`1001` is more than 1,000, the most reps can be");
    assert_eq!(e.allowed, REPS_FORMS);
    assert_eq!(
        parse_reps("lots").unwrap_err().message,
        "`lots` is not a whole number"
    );
}

#[test]
fn per_side_words() {
    let each = |l| Some(Side::Each(l));
    let cases: &[(&str, &str, Option<Side>)] = &[
        ("5 each leg", "5", each(Limb::Leg)),
        ("5 Each Arm", "5", each(Limb::Arm)),
        ("10 per side", "10", each(Limb::Side)),
        ("30 s each side", "30 s", each(Limb::Side)),
        ("8-10, each leg", "8-10", each(Limb::Leg)),
        ("10 each", "10", each(Limb::Side)),
        ("10-15", "10-15", None),
        ("beach", "beach", None),
    ];
    for (text, rest, side) in cases {
        assert_eq!(split_side(text), (*rest, *side), "{text}");
    }
}

#[test]
fn times_in_every_unit() {
    let t = |lo, hi, unit| Time::new(r(lo, hi), unit);
    let cases: &[(&str, Time)] = &[
        ("30 s", t(30, 30, Unit::Seconds)),
        ("30s", t(30, 30, Unit::Seconds)),
        ("45 sec", t(45, 45, Unit::Seconds)),
        ("30 Seconds", t(30, 30, Unit::Seconds)),
        ("2-3 s", t(2, 3, Unit::Seconds)),
        ("1-2 min", t(1, 2, Unit::Minutes)),
        ("1–2 minutes", t(1, 2, Unit::Minutes)),
        ("1 minute", t(1, 1, Unit::Minutes)),
        ("20 to 30 seconds", t(20, 30, Unit::Seconds)),
        ("2 hours", t(2, 2, Unit::Hours)),
        ("24 h", t(24, 24, Unit::Hours)),
        (
            "1 min 30 s",
            Time {
                amount: r(1, 1),
                unit: Unit::Minutes,
                then: Some((30, Unit::Seconds)),
            },
        ),
        (
            "1min30s",
            Time {
                amount: r(1, 1),
                unit: Unit::Minutes,
                then: Some((30, Unit::Seconds)),
            },
        ),
        (
            "1 hour 15 min",
            Time {
                amount: r(1, 1),
                unit: Unit::Hours,
                then: Some((15, Unit::Minutes)),
            },
        ),
    ];
    for (text, want) in cases {
        assert_eq!(parse_time(text), Ok(*want), "{text}");
    }
}

#[test]
fn time_rejections_with_messages() {
    let cases: &[(&str, &str)] = &[
        ("30", "`30` has no unit; say how long, e.g. `30 s`"),
        ("30 fortnights", "`fortnights` is not a time unit"),
        ("0 s", "`0` contains 0, but counts start at 1"),
        (
            "5-2 min",
            "the range `5-2` goes down; write the smaller number first (`2-5`)",
        ),
        ("1 min 30", "`1 min 30` has no unit after `30`"),
        (
            "1 min 90 s",
            "in `1 min 90 s` the second part should be a smaller unit and less than one minute",
        ),
        (
            "30 s 1 min",
            "in `30 s 1 min` the second part should be a smaller unit and less than one second",
        ),
        (
            "1-2 min 30 s",
            "`1-2 min 30 s` mixes a range with two units; write it in one unit, e.g. `60-90 s`",
        ),
        (
            "1 h 2 min 3 s",
            "`1 h 2 min 3 s` has more than two parts; write it like `1 min 30 s`",
        ),
        ("25 hours", "`25 hours` is longer than 24 hours"),
        ("1.5 min", "`1.5` is not a whole number"),
        (
            "0x1e s",
            "`0x1e` is written in hexadecimal; write it in decimal digits",
        ),
    ];
    for (text, msg) in cases {
        let e = parse_time(text).unwrap_err();
        assert_eq!(e.message, *msg, "{text}");
        assert_eq!(e.allowed, TIME_FORMS);
    }
}

#[test]
fn frequencies_in_every_form() {
    use Frequency::*;
    let mwf = Days(0b10101);
    let cases: &[(&str, Frequency)] = &[
        ("daily", Daily),
        ("Daily", Daily),
        ("every day", Daily),
        ("every other day", EveryOtherDay),
        ("Every Other Day", EveryOtherDay),
        ("weekly", PerWeek(r(1, 1))),
        ("once a day", PerDay(r(1, 1))),
        ("twice a day", PerDay(r(2, 2))),
        ("once a week", PerWeek(r(1, 1))),
        ("twice weekly", PerWeek(r(2, 2))),
        ("2 times a day", PerDay(r(2, 2))),
        ("2-3 times a day", PerDay(r(2, 3))),
        ("3 times a week", PerWeek(r(3, 3))),
        ("3 times per week", PerWeek(r(3, 3))),
        ("3x per week", PerWeek(r(3, 3))),
        ("2x a day", PerDay(r(2, 2))),
        ("2x daily", PerDay(r(2, 2))),
        ("2X Daily", PerDay(r(2, 2))),
        ("3x weekly", PerWeek(r(3, 3))),
        ("1x weekly", PerWeek(r(1, 1))),
        ("1-2x daily", PerDay(r(1, 2))),
        ("three times a week", PerWeek(r(3, 3))),
        ("two to three times a day", PerDay(r(2, 3))),
        ("ten times a day", PerDay(r(10, 10))),
        ("Mon, Wed, Fri", mwf),
        ("Mon, Wed and Fri", mwf),
        ("monday/wednesday/friday", mwf),
        ("on Mon, Wed & Fri", mwf),
        ("Tue Thu", Days(0b1010)),
        ("Mon-Fri", Days(0b11111)),
        ("Sat and Sun", Days(0b1100000)),
    ];
    for (text, want) in cases {
        assert_eq!(parse_frequency(text), Ok(*want), "{text}");
    }
}

#[test]
fn frequency_rejections_with_messages() {
    let cases: &[(&str, &str)] = &[
        ("sometimes", "cannot read the frequency `sometimes`"),
        ("3 a week", "cannot read the frequency `3 a week`"),
        ("up to 3 times a day", "in the frequency `up to 3 times a day`: `up` is not a whole number"),
        ("0 times a day", "in the frequency `0 times a day`: `0` contains 0, but counts start at 1"),
        ("3-2x weekly", "in the frequency `3-2x weekly`: the range `3-2` goes down; write the smaller number first (`2-3`)"),
        ("25 times a day", "in the frequency `25 times a day`: `25` is more than 24, the most times a day can be"),
        ("0x3 times a day", "in the frequency `0x3 times a day`: `0x3` is written in hexadecimal; write it in decimal digits"),
        ("Mon, Mon", "`Mon, Mon` names a day twice"),
        ("Fri-Mon", "the days `fri-mon` go backwards; write them Monday first"),
    ];
    for (text, msg) in cases {
        let e = parse_frequency(text).unwrap_err();
        assert_eq!(e.message, *msg, "{text}");
        assert_eq!(e.allowed, FREQ_FORMS);
    }
}

#[test]
fn sides() {
    let cases: &[(&str, Side)] = &[
        ("both", Side::Both),
        ("each", Side::Each(Limb::Side)),
        ("Each side", Side::Each(Limb::Side)),
        ("per side", Side::Each(Limb::Side)),
        ("each leg", Side::Each(Limb::Leg)),
        ("each arm", Side::Each(Limb::Arm)),
        ("alternating", Side::Alternating),
    ];
    for (text, want) in cases {
        assert_eq!(parse_side(text), Ok(*want), "{text}");
    }
    let e = parse_side("left").unwrap_err();
    assert_eq!(
        (e.message.as_str(), e.allowed),
        ("`left` is not a side", SIDE_FORMS)
    );
}

#[test]
fn loads() {
    let kg = |lo, hi| Load::Weight(r(lo, hi), Mass::Kg);
    let cases: &[(&str, Load)] = &[
        ("2 kg", kg(20, 20)),
        ("2kg", kg(20, 20)),
        ("2.5 kg", kg(25, 25)),
        ("2.5-5 kg", kg(25, 50)),
        ("0.5 kg", kg(5, 5)),
        ("10 lb", Load::Weight(r(100, 100), Mass::Lb)),
        ("10 lbs", Load::Weight(r(100, 100), Mass::Lb)),
        ("red band", Load::Band("red")),
        ("Red", Load::Band("red")),
        ("band: green", Load::Band("green")),
        ("gray band", Load::Band("grey")),
        ("light band", Load::Band("light")),
        ("level 2", Load::Level(r(2, 2))),
        ("band level 2-3", Load::Level(r(2, 3))),
    ];
    for (text, want) in cases {
        assert_eq!(parse_load(text), Ok(*want), "{text}");
    }
    let rejections: &[(&str, &str)] = &[
        ("heavy-ish", "cannot read the load `heavy-ish`"),
        ("2 stone", "cannot read the load `2 stone`"),
        ("2.25 kg", "`2.25` is not a weight like `2` or `2.5`"),
        ("600 kg", "`600 kg` is not a weight between 0.1 and 500"),
        (
            "5-2 kg",
            "the range `5-2` goes down; write the smaller weight first",
        ),
        (
            "level 11",
            "`11` is more than 10, the most band levels can be",
        ),
        (
            "0x2 kg",
            "`0x2` is written in hexadecimal; write it in decimal digits",
        ),
    ];
    for (text, msg) in rejections {
        let e = parse_load(text).unwrap_err();
        assert_eq!(e.message, *msg, "{text}");
        assert_eq!(e.allowed, LOAD_FORMS);
    }
}

#[test]
fn efforts() {
    let cases: &[(&str, Effort)] = &[
        ("RPE 5", Effort::Rpe(r(5, 5))),
        ("rpe 5/10", Effort::Rpe(r(5, 5))),
        ("5/10", Effort::Rpe(r(5, 5))),
        ("RPE 5-6", Effort::Rpe(r(5, 6))),
        ("6 out of 10", Effort::Rpe(r(6, 6))),
        ("RPE 0", Effort::Rpe(r(0, 0))),
        ("0-2", Effort::Rpe(r(0, 2))),
        ("Moderate", Effort::Words("moderate")),
        ("somewhat hard", Effort::Words("somewhat hard")),
    ];
    for (text, want) in cases {
        assert_eq!(parse_effort(text), Ok(*want), "{text}");
    }
    let rejections: &[(&str, &str)] = &[
        (
            "RPE 11",
            "`11` is more than 10, the most an effort rating can be",
        ),
        ("brutal", "cannot read the effort `brutal`"),
        ("RPE", "cannot read the effort `RPE`"),
        (
            "7-5",
            "the range `7-5` goes down; write the smaller number first (`5-7`)",
        ),
        ("RPE +5", "cannot read the effort `RPE +5`"),
    ];
    for (text, msg) in rejections {
        let e = parse_effort(text).unwrap_err();
        assert_eq!(e.message, *msg, "{text}");
        assert_eq!(e.allowed, EFFORT_FORMS);
    }
}
