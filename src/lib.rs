//! Kerze: a prioritization calculator for product teams.

pub mod domain;
pub mod i18n;
pub mod state;

mod app;
mod boot;
mod components;
mod hooks;
mod pages;
mod services;

/// Mounts the app on `#app`, replacing the loading message.
pub fn start() {
    let props = app::AppProps {
        boot: std::rc::Rc::new(std::cell::RefCell::new(Some(boot::boot()))),
    };
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<app::App>::with_props(props).render();
        }
    }
}
