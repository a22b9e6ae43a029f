//! `handout init` and `handout new`: files that build cleanly as written.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

const CONFIG: &str = r#"# Site settings. Every key is optional except `title`.
title = "Home Exercise Handbook"
# An absolute address (https://…) prints a QR code on every sheet.
base_url = "https://clinic.example/handbook/"
language = "en"
paper = "A4"            # or "Letter"

[clinic]
name = "Your Clinic"
phone = "555-0100"
website = "https://clinic.example"
address = "1 Example Street"

[search]
synonyms = [["upper back", "thoracic"]]
"#;

const HOME: &str = "---\ntitle: Home exercises\nsummary: Exercises your physiotherapist has picked for you.\n---\nStart with a [routine](routines/index.html), or browse [all exercises](exercises/index.html).\n";

const EXERCISE_1: &str = r#"---
title: Shoulder blade squeeze
summary: Pinch your shoulder blades together to wake up the muscles of the upper back.
region: [upper-back, shoulders]
equipment: [none]
category: stability
position: seated
dosage:
  sets: 2
  reps: 10
  hold: 5 s
  frequency: 2 times a day
cautions:
  - Stop if you feel pain in your neck or arms.
progression: [band-pull-apart]   # the harder next step: the same muscles against a band
---
## Starting position

Sit tall on a firm chair with your feet flat and your arms hanging by your sides.

## Steps

1. Squeeze your shoulder blades back and together.
2. Hold, then relax slowly.

## What you should feel

You should feel the muscles between your shoulder blades working.
"#;

const EXERCISE_2: &str = r#"---
title: Band pull-apart
summary: Stretch a light band across your chest to strengthen the muscles between your shoulder blades.
region: [upper-back, shoulders]
equipment: [resistance-band]
category: stability
position: standing
dosage:
  sets: 2
  reps: 10-12
  frequency: daily
cautions:
  - Use a light band, one you can pull slowly and smoothly every time.
  - Check the band for nicks or tears before you start.
  - Stop if you feel pain in your shoulder, or tingling in your arms or hands.
---
## Starting position

Stand tall with your feet hip-width apart. Hold the band in front of you at shoulder
height, arms straight and hands shoulder-width apart.

## Steps

1. Draw your shoulder blades back and together, as in the squeeze.
2. Keeping that squeeze, pull the band apart by moving your hands out to the sides.
3. Stop when the band touches your chest or your arms are in line with your body.
4. Let the band come back slowly, in control.

## What you should feel

You should feel the muscles between and behind your shoulder blades working hard.
Keep your shoulders down, away from your ears.
"#;

const ROUTINE: &str = r#"---
title: Desk break
summary: Two moves for the upper back after sitting, from easy to harder.
goal: stability
frequency: daily
sections:
  - name: Warm-up
    exercises:
      - exercise: shoulder-blade-squeeze
        dosage: { sets: 1 }
        note: Find the muscles the next exercise works.
  - name: Strengthen
    exercises:
      - exercise: band-pull-apart
        note: Keep your shoulders down, away from your ears.
cautions: []
---
Do this routine whenever you have been sitting for an hour.
"#;

/// Ignored by git: the built site, which a build makes again.
const GITIGNORE: &str = "/public/\n";

/// Publishes the site on GitHub Pages (the same file as deploy/github-pages.yml).
const PAGES_WORKFLOW: &str = include_str!("../deploy/github-pages.yml");

/// The files of a new site, by path under its folder.
pub const SITE: [(&str, &str); 7] = [
    ("handout.toml", CONFIG),
    ("content/index.md", HOME),
    ("content/exercises/shoulder-blade-squeeze.md", EXERCISE_1),
    ("content/exercises/band-pull-apart.md", EXERCISE_2),
    ("content/routines/desk-break.md", ROUTINE),
    (".gitignore", GITIGNORE),
    (".github/workflows/pages.yml", PAGES_WORKFLOW),
];

/// Writes a new site into `dir`, which must be missing or hold nothing but
/// hidden files (e.g. `.git`); writes nothing when a file is in the way.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>> {
    let shown = crate::paths::display_dir(dir);
    if dir.exists() && !dir.is_dir() {
        bail!("{shown} is not a folder; choose a new folder name");
    }
    if dir.exists() {
        let entries = std::fs::read_dir(dir).with_context(|| format!("cannot read {shown}"))?;
        let mut visible: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| !name.starts_with('.'))
            .collect();
        if !visible.is_empty() {
            visible.sort();
            let more = match visible.len() {
                1 => String::new(),
                n => format!(" and {} more", n - 1),
            };
            bail!(
                "{shown} is not empty (it has `{}`{more})\n  = help: run `handout init NEW-FOLDER` to make the site in a new folder",
                visible[0]
            );
        }
    }
    if let Some((rel, _)) = SITE.iter().find(|(rel, _)| dir.join(rel).exists()) {
        bail!(
            "{} is already there; handout init writes nothing over an existing file\n  = help: move it away, or run `handout init NEW-FOLDER`",
            crate::paths::shown(&dir.join(rel))
        );
    }
    let mut written = Vec::new();
    for (rel, text) in SITE {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// Which kind of file `handout new` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Exercise,
    Routine,
}

/// Writes a new exercise or routine with every field, each commented.
pub fn new_file(root: &Path, kind: Kind, title: &str) -> Result<PathBuf> {
    let slug = crate::model::slugify(title);
    if slug.is_empty() {
        bail!("the title `{title}` has no letters or digits to make a file name from");
    }
    let (dir, text) = match kind {
        Kind::Exercise => ("exercises", exercise_template(title)),
        Kind::Routine => ("routines", routine_template(title)),
    };
    let path = root.join("content").join(dir).join(format!("{slug}.md"));
    if path.exists() {
        bail!(
            "{} already exists; pick another title or edit that file",
            path.display()
        );
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

fn yaml_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn exercise_template(title: &str) -> String {
    format!(
        r#"---
title: {title}                   # shown as the page heading
summary: One sentence saying what this does.   # shown in lists and search
region: [upper-back]             # one or more: neck, shoulders, upper-back, mid-back, lower-back, chest, core, hips
equipment: [none]                # one or more: none, foam-roller, resistance-band, dumbbell, chair, wall, doorway, towel, massage-balls, mat
category: mobility               # one of: mobility, stability, stretch, warm-up
position: standing               # one of: standing, seated, supine, prone, side-lying, quadruped, kneeling
dosage:                          # at least one of reps, hold, duration
  sets: 2-3                      # a count (2) or a range (2-3, 2–3, 2 to 3)
  reps: 10                       # a count or range, or AMRAP; `5 each leg` names the side
  hold: 3 s                      # a time: 30 s, 45 sec, 1-2 min, 2 minutes, 1 min 30 s
  side: both                     # both (default), each (each leg, each arm) or alternating
  # rest: 30 s                   # rest between sets
  # load: red band               # 2 kg, 5 lb, a band colour, or level 2
  # effort: RPE 5                # 0-10, or easy, moderate, hard …
  frequency: daily               # daily, every other day, 3 times a week, 2x a day, Mon, Wed, Fri
cautions:                        # a list of warnings; [] if there are none
  - Stop if you feel sharp pain.
progression: []                  # slugs of harder versions, e.g. [wall-angels]
regression: []                   # slugs of easier versions
related: []                      # slugs of related exercises
tags: []                         # extra search words, e.g. [desk, posture]
# images:                        # pictures under static/, e.g. the start and end positions
#   - src: images/{slug}-start.svg
#     alt: What the picture shows.   # required: read aloud to patients who cannot see it
#     caption: Start                 # optional, shown under the picture
# image: images/{slug}.svg       # or one picture the older way; needs image_alt
# image_alt: What the picture shows.
# video: https://…               # a web address (YouTube, Vimeo …) or a file under static/; sheets print a QR code to a web address
# draft: true                    # built only with --drafts
---
Describe the starting position first.

1. First step, as an instruction.
2. Second step.
3. Third step.

## Tips

- What the patient should feel.
"#,
        title = yaml_str(title),
        slug = crate::model::slugify(title)
    )
}

fn routine_template(title: &str) -> String {
    format!(
        r#"---
title: {title}                   # shown as the page heading
summary: One sentence saying who this is for.
goal: mobility                   # mobility, stability or mixed (or a goal of [vocabulary.goal])
frequency: daily                 # daily, every other day, 3 times a week, 2x a day, Mon, Wed, Fri
sections:                        # 3–6 exercises in all keeps a routine easy to follow
  - name: Warm-up
    exercises:
      - exercise-slug            # the file name of an exercise, without .md
  - name: Main part
    exercises:
      - exercise: another-slug
        dosage: {{ sets: 2, reps: 10 }}   # overrides the exercise's own dosage
        note: A short note for this routine.
cautions: []                     # added to the exercises' own cautions on the sheet
red_flags: []                    # warning signs added to the clinic's on this routine's sheet
# draft: true                    # built only with --drafts
---
A few words about the routine, shown on its page and sheet.
"#,
        title = yaml_str(title)
    )
}
