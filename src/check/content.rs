//! Content checks a site can turn off in `[warnings]`: the reading grade of
//! each patient page, exercises with no numbered steps, and counts in the
//! steps ("Repeat 10 times") that the dosage contradicts.

use super::readability;
use crate::diag::Diagnostic;
use crate::model::dosage::{Range, Reps};
use crate::model::{Content, Exercise};
use crate::render::Memo;
use crate::source::load::SourceFile;
use std::sync::Arc;

/// The content warnings of every page, with `max_grade` the highest reading grade.
/// With a `memo` (kept by `serve`), a page whose file is unchanged is not
/// read again.
pub(crate) fn check(
    content: &Content,
    sources: &[usize],
    max_grade: f64,
    memo: Option<&Memo>,
) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let mut out: Vec<Diagnostic> = sources
        .par_iter()
        .flat_map_iter(|&src| {
            let f = &content.files[src];
            let make = || reading_grade(f, max_grade).into_iter().collect();
            match memo {
                Some(m) => m.warnings(f, "reading grade", max_grade.to_bits(), make),
                None => Arc::new(make()),
            }
            .to_vec()
        })
        .collect();
    out.par_extend(content.exercises.par_iter().flat_map_iter(|ex| {
        let f = &content.files[ex.src];
        let make = || steps(content, ex);
        match memo {
            Some(m) => m.warnings(
                f,
                "steps",
                crate::fingerprint::of(format!("{:?}", ex.dosage.reps)),
                make,
            ),
            None => Arc::new(make()),
        }
        .to_vec()
    }));
    out
}

/// Pages with fewer words are not graded.
const MIN_WORDS: usize = 30;

/// A warning when the body of `file` reads above `max_grade`, naming the
/// grade and the two hardest sentences.
fn reading_grade(file: &SourceFile, max_grade: f64) -> Option<Diagnostic> {
    let prose = readability::markdown_to_prose(file.body());
    let sentences = readability::sentences(&prose);
    let words: usize = sentences.iter().map(|s| s.words).sum();
    let grade = readability::grade(&sentences);
    // A grade of a few words says nothing about how a page reads.
    if words < MIN_WORDS || grade <= max_grade {
        return None;
    }
    let mut hardest: Vec<&readability::Sentence> = sentences.iter().collect();
    hardest.sort_by(|a, b| b.grade().total_cmp(&a.grade()));
    let quoted: Vec<String> = hardest
        .iter()
        .take(2)
        .map(|s| format!("“{}” (grade {:.1})", s.shown(), s.grade()))
        .collect();
    Some(
        Diagnostic::warning(
            &file.display,
            format!("the page reads at grade {grade:.1}, above the limit of {max_grade}"),
        )
        .kind("reading_grade")
        .help(format!(
            "use shorter sentences and shorter words; the hardest: {}",
            quoted.join("; ")
        )),
    )
}

/// A count of times in a step: "Repeat 10 times", "Repeat 8 to 12 times",
/// "Do this 3 times".
fn count_in(step: &str) -> Option<(Range, String)> {
    const WORDS: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let lower = step.to_lowercase();
    for lead in ["repeat ", "do this ", "do it "] {
        let Some(at) = lower.find(lead) else { continue };
        let rest = &lower[at + lead.len()..];
        let Some(end) = rest.find(" times") else {
            continue;
        };
        let count = &rest[..end];
        let num = |s: &str| {
            let s = s.trim();
            s.parse::<u32>()
                .ok()
                .or_else(|| WORDS.iter().position(|w| *w == s).map(|i| i as u32 + 1))
        };
        let (a, b) = match count
            .split_once(" to ")
            .or_else(|| count.split_once(['-', '–']))
        {
            Some((a, b)) => (num(a), num(b)),
            None => (num(count), num(count)),
        };
        if let (Some(lo), Some(hi)) = (a, b) {
            let written = step[at..at + lead.len() + end + " times".len()].to_string();
            return Some((Range { lo, hi }, written));
        }
    }
    None
}

/// An exercise with no numbered steps, or with a count in its steps that
/// its dosage contradicts.
fn steps(content: &Content, ex: &Exercise) -> Vec<Diagnostic> {
    let file = &content.files[ex.src];
    let steps = crate::markdown::text::steps(file.body());
    if steps.is_empty() {
        return vec![
            Diagnostic::warning(&file.display, "the exercise has no numbered steps")
                .kind("no_steps")
                .help(
                    "write the steps as a numbered list (`1. …`, `2. …`): printed sheets show them",
                ),
        ];
    }
    let Some(Reps::Count(reps)) = ex.dosage.reps else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (offset, text) in steps {
        let Some((count, written)) = count_in(&text) else {
            continue;
        };
        if count != reps {
            let line = file.body_line + file.body()[..offset].matches('\n').count();
            out.push(
                Diagnostic::warning(
                    &file.display,
                    format!("the steps say “{written}”, but the dosage says {reps} reps"),
                )
                .at(line, 1)
                .field("dosage.reps")
                .kind("steps_contradict_dosage")
                .help("make the steps and `dosage.reps` agree, or leave the count out of the steps")
                .with_snippet(&file.text),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_steps() {
        let r = |lo, hi| Range { lo, hi };
        let cases: &[(&str, Option<Range>)] = &[
            ("Repeat 10 times.", Some(r(10, 10))),
            ("Lower slowly. Repeat 8 to 12 times.", Some(r(8, 12))),
            ("Repeat 5-6 times, then switch.", Some(r(5, 6))),
            ("Do this three times in all.", Some(r(3, 3))),
            ("Repeat on the other side.", None),
            ("Hold for 10 seconds.", None),
        ];
        for (step, want) in cases {
            assert_eq!(count_in(step).map(|(c, _)| c), *want, "{step}");
        }
    }
}
