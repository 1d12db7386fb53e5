//! The frameworks a new scenario can start from, and the ratio model's words.

use crate::domain::model::presets::PresetNames;

/// The presets' and the ratio model's words.
#[allow(missing_docs)]
pub struct PresetTexts {
    /// The criteria each preset starts with.
    pub names: PresetNames<'static>,
    /// Each preset's name, in the order of `Preset::ALL`.
    pub preset: [&'static str; 5],
    /// One line on each preset, in the same order.
    pub preset_hint: [&'static str; 5],
    /// "New from a framework"
    pub start_from: &'static str,
    /// The demo scored with RICE, and a line on it.
    pub rice_demo: [&'static str; 2],
    /// Each model's name, in the order of `ScoreModel::ALL`.
    pub model: [&'static str; 2],
    /// Each ratio role's name, in the order of `RatioRole::ALL`.
    pub role: [&'static str; 3],
}

pub const EN: PresetTexts = PresetTexts {
    names: PresetNames {
        rice: [
            "Reach",
            "people per quarter",
            "Impact",
            "Confidence",
            "Effort",
            "person-months",
        ],
        rice_impact: ["Massive", "High", "Medium", "Low", "Minimal"],
        ice: ["Impact", "Confidence", "Ease"],
        wsjf: [
            "User-business value",
            "Time criticality",
            "Risk reduction / opportunity enablement",
            "Job size",
        ],
        value_effort: ["Value", "Effort", "person-days"],
    },
    preset: ["Weighted score", "RICE", "ICE", "WSJF", "Value ÷ effort"],
    preset_hint: [
        "Cost, time to market, impact and segment fit, weighted: Kerze's own score, 0–100.",
        "Reach × Impact × Confidence ÷ Effort, as Intercom published it.",
        "Impact × Confidence × Ease, each 1–10.",
        "Cost of delay ÷ job size on SAFe's Fibonacci scale 1–20.",
        "One value rating ÷ the effort it takes.",
    ],
    start_from: "New from a framework",
    rice_demo: [
        "Demo with RICE",
        "The demo's five options, scored with RICE.",
    ],
    model: ["Weighted sum", "Ratio"],
    role: ["adds", "multiplies", "divides"],
};

pub const DE: PresetTexts = PresetTexts {
    names: PresetNames {
        rice: ["Reichweite", "Personen pro Quartal", "Wirkung", "Zuversicht", "Aufwand", "Personenmonate"],
        rice_impact: ["Massiv", "Hoch", "Mittel", "Gering", "Minimal"],
        ice: ["Wirkung", "Zuversicht", "Einfachheit"],
        wsjf: ["Geschäftswert für Nutzer", "Zeitkritikalität", "Risikominderung / Chancen", "Jobgröße"],
        value_effort: ["Wert", "Aufwand", "Personentage"],
    },
    preset: ["Gewichtete Punktzahl", "RICE", "ICE", "WSJF", "Wert ÷ Aufwand"],
    preset_hint: [
        "Kosten, Time-to-Market, Wirkung und Segment-Fit, gewichtet: Kerzes eigene Punktzahl, 0–100.",
        "Reichweite × Wirkung × Zuversicht ÷ Aufwand, wie Intercom es veröffentlicht hat.",
        "Wirkung × Zuversicht × Einfachheit, je 1–10.",
        "Verzögerungskosten ÷ Jobgröße auf der Fibonacci-Skala 1–20 von SAFe.",
        "Eine Wertbewertung ÷ der Aufwand, den sie kostet.",
    ],
    start_from: "Neu nach Methode",
    rice_demo: ["Demo mit RICE", "Die fünf Optionen der Demo, mit RICE bewertet."],
    model: ["Gewichtete Summe", "Verhältnis"],
    role: ["addiert", "multipliziert", "teilt"],
};
