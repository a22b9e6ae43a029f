//! The syllable counter, sentence splitting and grades on known text.

use super::*;

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
    let easy = sentences("The cat sat down.");
    assert_eq!(
        easy,
        [Sentence {
            text: "The cat sat down.",
            words: 4,
            syllables: 4
        }]
    );
    assert!((grade(&easy) - -2.23).abs() < 1e-9);

    // Long words and one long sentence read well above grade 8.
    let hard = "Comprehensive rehabilitation programmes necessitate individualised \
                consideration of biomechanical, psychological and occupational \
                circumstances, particularly regarding thoracic hypomobility.";
    assert!(grade(&sentences(hard)) > 16.0);

    // Plain handout prose stays low.
    let plain = "Lie on your back. Bend your knees. Breathe out as you lift one foot.";
    assert!(grade(&sentences(plain)) < 4.0);
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
    let s = sentences(&prose);
    assert_eq!(s.len(), 4, "prose was {prose:?}");
    assert_eq!(s.iter().map(|s| s.words).sum::<usize>(), 2 + 5 + 3 + 1);
    assert_eq!(s[1].shown(), "Sit tall on a chair .");
}
