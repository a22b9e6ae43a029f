//! A small deterministic random source, and sentences drawn from a list of
//! words, for the generated handbooks.

/// A small deterministic random source for the generated sets.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub(super) fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "slowly",
    "raise",
    "your",
    "arms",
    "knees",
    "keep",
    "the",
    "back",
    "straight",
    "breathe",
    "out",
    "as",
    "you",
    "lower",
    "hold",
    "for",
    "a",
    "moment",
    "then",
    "return",
    "to",
    "start",
    "position",
    "gently",
    "press",
    "heels",
    "into",
    "floor",
    "without",
    "rocking",
    "shoulders",
    "away",
    "from",
    "ears",
    "tighten",
    "belly",
    "muscles",
    "ballon",
    "Straße",
    "niño",
    "señal",
    "“softly”",
    "30°",
    "élan",
    "crème",
    "Gürtel",
    "naïve",
    "côté",
    "über",
    "piña",
    "façade",
];

pub(super) fn sentence(rng: &mut Rng, lo: usize, hi: usize) -> String {
    let words = rng.range(lo, hi);
    let mut s: Vec<String> = (0..words)
        .map(|_| WORDS[rng.range(0, WORDS.len() - 1)].to_string())
        .collect();
    if let Some(first) = s.first_mut() {
        let mut c = first.chars();
        if let Some(f) = c.next() {
            *first = f.to_uppercase().collect::<String>() + c.as_str();
        }
    }
    s.join(" ") + "."
}
