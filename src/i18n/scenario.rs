//! Messages: the scenario panel: name, need, root cause, segment mix and threshold.

/// The scenario panel: name, need, root cause, segment mix and threshold.
#[allow(missing_docs)]
pub struct ScenarioTexts {
    pub scenario: &'static str,
    pub scenario_name: &'static str,
    pub need: &'static str,
    pub need_placeholder: &'static str,
    pub root_cause: &'static str,
    pub root_cause_placeholder: &'static str,
    pub segment_mix: &'static str,
    pub segment_mix_hint: &'static str,
    pub smb: &'static str,
    pub enterprise: &'static str,
    pub public_sector: &'static str,
    pub smb_short: &'static str,
    pub enterprise_short: &'static str,
    pub public_sector_short: &'static str,
    pub threshold: &'static str,
    pub threshold_hint: &'static str,
    pub threshold_ratio_hint: &'static str,
}

/// English.
pub const EN: ScenarioTexts = ScenarioTexts {
    scenario: "Scenario",
    scenario_name: "Scenario name",
    need: "Customer need",
    need_placeholder: "What problem does the customer have?",
    root_cause: "Root cause",
    root_cause_placeholder: "Why does it happen?",
    segment_mix: "Segment mix",
    segment_mix_hint: "How much each customer segment matters (any scale, e.g. % of revenue).",
    smb: "SMB",
    enterprise: "Enterprise",
    public_sector: "Public sector",
    smb_short: "SMB",
    enterprise_short: "Ent.",
    public_sector_short: "Pub.",
    threshold: "Worth-it threshold",
    threshold_hint: "Options scoring below it are not worth doing (0 = off).",
    threshold_ratio_hint: "In the ratio's own units, as the ranking shows them (RICE 4,000; WSJF 2.6). Options scoring below it are not worth doing (0 = off).",
};

/// German.
pub const DE: ScenarioTexts = ScenarioTexts {
    scenario: "Szenario",
    scenario_name: "Name des Szenarios",
    need: "Kundenbedarf",
    need_placeholder: "Welches Problem hat die Kundschaft?",
    root_cause: "Ursache",
    root_cause_placeholder: "Warum tritt es auf?",
    segment_mix: "Segment-Mix",
    segment_mix_hint: "Wie viel jedes Kundensegment zählt (beliebige Skala, z. B. % des Umsatzes).",
    smb: "KMU",
    enterprise: "Großunternehmen",
    public_sector: "Öffentlicher Sektor",
    smb_short: "KMU",
    enterprise_short: "Groß",
    public_sector_short: "Öff.",
    threshold: "Lohnt-sich-Schwelle",
    threshold_hint: "Optionen darunter lohnen sich nicht (0 = aus).",
    threshold_ratio_hint: "In den Einheiten des Verhältnisses, wie die Rangliste sie zeigt (RICE 4.000; WSJF 2,6). Optionen darunter lohnen sich nicht (0 = aus).",
};
