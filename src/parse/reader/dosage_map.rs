//! Reading a dosage map (`sets`, `reps`, `hold`, …): each field through the
//! dosage grammar, with a side named in a count checked against `side`.

use super::Reader;
use crate::diag::{did_you_mean, Diagnostic};
use crate::model::dosage::{Dosage, Side};
use crate::parse::dosage;
use crate::parse::front_matter::DOSAGE_KEYS;
use crate::source::yaml::{self, Value};

impl Reader<'_> {
    /// The text of the value at `path` as the file has it: a number such as
    /// `0x10` or `+5` is read by YAML as 16 or 5, but messages name what
    /// was written.
    fn written(&self, value: &Value, path: &[&str]) -> Option<String> {
        if let Value::Sequence(items) = value {
            let parts: Option<Vec<String>> = items.iter().map(yaml::scalar_text).collect();
            return parts.map(|p| p.join(", "));
        }
        if !matches!(value, Value::Number(_)) {
            return yaml::scalar_text(value);
        }
        let as_read = yaml::scalar_text(value);
        let Some(pos) = self.loc.value(path) else {
            return as_read;
        };
        let line = self.file.text.lines().nth(pos.line.checked_sub(1)?)?;
        let text: String = line.chars().skip(pos.col - 1).take(pos.width).collect();
        let text = text.trim();
        if text.is_empty() {
            as_read
        } else {
            Some(text.to_string())
        }
    }

    /// Reads a dosage map. `full` demands at least one of reps, hold, duration.
    pub(in crate::parse) fn dosage(&mut self, v: &Value, path: &[&str], full: bool) -> Dosage {
        let Value::Mapping(m) = v else {
            self.type_error(path, "fields like `{ sets: 2, reps: 10 }`", v);
            return Dosage::default();
        };
        self.check_keys(m, path, DOSAGE_KEYS);
        let mut d = Dosage::default();
        // A side named inside another field (`reps: 5 each leg`), and where.
        let mut side_in: Option<(Side, Vec<&str>)> = None;
        for key in DOSAGE_KEYS {
            let Some(value) = m.get(*key) else { continue };
            let mut p = path.to_vec();
            p.push(key);
            let Some(text) = self.written(value, &p) else {
                self.type_error(&p, "a single value", value);
                continue;
            };
            let field = format!("`{key}`");
            let (amount, side) = match *key {
                "reps" | "hold" | "duration" => dosage::split_side(&text),
                _ => (text.as_str(), None),
            };
            if let Some(side) = side {
                side_in = Some((side, p.clone()));
            }
            match *key {
                "sets" => {
                    d.sets = self.grammar(dosage::parse_count(amount, dosage::SETS), &p, &field)
                }
                "reps" => d.reps = self.grammar(dosage::parse_reps(amount), &p, &field),
                "hold" => d.hold = self.grammar(dosage::parse_time(amount), &p, &field),
                "duration" => d.duration = self.grammar(dosage::parse_time(amount), &p, &field),
                "rest" => d.rest = self.grammar(dosage::parse_time(amount), &p, &field),
                "load" => d.load = self.grammar(dosage::parse_load(amount), &p, &field),
                "effort" => d.effort = self.grammar(dosage::parse_effort(amount), &p, &field),
                "side" => {
                    d.side = self.grammar(dosage::parse_side(amount), &p, &field);
                    if d.side.is_none() {
                        if let (Some(last), Some(best)) =
                            (self.diags.last_mut(), did_you_mean(amount, dosage::SIDES))
                        {
                            last.help = Some(format!("did you mean `{best}`?"));
                        }
                    }
                }
                _ => d.frequency = self.grammar(dosage::parse_frequency(amount), &p, &field),
            }
        }
        if let Some((side, p)) = side_in {
            match d.side {
                Some(given) if given != side && m.contains_key("side") => {
                    let pos = self.loc.value(&p).unwrap_or_else(|| self.loc.start());
                    self.push(
                        Diagnostic::error(
                            &self.file.display,
                            format!("`{}` names a side, but `side` says another", p.join(".")),
                        )
                        .field(p.join("."))
                        .help("say the side once: in `side:`, or after the count (`5 each leg`)"),
                        pos,
                    );
                }
                _ => d.side = Some(side),
            }
        }
        if full
            && !d.has_amount()
            && !["reps", "hold", "duration"]
                .iter()
                .any(|k| m.contains_key(*k))
        {
            let pos = self.loc.key(path).unwrap_or_else(|| self.loc.start());
            self.push(
                Diagnostic::error(
                    &self.file.display,
                    "dosage needs at least one of `reps`, `hold` or `duration`",
                )
                .field(path.join("."))
                .help("e.g. `reps: 10-15`, `hold: 30 s` or `duration: 1-2 min`"),
                pos,
            );
        }
        d
    }
}
