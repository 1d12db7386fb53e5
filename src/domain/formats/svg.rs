//! A chart drawn in the page, made a file of its own: the page serialises
//! its SVG as HTML, which a standalone SVG (XML) file does not accept as is.

/// Turns the HTML serialisation of an inline SVG (`outerHTML`) into
/// well-formed XML: the one HTML-only entity it writes, `&nbsp;` (a
/// non-breaking space pasted from Word, Confluence or a German "40 %"),
/// becomes `&#160;`, and characters XML 1.0 does not allow at all (control
/// characters other than tab and line ends, U+FFFE, U+FFFF) become spaces.
pub fn well_formed(html: &str) -> String {
    html.replace("&nbsp;", "&#160;")
        .chars()
        .map(|c| if xml_char(c) { c } else { ' ' })
        .collect()
}

/// Whether XML 1.0 allows `c` in a document (its `Char` production).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::well_formed;

    #[test]
    fn non_breaking_spaces_and_control_characters_make_no_broken_file() {
        assert_eq!(
            well_formed("<text>40&nbsp;% &amp;nbsp;</text>"),
            "<text>40&#160;% &amp;nbsp;</text>"
        );
        assert_eq!(
            well_formed("<text>a\u{1}b\u{b}c\u{7}</text>"),
            "<text>a b c </text>"
        );
        assert_eq!(well_formed("tab\tline\nä😀"), "tab\tline\nä😀");
        assert_eq!(well_formed("\u{FFFE}\u{FFFF}"), "  ");
    }
}
