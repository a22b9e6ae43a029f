//! How `handout.toml` sets a vocabulary's terms (`[vocabulary.NAME]`: a label
//! or `false` for each), and those settings applied to the built-in terms.

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// How `handout.toml` sets one term: a label, or `false` to remove a
/// built-in term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub(crate) enum TermSetting {
    Label(String),
    Off,
}

impl<'de> Deserialize<'de> for TermSetting {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl de::Visitor<'_> for Visit {
            type Value = TermSetting;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a label in quotes, or `false` to remove a built-in term")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TermSetting, E> {
                Ok(TermSetting::Label(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<TermSetting, E> {
                match v {
                    false => Ok(TermSetting::Off),
                    true => Err(E::custom(
                        "`true` is not a label: give the term a label in quotes, or `false` to remove it",
                    )),
                }
            }
        }
        d.deserialize_any(Visit)
    }
}

/// The terms of one `[vocabulary.NAME]` table, in the order written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct TermTable(pub(crate) Vec<(String, TermSetting)>);

impl<'de> Deserialize<'de> for TermTable {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> de::Visitor<'de> for Visit {
            type Value = TermTable;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("terms with their labels, like `wrists = \"Wrists\"`")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<TermTable, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, TermSetting>()? {
                    out.push((k, v));
                }
                Ok(TermTable(out))
            }
        }
        d.deserialize_map(Visit)
    }
}

/// Built-in terms with a site's table applied: the built-in terms the table
/// does not mention, in their order, then the table's terms in the order
/// written; `false` removes a term. Returns the terms and the removed ones.
pub(super) fn merge(
    builtin: &[(&str, &str)],
    table: Option<&TermTable>,
) -> (Vec<(String, String)>, Vec<String>) {
    let table = table.map_or(&[][..], |t| &t.0[..]);
    let mentioned: HashSet<&str> = table.iter().map(|(t, _)| t.as_str()).collect();
    let mut terms: Vec<(String, String)> = builtin
        .iter()
        .filter(|(t, _)| !mentioned.contains(t))
        .map(|(t, l)| (t.to_string(), l.to_string()))
        .collect();
    let mut removed = Vec::new();
    for (term, setting) in table {
        match setting {
            TermSetting::Label(label) => terms.push((term.clone(), label.trim().to_string())),
            TermSetting::Off => removed.push(term.clone()),
        }
    }
    (terms, removed)
}
