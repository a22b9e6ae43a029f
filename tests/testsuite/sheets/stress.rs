//! Generated handbooks (routines of 3–15 exercises of 1–24 steps) printed
//! as the build laid them out.

use super::*;

/// A generated handbook: `routines` routines of 3–15 exercises (cycling
/// through the sizes), drawn from exercises with 1–24 steps of 5–40 words,
/// long titles, accented words, some with pictures.
fn stress_site(paper: &'static str, routines: usize, seed: u64) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("content/exercises")).expect("mkdir");
    std::fs::create_dir_all(root.join("content/routines")).expect("mkdir");
    std::fs::create_dir_all(root.join("static/images")).expect("mkdir");
    std::fs::write(
        root.join("static/images/pose.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 30\"><rect width=\"40\" height=\"30\" fill=\"#ddd\"/></svg>",
    )
    .expect("image");
    std::fs::write(
        root.join("handout.toml"),
        format!(
            "title = \"Stress Handbook\"\nbase_url = \"https://clinic.example/h/\"\npaper = \"{paper}\"\n\
             [clinic]\nname = \"Stress Test Clinic\"\nphone = \"555-0199\"\nwebsite = \"https://clinic.example/\"\naddress = \"9 Long Road\"\n"
        ),
    )
    .expect("config");
    let mut rng = Rng(seed);
    let exercises = routines * 9;
    for i in 0..exercises {
        let steps = match i % 5 {
            0 => rng.range(1, 4),
            1 | 2 => rng.range(3, 8),
            3 => rng.range(6, 12),
            _ => rng.range(1, 24),
        };
        let body: String = (0..steps)
            .map(|k| format!("{}. {}\n", k + 1, sentence(&mut rng, 5, 40)))
            .collect();
        let title = if i % 4 == 0 {
            format!("Long-titled supported half-kneeling thoracic rotation with élan, variant {i}")
        } else {
            format!("Exercise {i} façade")
        };
        let image = if i % 3 == 0 {
            "image: images/pose.svg\nimage_alt: A person in the starting position.\n"
        } else {
            ""
        };
        std::fs::write(
            root.join(format!("content/exercises/e{i}.md")),
            format!(
                "---\ntitle: \"{title}\"\nsummary: {}\nregion: [neck]\nequipment: [chair]\ncategory: mobility\nposition: seated\n\
                 dosage: {{ sets: 2-3, reps: 10-15, frequency: daily }}\ncautions:\n  - {}\n{image}---\n{}\n\n{body}",
                sentence(&mut rng, 12, 12),
                sentence(&mut rng, 6, 22),
                sentence(&mut rng, 8, 30),
            ),
        )
        .expect("exercise");
    }
    let mut next = 0;
    for r in 0..routines {
        let size = 3 + r % 13;
        let list: String = (0..size)
            .map(|_| {
                next = (next + 1) % exercises;
                format!("      - e{next}\n")
            })
            .collect();
        std::fs::write(
            root.join(format!("content/routines/r{r}.md")),
            format!(
                "---\ntitle: Routine {r} of {size} exercises\nsummary: Generated.\ngoal: mixed\nfrequency: daily\n\
                 sections:\n  - name: All of them\n    exercises:\n{list}cautions: []\n---\nA generated routine.\n"
            ),
        )
        .expect("routine");
    }
    dir
}

/// Per routine size: the smallest text used, the pages printed and the
/// share of steps printed, over the generated routines.
fn stress_report(printed: &[Printed], site: &Site) -> (String, Vec<String>) {
    let mut by_size: BTreeMap<usize, (f32, Vec<usize>, usize, usize)> = BTreeMap::new();
    let mut problems: Vec<String> = check_sheets(site, printed);
    for p in printed
        .iter()
        .filter(|p| !p.large && p.html.to_string_lossy().contains("/routines/"))
    {
        let html = p.html();
        let size = card_count(&html);
        let all = all_steps(&html).len();
        let shown = printed_steps(mode_html(&html, false)).len();
        let e = by_size.entry(size).or_insert((f32::MAX, Vec::new(), 0, 0));
        e.0 = e.0.min(p.font_pt());
        e.1.push(pages(&p.pdf));
        e.2 += shown;
        e.3 += all;
        if size <= 10 && shown != all {
            problems.push(format!(
                "{}: {size} exercises, {shown} of {all} steps",
                p.name()
            ));
        }
    }
    let mut out = format!(
        "{} — exercises: smallest text, pages, share of steps printed\n",
        site.paper
    );
    for (size, (pt, pages, shown, all)) in &by_size {
        let _ = writeln!(
            out,
            "  {size:>2}: {pt} pt, pages {pages:?}, {:.0} % of steps",
            100.0 * *shown as f32 / (*all).max(1) as f32
        );
    }
    (out, problems)
}

/// Routines of 3–15 exercises drawn from exercises with 1–24 steps of
/// 5–40 words, long titles, accented words, with and without pictures, on
/// A4 and Letter: every sheet prints as the build laid it out (the browser
/// never had to fit one again), every step wherever the rules say so.
/// `HANDOUT_STRESS_ROUTINES=N` prints a bigger set (scripts/sheet-stress).
#[test]
fn generated_sheets_print_as_laid_out() {
    let test = "generated_sheets_print_as_laid_out";
    let Some(checks) = browser(test) else {
        return;
    };
    let routines: usize = std::env::var("HANDOUT_STRESS_ROUTINES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(13);
    let mut problems = Vec::new();
    let mut report = String::new();
    for (paper, seed) in [("A4", 7), ("Letter", 11)] {
        let site = build_site(stress_site(paper, routines, seed), paper);
        let mut files = sheet_files(&site.public(), &[false]);
        // Large print of a few routines and exercises.
        let large: Vec<(PathBuf, bool)> = files
            .iter()
            .filter(|(f, _)| !f.to_string_lossy().contains("/exercises/"))
            .take(3)
            .chain(
                files
                    .iter()
                    .filter(|(f, _)| f.to_string_lossy().contains("/exercises/"))
                    .take(4),
            )
            .map(|(f, _)| (f.clone(), true))
            .collect();
        // Every routine; a sample of the exercise sheets.
        files.retain(|(f, _)| {
            !f.to_string_lossy().contains("/exercises/")
                || f.file_stem()
                    .and_then(|s| s.to_str())
                    .is_some_and(|s| s.ends_with('4'))
        });
        files.extend(large);
        let printed = print(&checks, &files, false);
        let (r, p) = stress_report(&printed, &site);
        report.push_str(&r);
        problems.extend(p);
    }
    eprintln!("{report}");
    let problems = failures(problems);
    assert!(problems.is_empty(), "{}\n{report}", problems.join("\n"));
}
