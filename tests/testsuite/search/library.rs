//! Writes the generated exercise library of `library.toml` as a site: every
//! base exercise and each of its variants as an exercise page, plus the
//! guides. Deterministic: the same data gives the same files.

use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

#[derive(Deserialize)]
struct Data {
    site: Site,
    muscles: BTreeMap<String, String>,
    variant: BTreeMap<String, Variant>,
    base: Vec<Base>,
    guide: Vec<Guide>,
}

#[derive(Deserialize)]
struct Site {
    toml: String,
}

#[derive(Deserialize)]
struct Variant {
    title: String,
    equipment: Option<Vec<String>>,
    position: Option<String>,
    category: Option<String>,
}

#[derive(Deserialize)]
struct Base {
    name: String,
    region: Vec<String>,
    muscles: Vec<String>,
    category: String,
    position: String,
    equipment: Vec<String>,
    variants: Vec<String>,
    summary: String,
    steps: Vec<String>,
    feel: String,
}

#[derive(Deserialize)]
struct Guide {
    slug: String,
    title: String,
    summary: String,
    body: String,
}

/// One page of the library, with what it is about (for the expected results).
#[derive(Debug, Clone)]
pub struct Page {
    /// Site-relative address without `.html`, e.g. `exercises/lying-hamstring-curl`.
    pub path: String,
    /// The base exercise's name (empty for guides).
    pub base: String,
    pub muscles: Vec<String>,
    pub region: Vec<String>,
    pub category: String,
    pub equipment: Vec<String>,
    pub position: String,
}

/// Things said on most exercise pages of big libraries, whatever the
/// exercise: they mention shoulders, knees, back and pain in passing.
const IN_PASSING: &[&str] = &[
    "Keep your shoulders down and away from your ears.",
    "Keep your back straight and your chest open.",
    "Keep a slight bend in your knees.",
    "Brace your core before you start and breathe out as you work.",
    "Move slowly and with control; do not swing.",
    "Keep your neck long and your chin slightly tucked.",
    "Breathe steadily and do not hold your breath.",
    "Keep your hips level throughout.",
    "Keep your feet flat on the floor, about hip-width apart.",
    "Return to the starting position slowly.",
    "Keep your wrists straight.",
    "Do not let your lower back arch.",
    "Keep your knee in line with your second toe.",
    "If it is more sore the next day, do fewer next time.",
    "Rest for a minute between sets.",
    "Stop if you feel sharp pain, and tell your physio.",
];

const CAUTIONS: &[&str] = &[
    "Stop if you feel sharp or shooting pain.",
    "Mild discomfort is fine; pain that lasts into the next day means do less.",
    "Stop and call the clinic if you feel dizzy or numb.",
    "Go only as far as is comfortable.",
];

/// A small deterministic number from `i` and `salt`.
fn pick(i: usize, salt: usize, n: usize) -> usize {
    let mut x = (i as u64 + 1).wrapping_mul(6364136223846793005)
        ^ (salt as u64 + 7).wrapping_mul(1442695040888963407);
    x ^= x >> 29;
    x = x.wrapping_mul(0xbf58476d1ce4e5b9);
    x ^= x >> 32;
    (x % n as u64) as usize
}

fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c == '\'' {
            continue;
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

fn list(items: &[String]) -> String {
    format!("[{}]", items.join(", "))
}

/// Writes the library site into `dir` and returns its pages.
pub fn write(dir: &Path) -> Vec<Page> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testsuite/search/library.toml"),
    )
    .expect("read library.toml");
    let data: Data = toml::from_str(&text).expect("library.toml");
    std::fs::create_dir_all(dir.join("content/exercises")).unwrap();
    std::fs::create_dir_all(dir.join("content/guides")).unwrap();
    std::fs::write(dir.join("handout.toml"), &data.site.toml).unwrap();
    let mut pages = Vec::new();
    let mut seen = HashSet::new();
    for base in &data.base {
        for variant in std::iter::once("").chain(base.variants.iter().map(String::as_str)) {
            let (mut title, mut equipment, mut position, mut category) = (
                base.name.clone(),
                base.equipment.clone(),
                base.position.clone(),
                base.category.clone(),
            );
            if let Some(own) = variant.strip_prefix('=') {
                title = own.to_string();
            } else if !variant.is_empty() {
                for key in variant.split('+') {
                    let v = &data.variant[key];
                    title = v.title.replace("{}", &title);
                    if let Some(e) = &v.equipment {
                        equipment = e.clone();
                    }
                    if let Some(p) = &v.position {
                        position = p.clone();
                    }
                    if let Some(c) = &v.category {
                        category = c.clone();
                    }
                }
            }
            let slug = slug(&title);
            if !seen.insert(slug.clone()) {
                continue;
            }
            let i = pages.len();
            write_exercise(
                dir, &data, base, i, &slug, &title, &equipment, &position, &category,
            );
            pages.push(Page {
                path: format!("exercises/{slug}"),
                base: base.name.clone(),
                muscles: base.muscles.clone(),
                region: base.region.clone(),
                category,
                equipment,
                position,
            });
        }
    }
    for g in &data.guide {
        let page = format!(
            "---\ntitle: \"{}\"\nsummary: \"{}\"\n---\n{}",
            g.title, g.summary, g.body
        );
        std::fs::write(dir.join(format!("content/guides/{}.md", g.slug)), page).unwrap();
        pages.push(Page {
            path: format!("guides/{}", g.slug),
            base: String::new(),
            muscles: Vec::new(),
            region: Vec::new(),
            category: String::new(),
            equipment: Vec::new(),
            position: String::new(),
        });
    }
    pages
}

#[allow(clippy::too_many_arguments)]
fn write_exercise(
    dir: &Path,
    data: &Data,
    base: &Base,
    i: usize,
    slug: &str,
    title: &str,
    equipment: &[String],
    position: &str,
    category: &str,
) {
    let dosage = match category {
        "strength" => "  sets: 2-3\n  reps: 8-12\n  frequency: 3 times a week",
        "stretch" => "  reps: 2-3\n  hold: 20-30 s\n  side: each\n  frequency: daily",
        "balance" => "  reps: 3\n  hold: 30 s\n  side: each\n  frequency: daily",
        "stability" => "  sets: 2\n  reps: 8-10\n  hold: 5 s\n  frequency: daily",
        _ => "  reps: 10\n  frequency: 2 times a day",
    };
    let gym = ["barbell", "cable", "machine", "kettlebell", "bench"];
    let tag = if equipment.iter().any(|e| gym.contains(&e.as_str())) {
        "gym"
    } else {
        "home"
    };
    let mut body = String::from("## Steps\n\n");
    for (n, step) in base.steps.iter().enumerate() {
        body.push_str(&format!("{}. {}\n", n + 1, step));
    }
    body.push_str("\n## Tips\n\n");
    for k in 0..3 {
        body.push_str(&format!("- {}\n", IN_PASSING[pick(i, k, IN_PASSING.len())]));
    }
    body.push_str(&format!("\nYou should feel {}.\n", base.feel));
    if i.is_multiple_of(2) {
        let names: Vec<&str> = base
            .muscles
            .iter()
            .map(|m| data.muscles[m].as_str())
            .collect();
        body.push_str(&format!("\nWorks: {}.\n", names.join(", ")));
    }
    let page = format!(
        "---\ntitle: \"{title}\"\nsummary: \"{}\"\nregion: {}\nequipment: {}\ncategory: {category}\nposition: {position}\ndosage:\n{dosage}\ncautions:\n  - \"{}\"\ntags: [{tag}]\n---\n{body}",
        base.summary,
        list(&base.region),
        list(equipment),
        CAUTIONS[pick(i, 9, CAUTIONS.len())],
    );
    std::fs::write(dir.join(format!("content/exercises/{slug}.md")), page).unwrap();
}
