//! Reading grade of patient pages: Flesch–Kincaid for English,
//!
//! ```text
//! grade = 0.39 × words/sentences + 11.8 × syllables/words − 15.59
//! ```
//!
//! over the body a patient reads: front-matter, code, link targets, HTML
//! tags and Markdown punctuation are left out. Headings, list items, table
//! rows and paragraphs end a sentence, as do `.`, `!`, `?`, `:` and `;`.

use std::borrow::Cow;

/// Estimated English syllables in one word (letters only; digits count as one).
pub(crate) fn syllables(word: &str) -> usize {
    // The word's ASCII letters and digits, lower-cased, without allocating
    // for words of ordinary length.
    let mut small = [0u8; 48];
    let mut long = Vec::new();
    let mut n = 0;
    for c in word.bytes().filter(u8::is_ascii_alphanumeric) {
        let c = c.to_ascii_lowercase();
        if n < small.len() {
            small[n] = c;
        } else {
            if long.is_empty() {
                long.extend_from_slice(&small);
            }
            long.push(c);
        }
        n += 1;
    }
    let b: &[u8] = if long.is_empty() { &small[..n] } else { &long };
    syllables_of(b)
}

fn syllables_of(b: &[u8]) -> usize {
    if b.is_empty() {
        return 0;
    }
    if b.iter().all(u8::is_ascii_digit) {
        return 1;
    }
    if b.len() <= 3 {
        return 1;
    }
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
        ) || b.ends_with(b"thes"))
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
    // Vowel pairs that are usually said as two syllables: "ia", "io",
    // "iu", "eo", "ua", "uo".
    for at in 0..n - 1 {
        let pair = (b[at], b[at + 1]);
        if !matches!(
            pair,
            (b'i', b'a' | b'o' | b'u') | (b'e', b'o') | (b'u', b'a' | b'o')
        ) {
            continue;
        }
        // "tion", "sion", "cious", "gious", "cial", "tial" keep one syllable.
        let before = if at > 0 { b[at - 1] } else { b' ' };
        let soft = pair.0 == b'i' && matches!(before, b't' | b's' | b'c' | b'g' | b'x');
        let qu = pair.0 == b'u' && before == b'q';
        if !soft && !qu {
            count += 1;
        }
    }
    count.max(1)
}

/// One sentence of a page, with its counts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sentence<'a> {
    /// As it stands in the prose (`shown` tidies its spaces).
    pub(crate) text: &'a str,
    pub(crate) words: usize,
    pub(crate) syllables: usize,
}

impl Sentence<'_> {
    /// The sentence as a warning quotes it, its white space made single
    /// spaces (made only for the few sentences quoted).
    pub(crate) fn shown(&self) -> String {
        squeeze(self.text)
    }

    /// The grade of this sentence alone: how hard it is to read.
    pub(crate) fn grade(&self) -> f64 {
        fk(self.words, 1, self.syllables)
    }
}

fn fk(words: usize, sentences: usize, syllables: usize) -> f64 {
    if words == 0 || sentences == 0 {
        return 0.0;
    }
    0.39 * words as f64 / sentences as f64 + 11.8 * syllables as f64 / words as f64 - 15.59
}

/// The sentences of cleaned prose (`\n` ends a sentence).
pub(crate) fn sentences(text: &str) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    // The current sentence and word as byte ranges of `text`: a word is a
    // run of word characters, a sentence runs from the end of the last one.
    let mut sentence_start = 0;
    let mut words = 0;
    let mut syllable_count = 0;
    let mut word_start: Option<usize> = None;
    let flush = |word: &mut Option<usize>, end: usize, words: &mut usize, syl: &mut usize| {
        if let Some(start) = word.take() {
            let w = &text[start..end];
            if w.bytes().any(|c| c.is_ascii_alphanumeric()) {
                *words += 1;
                *syl += syllables(w);
            }
        }
    };
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        let ends = match c {
            '\n' | '!' | '?' | ';' => true,
            // "2.5" and "e.g" are not sentence ends; a stop before a space is.
            '.' | ':' => next.is_whitespace() || next == '"' || next == ')',
            _ => false,
        };
        if c.is_alphanumeric()
            || c == '\''
            || c == '’'
            || (c == '.' && next.is_ascii_digit() && word_start.is_some())
        {
            word_start.get_or_insert(i);
            continue;
        }
        flush(&mut word_start, i, &mut words, &mut syllable_count);
        if ends {
            let end = i + c.len_utf8();
            if words > 0 {
                out.push(Sentence {
                    text: &text[sentence_start..end],
                    words,
                    syllables: syllable_count,
                });
                words = 0;
                syllable_count = 0;
            }
            sentence_start = end;
        }
    }
    flush(&mut word_start, text.len(), &mut words, &mut syllable_count);
    if words > 0 {
        out.push(Sentence {
            text: &text[sentence_start..],
            words,
            syllables: syllable_count,
        });
    }
    out
}

/// `text` with each run of white space made one space, trimmed.
fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The grade of a page of `sentences`.
pub(crate) fn grade(sentences: &[Sentence]) -> f64 {
    let words = sentences.iter().map(|s| s.words).sum();
    let syllables = sentences.iter().map(|s| s.syllables).sum();
    fk(words, sentences.len(), syllables)
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
fn strip_link_targets(line: &str) -> Cow<'_, str> {
    if !line.contains("](") {
        return Cow::Borrowed(line);
    }
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
    Cow::Owned(out)
}

fn strip_between(line: &str, open: char, close: char) -> Cow<'_, str> {
    if !line.contains(open) {
        return Cow::Borrowed(line);
    }
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
    Cow::Owned(out)
}

/// Markdown body → prose, one line per sentence-ending block element.
pub(crate) fn markdown_to_prose(src: &str) -> String {
    let body = strip_front_matter(src);
    let mut out = String::with_capacity(body.len() + body.len() / 8);
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
        let code = strip_between(t, '`', '`');
        let linked = strip_link_targets(&code);
        let line = strip_between(&linked, '<', '>');
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
        let cleaned = trimmed.chars().map(|c| match c {
            '*' | '_' | '[' | ']' | '|' | '#' | '>' | '=' | '{' | '}' => ' ',
            c => c,
        });
        let block_end = t.starts_with('#')
            || t.starts_with("- ")
            || t.starts_with("* ")
            || t.starts_with("+ ")
            || t.starts_with('|')
            || t.is_empty()
            || t.chars().next().is_some_and(|c| c.is_ascii_digit());
        if block_end {
            out.push('\n');
            out.extend(cleaned);
            out.push('\n');
        } else {
            out.push(' ');
            out.extend(cleaned);
        }
    }
    out
}

#[cfg(test)]
#[path = "readability_tests.rs"]
mod tests;
