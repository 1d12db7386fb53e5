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
    no_options_yet: "No options yet. Add the possible solutions to this need.",
    rows_shown: "Showing the first {shown} of {total} options.",
    show_more_rows: "Show {n} more",
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
    no_options_yet: "Noch keine Optionen. Tragen Sie die möglichen Lösungen für diesen Bedarf ein.",
    rows_shown: "Die ersten {shown} von {total} Optionen werden gezeigt.",
    show_more_rows: "{n} weitere zeigen",
};
