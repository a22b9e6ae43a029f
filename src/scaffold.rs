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
progression: [chin-tuck]
---
Sit tall on a firm chair with your feet flat.

1. Let your arms hang by your sides.
2. Squeeze your shoulder blades back and together.
3. Hold, then relax slowly.

You should feel the muscles between your shoulder blades working.
"#;

const EXERCISE_2: &str = r#"---
title: Chin tuck
summary: Slide your chin straight back to ease a stiff neck.
region: [neck]
equipment: [none]
category: mobility
position: seated
dosage:
  reps: 10
  hold: 3 s
  frequency: 3 times a day
cautions: []
---
Sit tall and look straight ahead.

1. Slide your chin straight back, as if making a double chin.
2. Hold, then let your head glide forward again.

You should feel a gentle stretch at the back of your neck.
"#;

const ROUTINE: &str = r#"---
title: Desk break
summary: Two quick moves for neck and upper back.
goal: mixed
frequency: daily
sections:
  - name: Exercises
    exercises:
      - chin-tuck
      - exercise: shoulder-blade-squeeze
        dosage: { sets: 1 }
        note: Keep your shoulders down, away from your ears.
cautions: []
---
Do this routine whenever you have been sitting for an hour.
"#;

/// Writes a new site into `dir`, which must be empty or missing.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        bail!("{} is not empty; choose a new folder", dir.display());
    }
    let files = [
        ("handout.toml", CONFIG),
        ("content/index.md", HOME),
        ("content/exercises/shoulder-blade-squeeze.md", EXERCISE_1),
        ("content/exercises/chin-tuck.md", EXERCISE_2),
        ("content/routines/desk-break.md", ROUTINE),
    ];
    let mut written = Vec::new();
    for (rel, text) in files {
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
    let slug = crate::content::slugify(title);
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
  reps: 10                       # a count or range
  hold: 3 s                      # a time: 30 s, 45 sec, 1-2 min, 2 minutes
  side: both                     # both (default), each or alternating
  frequency: daily               # daily, N times a day, N times a week, Nx daily, Nx weekly
cautions:                        # a list of warnings; [] if there are none
  - Stop if you feel sharp pain.
progression: []                  # slugs of harder versions, e.g. [wall-angels]
regression: []                   # slugs of easier versions
related: []                      # slugs of related exercises
tags: []                         # extra search words, e.g. [desk, posture]
# image: images/{slug}.svg       # a picture under static/; needs image_alt
# image_alt: What the picture shows.
# video: https://…               # printed sheets show it as a QR code
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
        slug = crate::content::slugify(title)
    )
}

fn routine_template(title: &str) -> String {
    format!(
        r#"---
title: {title}                   # shown as the page heading
summary: One sentence saying who this is for.
goal: mobility                   # mobility, stability or mixed
frequency: daily                 # daily, N times a day, N times a week, Nx daily, Nx weekly
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
