//! What a user sees if the app ever panics: a banner saying their data is
//! safe and offering a reload, instead of a page that silently stops.

use crate::i18n::Lang;

/// Installs the panic hook; call once before rendering.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        show_banner();
    }));
}

fn show_banner() -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    if document.get_element_by_id("kerze-crashed").is_some() {
        return Some(());
    }
    let lang = document
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .map_or(Lang::En, |tag| Lang::from_tag(&tag));
    let t = lang.texts();
    let banner = document.create_element("div").ok()?;
    banner.set_id("kerze-crashed");
    banner.set_class_name("crash-banner");
    banner.set_attribute("role", "alert").ok()?;
    let message = document.create_element("p").ok()?;
    message.set_text_content(Some(t.notices.crashed));
    let reload = document.create_element("a").ok()?;
    // A link, not a button: the app's code cannot run any more, a link still works.
    reload
        .set_attribute("href", &window.location().href().ok()?)
        .ok()?;
    reload.set_text_content(Some(t.notices.reload));
    banner.append_child(&message).ok()?;
    banner.append_child(&reload).ok()?;
    document.body()?.prepend_with_node_1(&banner).ok()
}
