//! Tests of the search files as the build writes them.

use super::*;
use crate::config::SearchConfig;
use serde_json::{json, Value};

fn facets() -> Vec<Facet> {
    let f = |name: &str, terms: &[(&str, &str)]| Facet {
        name: name.into(),
        title: name.into(),
        terms: terms
            .iter()
            .map(|(t, l)| (t.to_string(), l.to_string()))
            .collect(),
    };
    vec![
        f("region", &[("neck", "Neck"), ("upper-back", "Upper back")]),
        f("equipment", &[("none", "No equipment"), ("wall", "Wall")]),
        f("category", &[("mobility", "Mobility")]),
        f("position", &[("supine", "Lying on your back")]),
    ]
}

fn exercise() -> SearchDoc<'static> {
    SearchDoc {
        kind: "exercise",
        url: "exercises/wall-angels.html".into(),
        title: "Wall angels".into(),
        summary: "Slide your arms up a wall.".into(),
        dosage: "2 sets of 10 reps".into(),
        tags: vec!["desk".into(), "posture".into()],
        region: vec!["upper-back".into(), "neck".into()],
        equipment: vec!["wall".into()],
        category: vec!["mobility".into()],
        position: vec!["supine".into()],
        headings: vec!["Steps".into(), "Tips".into()],
        body: "Steps Stand with your back to a wall. Tips Go slowly.".into(),
    }
}

/// The two files of `docs`, parsed.
fn build(docs: &[SearchDoc]) -> (Value, Value) {
    let f = files(docs, &facets(), "en", &SearchConfig::default(), None);
    (
        parse_as(&f.index, "HANDOUT_SEARCH"),
        parse_as(&f.more, "HANDOUT_SEARCH_MORE"),
    )
}

fn parse_as(js: &str, name: &str) -> Value {
    let json = js
        .strip_prefix(&format!("window.{name} = "))
        .and_then(|s| s.trim_end().strip_suffix(';'))
        .unwrap();
    serde_json::from_str(json).unwrap()
}

/// A term's postings in one list: [(page, weight level, core)]; a strong
/// list has the core bit in its gaps.
fn list(postings: &Value, ends: &Value, id: usize, strong: bool) -> Vec<(u64, u64, bool)> {
    let mut all = Vec::new();
    let mut at = 0;
    for step in encode::unpack(ends.as_str().unwrap()) {
        at += step as usize;
        all.push(at);
    }
    let start = if id == 0 { 0 } else { all[id - 1] };
    let nums = encode::unpack(&postings.as_str().unwrap()[start..all[id]]);
    let mut doc: Option<u64> = None;
    nums.chunks(2)
        .map(|p| {
            let (gap, core) = if strong {
                (p[0] >> 1, p[0] & 1 == 1)
            } else {
                (p[0], false)
            };
            let d = doc.map_or(gap, |d| d + gap + 1);
            doc = Some(d);
            (d, p[1], core)
        })
        .collect()
}

/// A term's (or synonym group's) postings: [(page, weight level, strong, core)].
fn postings(files: &(Value, Value), term: &str) -> Vec<(u64, u64, bool, bool)> {
    let (v, more) = files;
    let stems: Vec<&str> = v["terms"]["stems"].as_str().unwrap().split(' ').collect();
    let id = match stems.iter().position(|s| *s == term) {
        Some(i) => i,
        None => {
            let groups = v["synonyms"].as_array().unwrap();
            stems.len() + groups.iter().position(|g| g[0] == term).unwrap()
        }
    };
    let mut out: Vec<(u64, u64, bool, bool)> =
        list(&v["terms"]["postings"], &v["terms"]["ends"], id, true)
            .into_iter()
            .map(|(d, l, core)| (d, l, true, core))
            .chain(
                list(&more["postings"], &more["ends"], id, false)
                    .into_iter()
                    .map(|(d, l, _)| (d, l, false, false)),
            )
            .collect();
    out.sort();
    out
}

#[test]
fn writes_named_columns_and_the_language_rules() {
    let guide = SearchDoc {
        kind: "guide",
        url: "guides/faq.html".into(),
        title: "FAQ\nand more".into(),
        ..SearchDoc::default()
    };
    let routine = SearchDoc {
        kind: "routine",
        url: "routines/r.html".into(),
        ..exercise()
    };
    let (v, more) = build(&[exercise(), guide, routine]);
    assert_eq!(v["format"], json!(schema::FORMAT));
    assert_eq!(v["language"], "en");
    assert!(v["stop"].as_array().unwrap().contains(&json!("the")));
    assert!(v["soft"].as_array().unwrap().contains(&json!("pain")));
    assert_eq!(v["kinds"], json!(["exercise", "routine", "guide"]));
    assert_eq!(v["facets"][1]["terms"][0], json!(["none", "No equipment"]));
    let docs = &v["docs"];
    assert_eq!(docs["kind"], "021");
    assert_eq!(
        docs["url"],
        "exercises/wall-angels.html\nguides/faq.html\nroutines/r.html"
    );
    assert_eq!(docs["title"], "Wall angels\nFAQ and more\nWall angels");
    // Dosage wordings are written once.
    assert_eq!(docs["dosages"], "\n2 sets of 10 reps");
    assert_eq!(encode::unpack(docs["dosage"].as_str().unwrap()), [1, 0, 1]);
    // region: upper-back (1), neck (0); equipment: wall (1).
    assert_eq!(docs["facets"][0], "10  10");
    assert_eq!(docs["facets"][1], "1  1");
    let keys: Vec<&String> = v["terms"].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["ends", "idf", "postings", "stems", "word_terms", "words"]
    );
    assert_eq!(more["format"], json!(schema::FORMAT));
    assert_eq!(
        more["summary"],
        "Slide your arms up a wall.\n\nSlide your arms up a wall."
    );
    assert_eq!(
        more["text"],
        "Stand with your back to a wall. Go slowly.\n\nStand with your back to a wall. Go slowly."
    );
    let keys: Vec<&String> = more.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["ends", "format", "postings", "summary", "text"]);
}

#[test]
fn title_and_vocabulary_words_are_strong_body_words_are_not() {
    let v = build(&[exercise()]);
    let wall = postings(&v, "wall");
    assert_eq!(wall.len(), 1);
    assert!(wall[0].2, "in the title: strong");
    let slowly = postings(&v, "slowly");
    assert!(!slowly[0].2, "only in the body");
    assert!(wall[0].1 > slowly[0].1, "a title word weighs more");
    // The file name's words and the labels of the vocabularies count.
    assert!(postings(&v, "angel")[0].2);
    assert!(postings(&v, "upper")[0].2);
    // A word of the summary only is strong, but not a core match.
    let arm = postings(&v, "arm");
    assert!(arm[0].2 && !arm[0].3, "{arm:?}");
    assert!(wall[0].3 && postings(&v, "upper")[0].3);
    // Stop words are left out, but not of titles.
    let words = v.0["terms"]["words"].as_str().unwrap();
    assert!(!words.split(' ').any(|w| w == "with"));
}

#[test]
fn synonym_phrases_are_terms_of_their_own() {
    let doc = SearchDoc {
        body: "Feel the stretch in the back of your thigh.".into(),
        ..exercise()
    };
    let v = build(&[exercise(), doc]);
    let hamstring = postings(&v, "hamstring");
    assert_eq!(hamstring.iter().map(|p| p.0).collect::<Vec<_>>(), [1]);
    // "Lying on your back" is the position label of both: strong.
    assert!(postings(&v, "supine").iter().all(|p| p.2));
}

#[test]
fn words_keep_their_written_form_beside_the_stem() {
    let doc = SearchDoc {
        title: "Lying hamstring curl".into(),
        ..exercise()
    };
    let (v, _) = build(&[doc]);
    let words: Vec<&str> = v["terms"]["words"].as_str().unwrap().split(' ').collect();
    let stems: Vec<&str> = v["terms"]["stems"].as_str().unwrap().split(' ').collect();
    let terms = encode::unpack(v["terms"]["word_terms"].as_str().unwrap());
    let i = words.iter().position(|w| *w == "hamstring").unwrap();
    assert_eq!(stems[terms[i] as usize], "hamstr");
    let mut sorted = words.clone();
    sorted.sort();
    assert_eq!(words, sorted, "sorted for binary search");
}

#[test]
fn kept_analyses_give_the_same_index() {
    let cache = EntryCache::default();
    let config = SearchConfig::default();
    let mut docs = vec![
        exercise(),
        SearchDoc {
            url: "b".into(),
            ..exercise()
        },
    ];
    let made = |docs: &[SearchDoc], cache| {
        let f = files(docs, &facets(), "en", &config, cache);
        (f.index, f.more)
    };
    let first = made(&docs, Some(&cache));
    assert_eq!(first, made(&docs, None));
    docs[1].body = "Steps Other </b> text.".into();
    docs[1].headings = vec!["Steps".into(), "New".into()];
    let second = made(&docs, Some(&cache));
    assert_eq!(second, made(&docs, None));
    assert_ne!(first, second);
}

#[test]
fn caps_the_shown_text_at_a_word_boundary() {
    let doc = SearchDoc {
        body: "word ".repeat(1000).into(),
        ..exercise()
    };
    let (_, more) = build(&[doc]);
    let text = more["text"].as_str().unwrap();
    assert!(text.len() <= TEXT_CAP && text.len() > TEXT_CAP - 5);
    assert!(text.ends_with("word"));
}

#[test]
fn cap_counts_characters_not_bytes() {
    assert_eq!(cap("épaule épaule", 6), "épaule");
    assert_eq!(cap("épaule épaule", 9), "épaule");
    assert_eq!(cap("  a   b  ", 10), "a b");
    assert_eq!(cap("abcdefgh", 4), "abcd");
}

#[test]
fn strips_heading_lines_from_the_body_only_as_whole_words() {
    let h = vec!["Steps".to_string(), "Tips".into()];
    assert_eq!(strip_headings("Steps Lift. Tips Go.", &h), "Lift. Go.");
    assert_eq!(strip_headings("Stepson Tipsy", &h), "Stepson Tipsy");
}

#[test]
fn the_index_cannot_close_its_script_element() {
    let doc = SearchDoc {
        title: "a </script><script>alert(1)</script>".into(),
        ..exercise()
    };
    let f = files(&[doc], &facets(), "en", &SearchConfig::default(), None);
    assert!(!f.index.contains("</script") && !f.more.contains("</script"));
    assert!(parse_as(&f.index, "HANDOUT_SEARCH")["docs"]["title"]
        .as_str()
        .unwrap()
        .contains("</script>"));
}

#[test]
fn core_matches_are_what_a_page_is_named_for() {
    let guide = SearchDoc {
        kind: "guide",
        url: "guides/loose.html".into(),
        title: "Mobility or stability".into(),
        summary: "Some backs are too loose.".into(),
        ..SearchDoc::default()
    };
    let v = build(&[exercise(), guide]);
    // "Lying on your back" (the position label) is the supine phrase: the
    // group is a core match, its single words only strong ones.
    let supine = postings(&v, "supine");
    assert!(supine[0].3, "{supine:?}");
    let lying = postings(&v, "lying");
    assert!(lying[0].2 && !lying[0].3, "{lying:?}");
    // "back" is the region's label too ("Upper back"): core.
    assert!(postings(&v, "back")[0].3);
    // A guide's summary says what it is about.
    let loose = postings(&v, "loos");
    assert_eq!(loose.len(), 1);
    assert!(loose[0].3, "{loose:?}");
}

/// A word said more often than a small count holds keeps its whole count
/// (pages keep small counts to save memory).
#[test]
fn a_word_said_hundreds_of_times_keeps_its_count() {
    use super::analyze::{Analyzer, FIELDS};
    let en = lang::Language::get("en");
    let analyzer = Analyzer::new(&en, &[], &[]);
    let body = "knee ".repeat(300) + "elbow elbow";
    let doc = SearchDoc {
        kind: "guide",
        url: "guides/knees.html".into(),
        title: "Knees".into(),
        body: std::borrow::Cow::Owned(body),
        ..SearchDoc::default()
    };
    let page = analyzer.analyze(&doc);
    let body_field = FIELDS.len() - 1;
    let count = |word: &str| {
        let place = page.stem_texts().position(|s| s == word).unwrap() as u32;
        page.counts(place).1
    };
    assert_eq!(count("knee")[body_field], 300);
    assert_eq!(count("knee")[0], 1, "the title's knee");
    assert_eq!(count("elbow")[body_field], 2);
}

/// One reader reads many pages with the stems it has made before: words
/// with one stem still count as one, on every page, and a page counts only
/// its own words.
#[test]
fn pages_read_one_after_another_count_their_own_words() {
    use super::analyze::{Analyzer, FIELDS};
    let en = lang::Language::get("en");
    let analyzer = Analyzer::new(&en, &[], &[]);
    let doc = |body: &str| SearchDoc {
        kind: "guide",
        url: "guides/g.html".into(),
        title: "Guide".into(),
        body: std::borrow::Cow::Owned(body.to_string()),
        ..SearchDoc::default()
    };
    let mut seen = super::stems::Stems::default();
    let first = analyzer.analyze_with(&doc("stretch stretches stretching"), &mut seen);
    let second = analyzer.analyze_with(&doc("a gentle stretch"), &mut seen);
    let body_field = FIELDS.len() - 1;
    let count = |page: &super::analyze::Analyzed, stem: &str| {
        let place = page.stem_texts().position(|s| s == stem)? as u32;
        Some(page.counts(place).1[body_field])
    };
    assert_eq!(count(&first, "stretch"), Some(3));
    assert_eq!(count(&second, "stretch"), Some(1));
    assert_eq!(count(&second, "gentl"), Some(1));
    assert_eq!(count(&first, "gentl"), None);
    assert_eq!(second.stem_texts().count(), 3, "guide, gentle, stretch");
}
