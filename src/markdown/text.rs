//! Plain text from a body's Markdown events: the numbered steps (the first
//! ordered list, as printed sheets show them), for the content checks.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Each item of the body's first top-level ordered list: its byte offset
/// in the body and its text without markup.
pub(crate) fn steps(body: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut state = 0u8; // 0 before the steps, 1 in them, 2 after
    let mut item: Option<(usize, String)> = None;
    for (ev, range) in Parser::new_ext(body, super::options()).into_offset_iter() {
        match ev {
            Event::Start(Tag::List(first)) => {
                depth += 1;
                if depth == 1 && first.is_some() && state == 0 {
                    state = 1;
                }
            }
            Event::End(TagEnd::List(_)) => {
                depth = depth.saturating_sub(1);
                if depth == 0 && state == 1 {
                    state = 2;
                }
            }
            Event::Start(Tag::Item) if depth == 1 && state == 1 => {
                item = Some((range.start, String::new()));
            }
            Event::End(TagEnd::Item) if depth == 1 && state == 1 => out.extend(item.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = &mut item {
                    text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, text)) = &mut item {
                    text.push(' ');
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_ordered_list_only() {
        let body = "Intro.\n\n- a tip\n\n1. Lift **slowly**.\n2. Repeat 10 times.\n\nTips.\n\n1. Another list.\n";
        let steps: Vec<String> = steps(body).into_iter().map(|(_, t)| t).collect();
        assert_eq!(steps, ["Lift slowly.", "Repeat 10 times."]);
        assert!(super::steps("No steps here.\n\n- only a bullet\n").is_empty());
    }
}
