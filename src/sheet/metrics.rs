//! How wide printed text is: the advance widths and kerning pairs of the
//! sheet font (Atkinson Hyperlegible, `fonts/*.ttf`, read with ttf-parser),
//! in em. Browsers shape each word on its own with the font's kerning and
//! place glyphs at fractional positions, so a word's width is the sum of
//! its glyphs' advances plus the kerning of each pair inside it; measured
//! in Chromium this matches to within 0.1 %.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;
use ttf_parser::gpos::{PairAdjustment, PositioningSubtable};
use ttf_parser::{Face, GlyphId, Tag};

/// The four faces of the sheet font, as `sheet.css` uses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Style {
    Regular = 0,
    Bold = 1,
    Italic = 2,
    BoldItalic = 3,
}

static FILES: [&[u8]; 4] = [
    include_bytes!("../../fonts/AtkinsonHyperlegible-Regular.ttf"),
    include_bytes!("../../fonts/AtkinsonHyperlegible-Bold.ttf"),
    include_bytes!("../../fonts/AtkinsonHyperlegible-Italic.ttf"),
    include_bytes!("../../fonts/AtkinsonHyperlegible-BoldItalic.ttf"),
];

/// A character the font lacks is drawn by the browser in another font: it
/// is counted this wide (wider than most letters), in em.
const MISSING_EM: f32 = 0.75;
/// Characters looked up once per face into a table: Latin, Latin-1,
/// Latin Extended-A/B (0–0x24F); general punctuation (0x2000–0x206F).
const LATIN_END: u32 = 0x250;
const PUNCT: std::ops::Range<u32> = 0x2000..0x2070;

/// One face: its glyph table and kerning subtables.
struct FontFace {
    face: Face<'static>,
    /// em per font unit.
    scale: f32,
    /// Glyph and advance (font units) of the characters below `LATIN_END`
    /// and in `PUNCT`; glyph 0 is "missing".
    table: Vec<(u16, u16)>,
    /// The pair-adjustment subtables of the `kern` feature, by lookup.
    kern: Vec<Vec<PairAdjustment<'static>>>,
}

impl FontFace {
    fn load(data: &'static [u8]) -> Option<FontFace> {
        let face = Face::parse(data, 0).ok()?;
        let scale = 1.0 / f32::from(face.units_per_em());
        let glyph = |c: u32| -> (u16, u16) {
            char::from_u32(c)
                .and_then(|c| face.glyph_index(c))
                .map_or((0, 0), |g| (g.0, face.glyph_hor_advance(g).unwrap_or(0)))
        };
        let table = (0..LATIN_END).chain(PUNCT).map(glyph).collect();
        let mut kern = Vec::new();
        if let Some(gpos) = face.tables().gpos {
            let tag = Tag::from_bytes(b"kern");
            let mut lookups: Vec<u16> = gpos
                .features
                .into_iter()
                .filter(|f| f.tag == tag)
                .flat_map(|f| f.lookup_indices.into_iter())
                .collect();
            lookups.sort_unstable();
            lookups.dedup();
            for i in lookups {
                let Some(lookup) = gpos.lookups.get(i) else {
                    continue;
                };
                let pairs: Vec<PairAdjustment> = lookup
                    .subtables
                    .into_iter::<PositioningSubtable>()
                    .filter_map(|s| match s {
                        PositioningSubtable::Pair(p) => Some(p),
                        _ => None,
                    })
                    .collect();
                if !pairs.is_empty() {
                    kern.push(pairs);
                }
            }
        }
        Some(FontFace {
            face,
            scale,
            table,
            kern,
        })
    }

    /// Glyph and advance (font units) of `c`; glyph 0 when the font lacks it.
    fn glyph(&self, c: char) -> (u16, u16) {
        let u = c as u32;
        if u < LATIN_END {
            return self.table[u as usize];
        }
        if PUNCT.contains(&u) {
            return self.table[(LATIN_END + u - PUNCT.start) as usize];
        }
        self.face.glyph_index(c).map_or((0, 0), |g| {
            (g.0, self.face.glyph_hor_advance(g).unwrap_or(0))
        })
    }

    /// The kerning between two glyphs, font units: each kerning lookup in
    /// turn, the first of its subtables that covers the first glyph.
    fn kerning(&self, a: u16, b: u16) -> i32 {
        let (a, b) = (GlyphId(a), GlyphId(b));
        let mut total = 0;
        for lookup in &self.kern {
            for sub in lookup {
                let found = match sub {
                    PairAdjustment::Format1 { coverage, sets } => coverage
                        .get(a)
                        .and_then(|i| sets.get(i))
                        .and_then(|set| set.get(b)),
                    PairAdjustment::Format2 {
                        coverage,
                        classes,
                        matrix,
                    } => {
                        if coverage.contains(a) {
                            // A covered first glyph ends the lookup, kerned or not.
                            let (c1, c2) = (classes.0.get(a), classes.1.get(b));
                            total += matrix.get((c1, c2)).map_or(0, |(v1, v2)| {
                                i32::from(v1.x_advance) + i32::from(v2.x_advance)
                            });
                            break;
                        }
                        None
                    }
                };
                if let Some((v1, v2)) = found {
                    total += i32::from(v1.x_advance) + i32::from(v2.x_advance);
                    break;
                }
            }
        }
        total
    }

    /// Width of a word (no spaces in it), em.
    fn word(&self, word: &str) -> f32 {
        let mut units: i32 = 0;
        let mut missing = 0.0;
        let mut prev: Option<u16> = None;
        for c in word.chars() {
            if is_invisible(c) {
                continue;
            }
            let (g, adv) = self.glyph(c);
            if g == 0 {
                if !c.is_control() {
                    missing += MISSING_EM;
                }
                prev = None;
                continue;
            }
            units += i32::from(adv);
            if let Some(p) = prev {
                units += self.kerning(p, g);
            }
            prev = Some(g);
        }
        units as f32 * self.scale + missing
    }
}

/// Characters a browser draws as nothing (soft hyphen, zero-width marks).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}'
    )
}

static FACES: LazyLock<Vec<Option<FontFace>>> =
    LazyLock::new(|| FILES.iter().map(|d| FontFace::load(d)).collect());

/// Width of one word in `style`, em (kerning included). Without the font
/// (it is built in, so this does not happen) each character counts as
/// `MISSING_EM`.
fn word_em_uncached(style: Style, word: &str) -> f32 {
    match FACES.get(style as usize).and_then(Option::as_ref) {
        Some(f) => f.word(word),
        None => word.chars().count() as f32 * MISSING_EM,
    }
}

/// Words measured so far on this thread, by face: the same words come back
/// on sheet after sheet.
type Cache = [HashMap<Box<str>, f32, foldhash::fast::FixedState>; 4];

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Default::default());
}

/// Most words a thread keeps measured (a handbook uses far fewer).
const CACHE_LIMIT: usize = 200_000;

/// Width of one word in `style`, em, measured once per thread.
pub(crate) fn word_em(style: Style, word: &str) -> f32 {
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let map = &mut c[style as usize];
        if let Some(w) = map.get(word) {
            return *w;
        }
        if map.len() >= CACHE_LIMIT {
            map.clear();
        }
        let w = word_em_uncached(style, word);
        map.insert(word.into(), w);
        w
    })
}

/// Width of a space in `style`, em.
pub(crate) fn space_em(style: Style) -> f32 {
    static SPACES: LazyLock<[f32; 4]> = LazyLock::new(|| {
        [
            Style::Regular,
            Style::Bold,
            Style::Italic,
            Style::BoldItalic,
        ]
        .map(|s| word_em_uncached(s, " ").max(0.2))
    });
    SPACES[style as usize]
}

/// The characters of `text` that the sheet font lacks (they print in
/// another font, whose widths the build does not know).
pub(crate) fn missing_chars(text: &str) -> Vec<char> {
    let Some(Some(face)) = FACES.first() else {
        return Vec::new();
    };
    let mut out: Vec<char> = text
        .chars()
        .filter(|&c| !c.is_whitespace() && !c.is_control() && !is_invisible(c))
        .filter(|&c| face.glyph(c).0 == 0)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Widths shaped by HarfBuzz (`hb-shape`, the shaper of Chromium and
    /// Firefox) from the same font files, in font units (1000 per em).
    #[test]
    fn matches_harfbuzz_with_kerning() {
        let cases: [(Style, &str, f32); 16] = [
            (Style::Regular, "AVATAR", 3377.0),
            (Style::Regular, "Straße", 2907.0),
            (Style::Regular, "niño", 1911.0),
            (Style::Regular, "“quoted”", 3887.0),
            (Style::Regular, "30°", 1574.0),
            (Style::Regular, "Tvåfaldig", 3953.0),
            (Style::Regular, "yoga,", 2272.0),
            (Style::Bold, "AVATAR", 3709.0),
            (Style::Bold, "Straße", 3097.0),
            (Style::Bold, "Tvåfaldig", 4396.0),
            (Style::Bold, "Wall", 2036.0),
            (Style::Italic, "AVATAR", 3375.0),
            (Style::Italic, "“quoted”", 3852.0),
            (Style::Italic, "Wall", 1855.0),
            (Style::BoldItalic, "niño", 2061.0),
            (Style::BoldItalic, "yoga,", 2514.0),
        ];
        for (style, word, units) in cases {
            let em = word_em(style, word);
            assert!(
                (em * 1000.0 - units).abs() < 0.5,
                "{style:?} {word}: {} font units, HarfBuzz says {units}",
                em * 1000.0
            );
        }
    }

    #[test]
    fn kerning_is_applied() {
        // A and V kern together: the pair is narrower than its glyphs.
        let apart = word_em(Style::Regular, "A") + word_em(Style::Regular, "V");
        assert!(word_em(Style::Regular, "AV") < apart - 0.02);
    }

    #[test]
    fn missing_characters_are_named_and_counted_wide() {
        assert_eq!(missing_chars("Straße → niño"), vec!['→']);
        assert!(word_em(Style::Regular, "→") >= MISSING_EM);
        assert_eq!(
            word_em(Style::Regular, "a\u{ad}b"),
            word_em(Style::Regular, "ab")
        );
    }
}
