//! The one place that knows which YAML library we use. Everything else sees
//! `Value` and `parse`, so the library can be swapped.

pub(crate) use serde_yaml::Mapping;
pub(crate) use serde_yaml::Value;

/// A YAML syntax error with a position relative to the parsed text (1-based).
#[derive(Debug)]
pub(crate) struct SyntaxError {
    pub(crate) line: usize,
    pub(crate) col: usize,
    pub(crate) message: String,
}

/// Parses one YAML document. An empty document is an empty mapping.
pub(crate) fn parse(text: &str) -> Result<Value, SyntaxError> {
    if text.trim().is_empty() {
        return Ok(Value::Mapping(Mapping::new()));
    }
    serde_yaml::from_str(text).map_err(|e| {
        let (line, col) = e
            .location()
            .map(|l| (l.line(), l.column()))
            .unwrap_or((1, 1));
        let message = e.to_string();
        // serde_yaml appends " at line N column M"; we print positions ourselves.
        let message = match message.find(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        // A number too large for any integer type: say so, with the field.
        let message = match message.split_once(": invalid type: integer `") {
            Some((field, rest)) => match rest.split_once('`') {
                Some((n, _)) => format!("`{field}`: the number `{n}` is far too large"),
                None => message,
            },
            None => message,
        };
        SyntaxError { line, col, message }
    })
}

/// A short, patient-neutral name for the kind of a value, for error messages.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a map of fields",
        Value::Tagged(_) => "a tagged value",
    }
}

/// A scalar as text (`2` and `"2"` read the same), or `None` for lists and maps.
pub(crate) fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}
