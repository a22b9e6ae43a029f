//! Checks that need more than one field: vocabulary terms, unique slugs,
//! images, and exercises no routine uses. Every problem is collected.

use crate::diag::Diagnostic;
use crate::model::taxonomy::{Taxonomy, Vocabularies};
use crate::model::{Content, Exercise};
use crate::source::positions::{Locator, Pos};
use crate::theme::Theme;
use std::collections::{HashMap, HashSet};

mod media;
use media::check_media;

/// Runs every cross-field check over the parsed content.
pub(crate) fn check(content: &Content, vocabs: &Vocabularies, theme: &Theme) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for ex in &content.exercises {
        check_terms(content, ex, vocabs, &mut diags);
        check_media(content, ex, theme, &mut diags);
    }
    check_goals(content, vocabs, &mut diags);
    duplicate_slugs(content, &mut diags);
    let used: HashSet<&str> = content
        .routines
        .iter()
        .flat_map(|r| r.items().map(|i| i.exercise.as_str()))
        .collect();
    for ex in &content.exercises {
        if !used.contains(ex.slug.as_str()) && !ex.draft {
            let file = &content.files[ex.src];
            diags.push(
                Diagnostic::warning(
                    &file.display,
                    format!("exercise `{}` is in no routine", ex.slug),
                )
                .kind("exercise_in_no_routine")
                .help("add it to a routine's `sections`, so patients find it in a programme"),
            );
        }
    }
    diags
}

fn locate(content: &Content, src: usize) -> (Locator<'_>, &str, &str) {
    let f = &content.files[src];
    (f.positions(), f.display.as_str(), f.text.as_str())
}

fn at(d: Diagnostic, pos: Option<Pos>, text: &str) -> Diagnostic {
    let p = pos.unwrap_or_default();
    d.at(p.line, p.col).width(p.width).with_snippet(text)
}

fn check_terms(
    content: &Content,
    ex: &Exercise,
    vocabs: &Vocabularies,
    diags: &mut Vec<Diagnostic>,
) {
    for t in Taxonomy::ALL {
        let (field, vocab) = (t.name(), &vocabs[t]);
        for term in ex.terms(t) {
            if term.is_empty() || vocab.label(term).is_some() {
                continue;
            }
            // Only now: finding a field's line costs a pass over the file.
            let (loc, display, text) = locate(content, ex.src);
            let names: Vec<&str> = vocab.term_names().collect();
            let d = unknown_term(display, field, term, &names, vocab.removed.contains(term));
            diags.push(at(d, loc.token(&[field], term), text));
        }
    }
}

/// "unknown region `knee`", with what is allowed, a likely typo, and how to
/// add the term (or that the site removed it).
fn unknown_term(
    display: &str,
    field: &str,
    term: &str,
    names: &[&str],
    removed: bool,
) -> Diagnostic {
    let d = Diagnostic::error(display, format!("unknown {field} `{term}`"))
        .field(field)
        .allowed(names.join(", "));
    let undashed = term.trim_start_matches('-');
    if undashed != term && names.contains(&undashed) {
        return d.help(format!(
            "put a space after `-` to start a list item: `- {undashed}`"
        ));
    }
    if removed {
        return d.help(format!(
            "`{term}` is turned off in handout.toml (`{term} = false` under [vocabulary.{field}]); remove that line to use it"
        ));
    }
    let add = format!(
        "to add it, list it in handout.toml under [vocabulary.{field}]: `{term} = \"{}\"`",
        label_for(term)
    );
    match crate::diag::did_you_mean(term, names.iter().copied()) {
        Some(best) => d.help(format!("did you mean `{best}`? Or, {add}")),
        None => d.help(add),
    }
}

/// A first guess at a label for a new term: `upper-leg` → "Upper leg".
fn label_for(term: &str) -> String {
    let words = term.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Each routine's goal is a term of the goal vocabulary.
fn check_goals(content: &Content, vocabs: &Vocabularies, diags: &mut Vec<Diagnostic>) {
    let goals = &vocabs.goals;
    for r in &content.routines {
        if r.goal.is_empty() || goals.label(&r.goal).is_some() {
            continue;
        }
        let (loc, display, text) = locate(content, r.src);
        let names: Vec<&str> = goals.terms.iter().map(|(t, _)| t.as_str()).collect();
        let removed = goals.removed.contains(&r.goal);
        let d = unknown_term(display, "goal", &r.goal, &names, removed);
        diags.push(at(d, loc.value(&["goal"]), text));
    }
}

/// A warning for each term that no exercise uses (off unless a site asks
/// for `unused_term`): such terms get no page and no filter.
pub(crate) fn unused_terms(all: &Vocabularies, shown: &Vocabularies) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for t in Taxonomy::ALL {
        for term in all[t].term_names() {
            if shown[t].label(term).is_none() {
                out.push(
                    Diagnostic::warning(
                        crate::config::FILE,
                        format!("no exercise uses the {} term `{term}`, so the site leaves it out", t.name()),
                    )
                    .field(format!("vocabulary.{}", t.name()))
                    .kind("unused_term")
                    .help(format!("to say so in handout.toml and silence this, add `{term} = false` under [vocabulary.{}]", t.name())),
                );
            }
        }
    }
    out
}

fn duplicate_slugs(content: &Content, diags: &mut Vec<Diagnostic>) {
    let sections: [(&str, Vec<(usize, &str)>); 3] = [
        (
            "exercise",
            content
                .exercises
                .iter()
                .map(|e| (e.src, e.slug.as_str()))
                .collect(),
        ),
        (
            "routine",
            content
                .routines
                .iter()
                .map(|e| (e.src, e.slug.as_str()))
                .collect(),
        ),
        (
            "guide",
            content
                .guides
                .iter()
                .map(|e| (e.src, e.slug.as_str()))
                .collect(),
        ),
    ];
    for (kind, slugs) in sections {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut sorted = slugs;
        sorted.sort();
        for (src, slug) in sorted {
            if let Some(first) = seen.get(slug) {
                let (loc, display, text) = locate(content, src);
                diags.push(at(
                    Diagnostic::error(
                        display,
                        format!("another {kind} already uses the slug `{slug}`"),
                    )
                    .field("slug")
                    .help(format!(
                        "{} has the same slug; give one of them a different `slug:`",
                        content.files[*first].display
                    )),
                    loc.value(&["slug"]),
                    text,
                ));
            } else {
                seen.insert(slug, src);
            }
        }
    }
}
