//! Saving a text as a file download.

use crate::domain::formats::svg::well_formed;
use wasm_bindgen::JsCast;

/// Offers `text` as a download named `file_name`. Returns `false` when the
/// browser refused (the caller tells the user).
pub fn download_text(file_name: &str, mime: &str, text: &str) -> bool {
    try_download(file_name, mime, text).is_some()
}

fn try_download(file_name: &str, mime: &str, text: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The click has handed the blob to the browser's download; free the URL.
    web_sys::Url::revoke_object_url(&url).ok()?;
    Some(())
}

/// The SVG inside the element `id`, as a file's text.
fn svg_text(id: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let svg = document
        .get_element_by_id(id)?
        .query_selector("svg")
        .ok()??;
    Some(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
        well_formed(&svg.outer_html())
    ))
}

/// Offers the SVG chart inside the element `id` as a file.
pub fn download_svg(id: &str, file_name: &str) -> bool {
    svg_text(id).is_some_and(|text| download_text(file_name, "image/svg+xml", &text))
}

/// Offers the SVG chart inside the element `id` as a PNG at twice its size,
/// drawn by the browser (nothing leaves the page).
pub fn download_svg_as_png(id: &str, file_name: &str) -> bool {
    try_png(id, file_name.to_owned()).is_some()
}

fn try_png(id: &str, file_name: String) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let svg = document
        .get_element_by_id(id)?
        .query_selector("svg")
        .ok()??;
    let (width, height) = (
        svg.get_attribute("width")?.parse::<f64>().ok()?,
        svg.get_attribute("height")?.parse::<f64>().ok()?,
    );
    let text = well_formed(&svg.outer_html());
    let url = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&text))
    );
    let image = web_sys::HtmlImageElement::new().ok()?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width((width * 2.0) as u32);
    canvas.set_height((height * 2.0) as u32);
    let drawn = image.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let draw = || -> Option<()> {
            let context: web_sys::CanvasRenderingContext2d =
                canvas.get_context("2d").ok()??.dyn_into().ok()?;
            context.scale(2.0, 2.0).ok()?;
            context
                .draw_image_with_html_image_element(&drawn, 0.0, 0.0)
                .ok()?;
            let data = canvas.to_data_url_with_type("image/png").ok()?;
            let document = web_sys::window()?.document()?;
            let anchor: web_sys::HtmlAnchorElement =
                document.create_element("a").ok()?.dyn_into().ok()?;
            anchor.set_href(&data);
            anchor.set_download(&file_name);
            anchor.click();
            Some(())
        };
        draw();
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
    Some(())
}
