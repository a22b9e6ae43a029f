//! The wording table of tests/data/dosage-wording.toml: every dosage the
//! model can hold, read by the dosage grammar and worded in English,
//! Spanish, French and German, must be the text written by hand.

use super::*;
use crate::parse::dosage::{
    parse_count, parse_effort, parse_frequency, parse_load, parse_reps, parse_side, parse_time,
    split_side, SETS,
};

const TABLE: &str = include_str!("../../tests/data/dosage-wording.toml");
pub(crate) const LANGS: [&str; 4] = ["en", "es", "fr", "de"];
/// Cases the model cannot hold (1-based, as the table counts them), and why.
const NOT_IN_THE_MODEL: [(usize, &str); 2] = [
    (
        44,
        "side `alternating legs`: the model alternates sides only",
    ),
    (
        45,
        "side `alternating arms`: the model alternates sides only",
    ),
];

/// The dosages of the table's cases that the model holds.
pub(crate) fn table_dosages() -> Vec<Dosage> {
    let table: toml::Table = TABLE.parse().expect("the table is TOML");
    let cases = table["case"].as_array().expect("[[case]]");
    cases
        .iter()
        .filter_map(|c| read(c["dosage"].as_table()?).ok())
        .collect()
}

/// The dosage of a case's fields, as the front-matter reader builds it.
fn read(fields: &toml::Table) -> Result<Dosage, String> {
    let mut d = Dosage::default();
    for (key, value) in fields {
        let text = value.as_str().ok_or("a field is text")?;
        let (amount, side) = split_side(text);
        if side.is_some() {
            d.side = side;
        }
        let e = |e: crate::parse::dosage::DosageError| format!("{key}: {}", e.message);
        match key.as_str() {
            "sets" => d.sets = Some(parse_count(amount, SETS).map_err(e)?),
            "reps" => d.reps = Some(parse_reps(amount).map_err(e)?),
            "hold" => d.hold = Some(parse_time(amount).map_err(e)?),
            "duration" => d.duration = Some(parse_time(amount).map_err(e)?),
            "rest" => d.rest = Some(parse_time(amount).map_err(e)?),
            "load" => d.load = Some(parse_load(amount).map_err(e)?),
            "effort" => d.effort = Some(parse_effort(amount).map_err(e)?),
            "side" => d.side = Some(parse_side(amount).map_err(e)?),
            "frequency" => d.frequency = Some(parse_frequency(amount).map_err(e)?),
            other => return Err(format!("unknown field {other}")),
        }
    }
    Ok(d)
}

#[test]
fn every_case_of_the_table_in_four_languages() {
    let table: toml::Table = TABLE.parse().expect("the table is TOML");
    let cases = table["case"].as_array().expect("[[case]]");
    let catalogs: Vec<Catalog> = LANGS.iter().map(|l| Catalog::builtin(l)).collect();
    let (mut wrong, mut passed, mut skipped) = (Vec::new(), [0usize; 4], Vec::new());
    for (i, case) in cases.iter().enumerate() {
        let number = i + 1;
        let fields = case["dosage"].as_table().expect("a dosage");
        let skip = NOT_IN_THE_MODEL.iter().find(|(n, _)| *n == number);
        let d = match (read(fields), skip) {
            (Ok(_), Some((_, why))) => {
                wrong.push(format!(
                    "case {number} is listed as not in the model ({why}) but reads"
                ));
                continue;
            }
            (Err(_), Some(_)) => {
                skipped.push(number);
                continue;
            }
            (Err(e), None) => {
                wrong.push(format!("case {number}: {e}"));
                continue;
            }
            (Ok(d), None) => d,
        };
        for (k, (lang, c)) in LANGS.iter().zip(&catalogs).enumerate() {
            let want = case[*lang].as_str().expect("a text");
            let got = d.describe_in(c);
            if got == want {
                passed[k] += 1;
            } else {
                wrong.push(format!(
                    "case {number} {lang}:\n  want {want:?}\n  got  {got:?}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(skipped.len(), NOT_IN_THE_MODEL.len());
    // Every case but the skipped ones, in each language.
    assert_eq!(passed, [cases.len() - skipped.len(); 4], "{passed:?}");
    assert_eq!(cases.len(), 56);
}

#[test]
fn wording_beyond_the_table() {
    let es = Catalog::builtin("es");
    let de = Catalog::builtin("de");
    let fields = |s: &str| -> toml::Table { s.parse().expect("toml") };
    let d = read(&fields(
        "reps = \"10\"\nload = \"level 2\"\neffort = \"moderate\"\nrest = \"30 s\"\nhold = \"1 hour\"",
    ))
    .expect("reads");
    assert_eq!(
        d.describe(),
        "10 reps · hold 1 hour · using a level 2 band · moderate effort · rest 30 seconds"
    );
    assert_eq!(
        d.describe_in(&es),
        "10 repeticiones · mantener 1 hora · con una banda de nivel 2 · esfuerzo moderado · descansar 30 segundos"
    );
    let d = read(&fields(
        "sets = \"3\"\nhold = \"1 min 30 s\"\nload = \"heavy band\"",
    ))
    .expect("reads");
    assert_eq!(
        d.describe(),
        "3 × 1-minute-30-second holds · using a heavy band"
    );
    assert_eq!(
        d.describe_in(&de),
        "3-mal 1 Minute und 30 Sekunden halten · mit einem starken Band"
    );
}
