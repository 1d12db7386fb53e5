//! Messages: the options table.

/// The options table.
#[allow(missing_docs)]
pub struct OptionsTexts {
    pub options: &'static str,
    pub option_title: &'static str,
    pub description: &'static str,
    pub add_option: &'static str,
    pub new_option: &'static str,
    pub remove_option: &'static str,
    pub fit_for: &'static str,
    pub fit_scale: &'static str,
    pub value_of: &'static str,
    pub no_options_yet: &'static str,
    pub rows_shown: &'static str,
    pub show_more_rows: &'static str,
    pub at_cap: &'static str,
    pub filter: &'static str,
    pub filter_hint: &'static str,
    pub sort_by: &'static str,
    /// Entry order, title, score.
    pub sorts: [&'static str; 3],
    /// Both directions of the entry order, title, score and a criterion.
    pub ways: [&'static str; 4],
    pub matching: &'static str,
    pub none_matching: &'static str,
    pub sort_again: &'static str,
}

/// English.
pub const EN: OptionsTexts = OptionsTexts {
    options: "Options",
    option_title: "Option",
    description: "Description",
    add_option: "Add option",
    new_option: "Option {n}",
    remove_option: "Remove option",
    fit_for: "Fit {segment} (0–5)",
    fit_scale: "fit 0–5",
    value_of: "{criterion} of {option}",
    no_options_yet: "No options yet. Add the possible solutions to this need, or click here and paste rows copied from a spreadsheet (Ctrl+V).",
    rows_shown: "Showing the first {shown} of {total} options.",
    show_more_rows: "Show {n} more",
    at_cap: "A scenario holds at most {max} options, and this one is full: remove an option to add another.",
    filter: "Filter",
    filter_hint: "Words in title or description",
    sort_by: "Sort by",
    sorts: ["Entry order", "Title", "Score"],
    ways: [
        "(first to last)|(last to first)",
        "(A to Z)|(Z to A)",
        "(best first)|(worst first)",
        "(highest first)|(lowest first)",
    ],
    matching: "{shown} of {total} options match.",
    none_matching: "No option has “{words}”. Clear the filter to see them all.",
    sort_again: "Sort again",
};

/// German.
pub const DE: OptionsTexts = OptionsTexts {
    options: "Optionen",
    option_title: "Option",
    description: "Beschreibung",
    add_option: "Option hinzufügen",
    new_option: "Option {n}",
    remove_option: "Option entfernen",
    fit_for: "Fit {segment} (0–5)",
    fit_scale: "Fit 0–5",
    value_of: "{criterion} von {option}",
    no_options_yet: "Noch keine Optionen. Tragen Sie die möglichen Lösungen für diesen Bedarf ein, oder klicken Sie hier und fügen Sie aus einer Tabellenkalkulation kopierte Zeilen ein (Strg+V).",
    rows_shown: "Die ersten {shown} von {total} Optionen werden gezeigt.",
    show_more_rows: "{n} weitere zeigen",
    at_cap: "Ein Szenario hält höchstens {max} Optionen, und dieses ist voll: Entfernen Sie eine Option, um eine weitere hinzuzufügen.",
    filter: "Filtern",
    filter_hint: "Wörter in Titel oder Beschreibung",
    sort_by: "Sortieren nach",
    sorts: ["Eingabereihenfolge", "Titel", "Punktzahl"],
    ways: [
        "(erste zuerst)|(letzte zuerst)",
        "(A bis Z)|(Z bis A)",
        "(beste zuerst)|(schlechteste zuerst)",
        "(höchste zuerst)|(niedrigste zuerst)",
    ],
    matching: "{shown} von {total} Optionen passen.",
    none_matching: "Keine Option enthält „{words}“. Leeren Sie den Filter, um alle zu sehen.",
    sort_again: "Neu sortieren",
};
