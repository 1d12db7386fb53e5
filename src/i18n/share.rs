//! Messages: sharing a link and the shared view.

/// Sharing a link and the shared view.
#[allow(missing_docs)]
pub struct ShareTexts {
    pub share_title: &'static str,
    pub share_explain: &'static str,
    pub share_link: &'static str,
    pub link_length: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub link_copy_failed: &'static str,
    pub long_link_warning: &'static str,
    pub link_from_file: &'static str,
    pub download_json_instead: &'static str,
    pub shared_label: &'static str,
    pub shared_hint: &'static str,
    pub save_copy: &'static str,
    pub back_to_mine: &'static str,
    pub more: &'static str,
    pub show_inputs: &'static str,
    pub nothing_stored: &'static str,
    pub open_presenting: &'static str,
}

/// English.
pub const EN: ShareTexts = ShareTexts {
    share_title: "Share this scenario",
    share_explain: "Whoever opens this link sees this scenario exactly as it is now, read-only. The scenario travels inside the link, after the #: nothing is uploaded anywhere.",
    share_link: "Link to this scenario",
    link_length: "{n} characters",
    copy_link: "Copy link",
    link_copied: "The link is on the clipboard.",
    link_copy_failed: "This browser did not allow copying: select the link above and press Ctrl+C.",
    long_link_warning: "This link is longer than 8,000 characters; some chat and mail tools cut such links. Send the JSON file instead: the recipient imports it.",
    link_from_file: "Kerze is open from a file on this computer, so this link opens only here. To share, send the JSON file, or open Kerze from a web address and share from there.",
    download_json_instead: "Download the JSON file",
    shared_label: "Shared scenario · read-only",
    shared_hint: "Nothing here changes your own scenarios. Save a copy to edit it.",
    save_copy: "Save a copy",
    back_to_mine: "Back to my scenarios",
    more: "More…",
    show_inputs: "Show the inputs (criteria, weights and every value)",
    nothing_stored: "Read-only: nothing of this scenario is stored until you save a copy.",
    open_presenting: "Open it in the presentation view",
};

/// German.
pub const DE: ShareTexts = ShareTexts {
    share_title: "Dieses Szenario teilen",
    share_explain: "Wer diesen Link öffnet, sieht dieses Szenario genau so, wie es jetzt ist, schreibgeschützt. Das Szenario steckt im Link selbst, hinter dem #: Es wird nichts hochgeladen.",
    share_link: "Link zu diesem Szenario",
    link_length: "{n} Zeichen",
    copy_link: "Link kopieren",
    link_copied: "Der Link ist in der Zwischenablage.",
    link_copy_failed: "Dieser Browser hat das Kopieren nicht erlaubt: Markieren Sie den Link oben und drücken Sie Strg+C.",
    long_link_warning: "Dieser Link ist länger als 8.000 Zeichen; manche Chat- und Mail-Programme kürzen solche Links. Senden Sie stattdessen die JSON-Datei: Die Empfänger importieren sie.",
    link_from_file: "Kerze ist aus einer Datei auf diesem Computer geöffnet, daher öffnet dieser Link nur hier. Zum Teilen senden Sie die JSON-Datei oder öffnen Kerze über eine Web-Adresse und teilen von dort.",
    download_json_instead: "JSON-Datei herunterladen",
    shared_label: "Geteiltes Szenario · schreibgeschützt",
    shared_hint: "Hier ändert sich nichts an Ihren eigenen Szenarien. Speichern Sie eine Kopie, um es zu bearbeiten.",
    save_copy: "Kopie speichern",
    back_to_mine: "Zurück zu meinen Szenarien",
    more: "Mehr…",
    show_inputs: "Eingaben zeigen (Kriterien, Gewichte und alle Werte)",
    nothing_stored: "Schreibgeschützt: von diesem Szenario wird nichts gespeichert, bis Sie eine Kopie speichern.",
    open_presenting: "In der Präsentationsansicht öffnen",
};
