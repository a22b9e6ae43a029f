//! Fields that are there but show nothing: titles and section names made
//! only of invisible characters (zero-width spaces and the like), empty
//! cautions, routines without sections and sections without exercises.
//! Each would render an empty heading, link or list.

use crate::diag::Diagnostic;
use crate::model::Content;
use crate::source::load::SourceFile;
use crate::source::positions::Pos;

/// True when `text` would show nothing on a page: empty, or only spaces
/// and invisible characters (zero-width spaces, joiners, soft hyphens,
/// direction marks, byte-order marks, fillers).
pub(crate) fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c,
                '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}'
                | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}')
    })
}

/// Every blank field of `content`.
pub(crate) fn check(content: &Content) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in &content.exercises {
        let f = &content.files[e.src];
        title(f, &e.title, &mut out);
        cautions(f, &e.cautions, &mut out);
    }
    for r in &content.routines {
        let f = &content.files[r.src];
        title(f, &r.title, &mut out);
        cautions(f, &r.cautions, &mut out);
        let loc = f.positions();
        if r.sections.is_empty() && f.front_matter().is_some_and(|fm| fm.contains("sections")) {
            out.push(at(
                f,
                Diagnostic::error(&f.display, "routine has no sections")
                    .field("sections")
                    .help("list at least one section: `sections:` then `  - name: Warm-up` and `    exercises: [slug, …]`"),
                loc.value(&["sections"]),
            ));
        }
        for s in &r.sections {
            // The section's own lines start at its name, when it has one.
            let from = match s.name.trim() {
                "" => None,
                name => loc.token(&["sections"], name),
            };
            let sub = loc.starting_at(from.map_or(0, |p| p.line));
            let label = if is_blank(&s.name) {
                String::from("a section")
            } else {
                format!("section `{}`", s.name.trim())
            };
            if !s.name.is_empty() && is_blank(&s.name) {
                out.push(at(
                    f,
                    Diagnostic::error(&f.display, "section name has only invisible characters")
                        .field("sections.name")
                        .help("write the name in words, or leave `name:` out"),
                    sub.value(&["name"]).or(loc.key(&["sections"])),
                ));
            }
            if s.items.is_empty() {
                out.push(at(
                    f,
                    Diagnostic::error(&f.display, format!("{label} lists no exercises"))
                        .field("sections.exercises")
                        .help("list the exercises of the section by slug, e.g. `exercises: [wall-angels]`, or remove the section"),
                    sub.value(&["exercises"]).or(loc.key(&["sections"])),
                ));
            }
        }
    }
    for g in &content.guides {
        title(f_of(content, g.src), &g.title, &mut out);
    }
    if let (Some(src), Some(t)) = (content.home.src, &content.home.title) {
        title(f_of(content, src), t, &mut out);
    }
    out
}

fn f_of(content: &Content, src: usize) -> &SourceFile {
    &content.files[src]
}

fn at(f: &SourceFile, d: Diagnostic, pos: Option<Pos>) -> Diagnostic {
    let p = pos.unwrap_or_else(|| f.positions().start());
    d.at(p.line, p.col).width(p.width).with_snippet(&f.text)
}

/// A title that is not empty (that is reported as it is read) but shows nothing.
fn title(f: &SourceFile, title: &str, out: &mut Vec<Diagnostic>) {
    if title.is_empty() || !is_blank(title) {
        return;
    }
    out.push(at(
        f,
        Diagnostic::error(&f.display, "field `title` has only invisible characters")
            .field("title")
            .help("write the title in words; it is the page's heading and the text of every link to it"),
        f.positions().value(&["title"]),
    ));
}

fn cautions(f: &SourceFile, cautions: &[String], out: &mut Vec<Diagnostic>) {
    let blanks = cautions.iter().filter(|c| is_blank(c)).count();
    if blanks == 0 {
        return;
    }
    let message = match blanks {
        1 => "a caution in `cautions` is empty".to_string(),
        n => format!("{n} cautions in `cautions` are empty"),
    };
    out.push(at(
        f,
        Diagnostic::error(&f.display, message)
            .field("cautions")
            .help("write each caution as a sentence, or use `cautions: []` if there are none"),
        f.positions().key(&["cautions"]),
    ));
}

#[cfg(test)]
mod tests {
    use super::is_blank;

    #[test]
    fn invisible_text_is_blank() {
        for blank in [
            "",
            "  ",
            "\u{200B}",
            " \u{FEFF}\u{2060} ",
            "\u{00AD}",
            "\t\u{200D}",
        ] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for text in ["a", "\u{200B}a", "–", "😀"] {
            assert!(!is_blank(text), "{text:?}");
        }
    }
}
