//! Builds into one folder take turns (the second waits, naming the first),
//! and what a killed build left is cleared by the next.

use super::*;

/// A site big enough that a build takes a while.
fn big(w: &Work, n: usize) {
    for i in 0..n {
        w.exercise(&format!("exercise-{i:04}"), &format!("Exercise number {i}"));
    }
}

#[test]
#[cfg(unix)]
fn a_second_build_waits_for_the_first_naming_it() {
    let w = Work::new();
    w.build_ok(&[]);
    let public = w.path().join("s/public");
    let reference = all_files(&public);
    // Stand in for a running build: hold the lock and the owner note.
    let marker = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(public.join(".handout-output"))
        .unwrap();
    marker.lock().unwrap();
    fs::create_dir(public.join(".handout-tmp")).unwrap();
    fs::write(public.join(".handout-tmp/owner"), "4242").unwrap();
    let mut child = w
        .cmd(&["build", "--root", "s"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert_eq!(
        first,
        "waiting: another handout build (process 4242) is writing into s/public"
    );
    assert!(child.try_wait().unwrap().is_none(), "it waits");
    fs::remove_dir_all(public.join(".handout-tmp")).unwrap();
    marker.unlock().unwrap();
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(child.wait().unwrap().success(), "{rest:?}");
    assert_eq!(all_files(&public), reference);
    assert_eq!(w.litter(), Vec::<String>::new());
}

#[test]
fn builds_into_one_folder_at_the_same_time_take_turns() {
    let w = Work::new();
    big(&w, 60);
    w.build_ok(&["--output", "reference"]);
    let reference = all_files(&w.path().join("reference"));
    let (mut waited, mut named_rounds, rounds) = (0, 0, 12);
    for round in 0..rounds {
        // Round 0 starts from nothing, the others from an earlier output.
        let spawn = || {
            w.cmd(&["build", "--root", "s", "--output", "shared"])
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        for o in [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()] {
            let err = stderr(&o);
            assert!(o.status.success(), "round {round}: {err}");
            if let Some(line) = err.lines().find(|l| l.starts_with("waiting:")) {
                waited += 1;
                // The process is named unless the other build took the
                // lock a moment before it could write its number down.
                let named = line.starts_with("waiting: another handout build (process ");
                assert!(
                    named || line == "waiting: another handout build is writing into shared",
                    "{line}"
                );
                named_rounds += usize::from(named);
            }
        }
        assert_eq!(
            all_files(&w.path().join("shared")),
            reference,
            "round {round}"
        );
        assert_eq!(w.litter(), Vec::<String>::new(), "round {round}");
    }
    eprintln!(
        "{waited} of {rounds} rounds had one build wait for the other ({named_rounds} naming it)"
    );
}

#[test]
#[cfg(unix)]
fn what_a_killed_build_left_is_cleared_by_the_next() {
    let w = Work::new();
    big(&w, 300);
    w.build_ok(&[]);
    let public = w.path().join("s/public");
    let reference = all_files(&public);
    w.exercise("exercise-0000", "Changed");
    let staged = public.join(".handout-tmp/new");
    let mut killed = false;
    for _ in 0..5 {
        let mut child = w
            .cmd(&["build", "--root", "s"])
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Stopped as soon as it has started to write.
        while child.try_wait().unwrap().is_none() {
            if fs::read_dir(&staged).is_ok_and(|mut d| d.next().is_some()) {
                child.kill().unwrap();
                killed = true;
                break;
            }
            std::thread::yield_now();
        }
        child.wait().unwrap();
        if killed {
            break;
        }
    }
    assert!(
        killed,
        "the build always finished before it could be stopped"
    );
    assert!(
        public.join(".handout-tmp").exists(),
        "the stopped build left its work folder"
    );
    assert_eq!(
        all_files(&public)
            .into_iter()
            .filter(|(k, _)| !k.starts_with(".handout-tmp"))
            .collect::<BTreeMap<_, _>>(),
        reference,
        "the stopped build changed the output"
    );
    w.exercise("exercise-0000", "Exercise number 0");
    w.build_ok(&[]);
    assert_eq!(all_files(&public), reference);
    assert_eq!(w.litter(), Vec::<String>::new());
}
