//! Every word of the dosage wording a patient reads, in one table, so that
//! a translation (or the programme builder, in JavaScript) can produce the
//! same sentences from the same data. A pattern's `{n}` is a count or a
//! range, `{t}` a length of time, `{w}` a word, `{a}`/`{b}` two parts.

/// Key → pattern. `.one` and `.many` are the singular and plural forms.
pub(crate) const WORDS: &[(&str, &str)] = &[
    ("range", "{lo}–{hi}"),
    ("sep", " · "),
    ("list", ", "),
    ("list.last", " and "),
    ("of", "{a} of {b}"),
    ("sets.one", "{n} set"),
    ("sets.many", "{n} sets"),
    ("reps.one", "{n} rep"),
    ("reps.many", "{n} reps"),
    ("reps.amrap", "as many reps as you can"),
    ("rounds.one", "{n} round"),
    ("rounds.many", "{n} rounds"),
    ("holds.one", "{n} × {t} hold"),
    ("holds.many", "{n} × {t} holds"),
    ("hold", "hold {t}"),
    ("for", "for {t}"),
    ("second.one", "second"),
    ("second.many", "seconds"),
    ("minute.one", "minute"),
    ("minute.many", "minutes"),
    ("hour.one", "hour"),
    ("hour.many", "hours"),
    ("time.noun", "{n} {unit}"),
    ("time.adjective", "{n}-{unit}"),
    ("side.each", ", each side"),
    ("side.leg", ", each leg"),
    ("side.arm", ", each arm"),
    ("side.alternating", ", alternating sides"),
    ("rest", "rest {t}"),
    ("rest.sets", "rest {t} between sets"),
    ("load.kg", "using {n} kg"),
    ("load.lb", "using {n} lb"),
    ("load.band", "using a {w} band"),
    ("load.level", "using a level {n} band"),
    ("effort.rpe", "effort {n} out of 10"),
    ("effort.word", "{w} effort"),
    ("daily", "daily"),
    ("every_other_day", "every other day"),
    ("per_day.one", "once a day"),
    ("per_day.many", "{n} times a day"),
    ("per_week.one", "once a week"),
    ("per_week.many", "{n} times a week"),
    ("day.mon", "Mon"),
    ("day.tue", "Tue"),
    ("day.wed", "Wed"),
    ("day.thu", "Thu"),
    ("day.fri", "Fri"),
    ("day.sat", "Sat"),
    ("day.sun", "Sun"),
];

/// The pattern of `key` (the key itself if the table lacks it, which the
/// tests rule out).
pub(crate) fn word(key: &str) -> &'static str {
    WORDS.iter().find(|(k, _)| *k == key).map_or("", |(_, w)| w)
}

/// `key`'s pattern with each `{name}` replaced by its value.
pub(crate) fn fill(key: &str, args: &[(&str, &str)]) -> String {
    let mut out = word(key).to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The singular or plural pattern of `key` for a count whose upper end is `n`.
pub(crate) fn counted(key: &str, n: u32, args: &[(&str, &str)]) -> String {
    let form = if n == 1 { "one" } else { "many" };
    fill(&format!("{key}.{form}"), args)
}

/// Items joined as a patient reads a list: "Mon, Wed and Fri".
pub(crate) fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{}{}{last}", rest.join(word("list")), word("list.last")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_unique_and_patterns_fill() {
        for (i, (k, _)) in WORDS.iter().enumerate() {
            assert!(WORDS[..i].iter().all(|(o, _)| o != k), "duplicate key {k}");
        }
        assert_eq!(fill("per_day.many", &[("n", "3")]), "3 times a day");
        assert_eq!(counted("sets", 1, &[("n", "1")]), "1 set");
        assert_eq!(list(&["Mon", "Wed", "Fri"]), "Mon, Wed and Fri");
        assert_eq!(list(&["Tue"]), "Tue");
    }
}
