//! The clock and randomness the app needs: new ids and export time stamps.

use crate::domain::model::ids::ScenarioId;

/// A fresh scenario id from the clock and a random number.
pub fn new_scenario_id() -> ScenarioId {
    let millis = js_sys::Date::now().max(0.0) as u64;
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    ScenarioId::from_parts(millis, random)
}

/// A fresh id for this tab, written into every entry it stores (`t` and 12 hex digits).
pub fn new_writer_id() -> String {
    let random = (js_sys::Math::random() * 2f64.powi(48)) as u64;
    format!("t{random:012x}")
}

/// Now, as ISO 8601 in UTC (`2026-11-26T21:03:00.000Z`).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today's date in the user's time zone (`2026-11-26`).
pub fn today() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}
