//! Readability gate for the sample handbook.
//!
//! Every exercise, routine and guide page, and the home page, must read at a
//! Flesch–Kincaid grade of 8.0 or lower. Translations (`<name>.<lang>.md`)
//! are scored in their own language instead (tests/languages.rs). The test
//! reads the Markdown under `content/`, strips what a patient does not read
//! as prose (front-matter, code blocks, inline code, link targets, HTML tags,
//! Markdown punctuation) and computes
//!
//! ```text
//! grade = 0.39 × words/sentences + 11.8 × syllables/words − 15.59
//! ```
//!
//! Headings, list items, table rows and blank-line-separated paragraphs end a
//! sentence, as do `.`, `!`, `?`, `:` and `;`.
//!
//! Only `std` is used, so this file also builds on its own with
//! `rustc --test tests/readability.rs` (run the result from the project root).

use std::fs;
use std::path::{Path, PathBuf};

const MAX_GRADE: f64 = 8.0;

/// Project root: Cargo's manifest dir when built by Cargo, else the current dir.
fn root() -> PathBuf {
    match option_env!("CARGO_MANIFEST_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => std::env::current_dir().expect("current dir"),
    }
}

/// Estimated English syllables in one word (letters only; digits count as one).
pub fn syllables(word: &str) -> usize {
    let w: String = word
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    if w.is_empty() {
        return 0;
    }
    if w.chars().all(|c| c.is_ascii_digit()) {
        return 1;
    }
    if w.len() <= 3 {
        return 1;
    }
    let b = w.as_bytes();
    let is_vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    // Count groups of vowels.
    let mut count = 0usize;
    let mut prev = false;
    for (i, &c) in b.iter().enumerate() {
        // A leading 'y' is a consonant (yes, your).
        let v = is_vowel(c) && !(i == 0 && c == b'y');
        if v && !prev {
            count += 1;
        }
        prev = v;
    }
    let n = b.len();
    let cons = |c: u8| c.is_ascii_alphabetic() && !is_vowel(c);
    // Silent final 'e' (make, side), but not "-le" after a consonant (table)
    // and not after another vowel group that is the only one (the, be: short words handled above).
    if b[n - 1] == b'e' && count > 1 {
        let le = b[n - 2] == b'l' && cons(b[n - 3]);
        if !le && cons(b[n - 2]) {
            count -= 1;
        }
    }
    // Silent "-es" / "-ed" (shapes, moved), but not "-tes/-des/-ses/-ces/-ges/-zes/-xes", "-ted/-ded".
    if n >= 4
        && count > 1
        && b[n - 1] == b's'
        && b[n - 2] == b'e'
        && cons(b[n - 3])
        && (!matches!(
            b[n - 3],
            b't' | b'd' | b's' | b'c' | b'g' | b'z' | b'x' | b'h'
        ) || w.ends_with("thes"))
    {
        count -= 1;
    }
    if n >= 4
        && count > 1
        && b[n - 1] == b'd'
        && b[n - 2] == b'e'
        && cons(b[n - 3])
        && !matches!(b[n - 3], b't' | b'd')
    {
        count -= 1;
    }
    // Vowel pairs that are usually said as two syllables.
    for pat in ["ia", "io", "iu", "eo", "ua", "uo"] {
        let mut start = 0;
        while let Some(pos) = w[start..].find(pat) {
            let at = start + pos;
            // "tion", "sion", "cious", "gious", "cial", "tial" keep one syllable.
            let before = if at > 0 { b[at - 1] } else { b' ' };
            let soft = pat.starts_with('i') && matches!(before, b't' | b's' | b'c' | b'g' | b'x');
            let qu = pat.starts_with('u') && before == b'q';
            if !soft && !qu {
                count += 1;
            }
            start = at + 1;
        }
    }
    count.max(1)
}

/// Text statistics of already-cleaned prose.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

impl Stats {
    pub fn grade(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 0.0;
        }
        0.39 * self.words as f64 / self.sentences as f64
            + 11.8 * self.syllables as f64 / self.words as f64
            - 15.59
    }
}

/// Split cleaned text into words, treating `\n` as a sentence break.
pub fn stats(text: &str) -> Stats {
    let mut s = Stats {
        words: 0,
        sentences: 0,
        syllables: 0,
    };
    let mut in_sentence = false;
    let mut word = String::new();
    let flush = |word: &mut String, s: &mut Stats, in_sentence: &mut bool| {
        if word.chars().any(|c| c.is_ascii_alphanumeric()) {
            s.words += 1;
            s.syllables += syllables(word);
            *in_sentence = true;
        }
        word.clear();
    };
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        let ends = match c {
            '\n' | '!' | '?' | ';' => true,
            // "2.5" and "e.g" are not sentence ends; a stop before a space is.
            '.' | ':' => next.is_whitespace() || next == '"' || next == ')',
            _ => false,
        };
        if c.is_alphanumeric()
            || c == '\''
            || c == '’'
            || (c == '.' && next.is_ascii_digit() && !word.is_empty())
        {
            word.push(c);
            continue;
        }
        flush(&mut word, &mut s, &mut in_sentence);
        if ends && in_sentence {
            s.sentences += 1;
            in_sentence = false;
        }
    }
    flush(&mut word, &mut s, &mut in_sentence);
    if in_sentence {
        s.sentences += 1;
    }
    s
}

/// Flesch–Kincaid grade of cleaned text.
pub fn grade(text: &str) -> f64 {
    stats(text).grade()
}

/// Remove a leading `---` … `---` block.
fn strip_front_matter(src: &str) -> &str {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let mut lines = src.split_inclusive('\n');
    match lines.next() {
        Some(first) if first.trim_end() == "---" => {}
        _ => return src,
    }
    let mut offset = src.find('\n').map(|i| i + 1).unwrap_or(src.len());
    for line in lines {
        offset += line.len();
        if line.trim_end() == "---" {
            return &src[offset..];
        }
    }
    src
}

/// Remove `(url)` after `]`, leaving the link text.
fn strip_link_targets(line: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ']' && chars.get(i + 1) == Some(&'(') {
            let mut depth = 0;
            let mut j = i + 1;
            while j < chars.len() {
                match chars[j] {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            out.push(' ');
            i = j + 1;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn strip_between(line: &str, open: char, close: char) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in line.chars() {
        if !inside && c == open {
            inside = true;
            out.push(' ');
        } else if inside && c == close {
            inside = false;
        } else if !inside {
            out.push(c);
        }
    }
    out
}

/// Markdown body → prose, one line per sentence-ending block element.
pub fn markdown_to_prose(src: &str) -> String {
    let body = strip_front_matter(src);
    let mut out = String::new();
    let mut fence: Option<String> = None;
    for raw in body.lines() {
        let t = raw.trim_start();
        if let Some(marker) = &fence {
            if t.starts_with(marker.as_str()) {
                fence = None;
            }
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = Some(t[..3].to_string());
            continue;
        }
        // Table separator rows carry no words.
        if t.starts_with('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
            continue;
        }
        let mut line = strip_between(t, '`', '`');
        line = strip_link_targets(&line);
        line = strip_between(&line, '<', '>');
        // Block markers: headings, quotes, bullets, numbers.
        let trimmed = line.trim_start_matches(|c: char| c == '#' || c == '>' || c.is_whitespace());
        let trimmed = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
            .or_else(|| trimmed.strip_prefix("+ "))
            .unwrap_or(trimmed);
        let trimmed = match trimmed.find(". ") {
            Some(i) if i > 0 && trimmed[..i].chars().all(|c| c.is_ascii_digit()) => {
                &trimmed[i + 2..]
            }
            _ => trimmed,
        };
        let cleaned: String = trimmed
            .chars()
            .map(|c| match c {
                '*' | '_' | '[' | ']' | '|' | '#' | '>' | '=' | '{' | '}' => ' ',
                c => c,
            })
            .collect();
        let block_end = t.starts_with('#')
            || t.starts_with("- ")
            || t.starts_with("* ")
            || t.starts_with("+ ")
            || t.starts_with('|')
            || t.is_empty()
            || t.chars().next().is_some_and(|c| c.is_ascii_digit());
        if block_end {
            out.push('\n');
            out.push_str(&cleaned);
            out.push('\n');
        } else {
            out.push(' ');
            out.push_str(&cleaned);
        }
    }
    out
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            markdown_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "md") && !is_translation(&p) {
            out.push(p);
        }
    }
}

/// `wall-angels.es.md`: a translation, named by its language after a dot.
fn is_translation(p: &Path) -> bool {
    p.file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.rsplit_once('.'))
        .is_some_and(|(_, lang)| {
            (2..=3).contains(&lang.len()) && lang.chars().all(|c| c.is_ascii_lowercase())
        })
}

fn handbook_pages() -> Vec<PathBuf> {
    let content = root().join("content");
    let mut files = Vec::new();
    for sub in ["exercises", "routines", "guides"] {
        markdown_files(&content.join(sub), &mut files);
    }
    let index = content.join("index.md");
    if index.exists() {
        files.push(index);
    }
    files.sort();
    files
}

#[test]
fn syllable_counter_on_known_words() {
    let cases = [
        ("the", 1),
        ("cat", 1),
        ("stretch", 1),
        ("shoulder", 2),
        ("table", 2),
        ("gently", 2),
        ("make", 1),
        ("moved", 1),
        ("rested", 2),
        ("exercise", 3),
        ("position", 3),
        ("every", 3),
        ("syllable", 3),
        ("thoracic", 3),
        ("mobility", 4),
        ("stabilisation", 5),
        ("10", 1),
    ];
    let mut wrong = Vec::new();
    for (w, n) in cases {
        if syllables(w) != n {
            wrong.push(format!("{w}: expected {n}, got {}", syllables(w)));
        }
    }
    // The heuristic may miss odd words, but not these.
    assert!(wrong.is_empty(), "syllable counter is off: {wrong:?}");
}

#[test]
fn grade_of_known_sentences() {
    // 4 words, 1 sentence, 4 syllables: 0.39*4 + 11.8*1 - 15.59 = -2.23
    let easy = stats("The cat sat down.");
    assert_eq!(
        easy,
        Stats {
            words: 4,
            sentences: 1,
            syllables: 4
        }
    );
    assert!((easy.grade() - -2.23).abs() < 1e-9);

    // Long words and one long sentence read well above grade 8.
    let hard = "Comprehensive rehabilitation programmes necessitate individualised \
                consideration of biomechanical, psychological and occupational \
                circumstances, particularly regarding thoracic hypomobility.";
    assert!(grade(hard) > 16.0, "hard text graded {}", grade(hard));

    // Plain handout prose stays low.
    let plain = "Lie on your back. Bend your knees. Breathe out as you lift one foot.";
    assert!(grade(plain) < 4.0, "plain text graded {}", grade(plain));
}

#[test]
fn markdown_is_cleaned_before_counting() {
    let md = "---\ntitle: Long Title With Many Syllables Everywhere\n---\n\
              ## Starting position\n\n\
              Sit tall on a [chair](../exercises/some-really-long-slug.md).\n\n\
              ```yaml\ndosage: { reps: 10 }\n```\n\n\
              1. Turn your head.\n2. Hold `for a while`.\n";
    let prose = markdown_to_prose(md);
    assert!(!prose.contains("Title"));
    assert!(!prose.contains("slug"));
    assert!(!prose.contains("dosage"));
    assert!(!prose.contains("while"));
    let s = stats(&prose);
    assert_eq!(s.sentences, 4, "prose was {prose:?}");
    assert_eq!(s.words, 2 + 5 + 3 + 1);
}

#[test]
fn translations_are_left_to_their_language() {
    assert!(is_translation(Path::new(
        "content/exercises/wall-angels.es.md"
    )));
    assert!(is_translation(Path::new("content/index.pt.md")));
    assert!(!is_translation(Path::new(
        "content/exercises/wall-angels.md"
    )));
    assert!(!is_translation(Path::new("content/guides/v1.2-notes.md")));
    assert!(handbook_pages().iter().all(|p| !is_translation(p)));
}

#[test]
fn handbook_pages_read_at_grade_8_or_below() {
    let pages = handbook_pages();
    assert!(
        !pages.is_empty(),
        "no pages found under {}",
        root().join("content").display()
    );
    let base = root();
    let mut graded: Vec<(f64, Stats, String)> = pages
        .iter()
        .map(|p| {
            let src = fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let s = stats(&markdown_to_prose(&src));
            let name = p.strip_prefix(&base).unwrap_or(p).display().to_string();
            (s.grade(), s, name)
        })
        .collect();
    graded.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap().then(a.2.cmp(&b.2)));

    let report: Vec<String> = graded
        .iter()
        .take(10)
        .map(|(g, s, name)| {
            format!(
                "  {g:5.2}  {name}  ({} words, {} sentences, {} syllables)",
                s.words, s.sentences, s.syllables
            )
        })
        .collect();
    println!(
        "{} pages graded; hardest first:\n{}",
        graded.len(),
        report.join("\n")
    );

    let too_hard: Vec<&(f64, Stats, String)> =
        graded.iter().filter(|(g, _, _)| *g > MAX_GRADE).collect();
    assert!(
        too_hard.is_empty(),
        "{} of {} pages read above grade {MAX_GRADE}, worst first:\n{}",
        too_hard.len(),
        graded.len(),
        too_hard
            .iter()
            .map(|(g, s, name)| format!(
                "  {g:5.2}  {name}  ({} words, {} sentences)",
                s.words, s.sentences
            ))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
