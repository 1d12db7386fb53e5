//! Printing: the browser's print dialog, which also saves a PDF.

/// Opens the print dialog for the page (the print style sheet makes it a
/// decision record).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
