//! The views drawn as HTML text: the cards, the details panel, the overview, the printed list, the
//! header's brand and the footer, the embed snippet (and, natively, the text lists `spaces static-list` writes).
//!
//! Which views are drawn this way is decision 0019: views a person reads; what a person operates
//! is drawn with Leptos. Everything here is written through [`Html`], whose only way to add
//! unescaped text takes a `&'static str` (markup written in this crate); data can only enter as
//! escaped text or attribute values, and every element is closed by the call that opened it.

pub mod cards;
pub mod details;
pub mod embed;
pub mod overview;
pub mod page;
pub mod print;
pub mod qr;

use std::fmt::Display;

/// An HTML text being written.
#[derive(Debug, Default)]
pub struct Html(String);

impl Html {
    pub fn with_capacity(bytes: usize) -> Html {
        Html(String::with_capacity(bytes))
    }

    /// Fixed markup (an icon, a separator): only text written in this crate is `'static`.
    pub fn raw(&mut self, markup: &'static str) -> &mut Html {
        self.0.push_str(markup);
        self
    }

    /// Text, escaped for a text node or a double-quoted attribute value.
    pub fn text(&mut self, text: &str) -> &mut Html {
        escape_into(&mut self.0, text);
        self
    }

    /// A number (or anything else whose display is digits and punctuation), escaped all the same.
    pub fn number(&mut self, n: impl Display) -> &mut Html {
        self.text(&n.to_string())
    }

    /// `<tag name="value"…>`, what `body` writes, then `</tag>`. Attribute values are escaped.
    pub fn el(&mut self, tag: &'static str, attrs: &[(&'static str, &str)], body: impl FnOnce(&mut Html)) -> &mut Html {
        self.open(tag, attrs);
        body(self);
        self.close(tag)
    }

    /// An element that holds only `text`.
    pub fn el_text(&mut self, tag: &'static str, attrs: &[(&'static str, &str)], text: &str) -> &mut Html {
        self.el(tag, attrs, |h| {
            h.text(text);
        })
    }

    fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape_into(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
    }

    fn close(&mut self, tag: &'static str) -> &mut Html {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    pub fn finish(self) -> String {
        self.0
    }
}

/// The one escaping primitive: `& < > " '` as entities.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// Text escaped as HTML (for the few places that hand a fragment to a library, as the map's tile
/// credit to Leaflet).
///
/// # Examples
/// ```
/// assert_eq!(charity_finder::html::escape(r#"<b a="1">&'"#), "&lt;b a=&quot;1&quot;&gt;&amp;&#39;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// The cross icon of the close and remove buttons.
pub const CROSS: &str = r#"<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 4l8 8M12 4l-8 8"></path></svg>"#;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Each tag in `tags` is closed as often as it is opened.
    pub(crate) fn assert_balanced(html: &str, tags: &[&str]) {
        for tag in tags {
            let open = html.matches(&format!("<{tag} ")).count() + html.matches(&format!("<{tag}>")).count();
            assert_eq!(open, html.matches(&format!("</{tag}>")).count(), "<{tag}> in {html}");
        }
    }

    #[test]
    fn data_enters_escaped_and_elements_close() {
        let mut h = Html::default();
        h.el("p", &[("title", r#"" onclick="x"#)], |h| {
            h.text("<script>").raw("<br>").number(3);
        });
        assert_eq!(h.finish(), r#"<p title="&quot; onclick=&quot;x">&lt;script&gt;<br>3</p>"#);
    }
}
