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

/// Mounts the app on `#app`, replacing the loading message; a ballot link
/// (`#r2.…`) opens the ballot page instead, which reads no stored scenario.
pub fn start() {
    let fragment = services::location::fragment();
    let bytes = fragment.as_bytes();
    if bytes.len() > 1
        && bytes[0] == domain::group::ballot::ROUND_MARK as u8
        && bytes[1].is_ascii_digit()
    {
        let props = pages::BallotPageProps {
            lang: services::location::browser_lang(),
            invitation: std::rc::Rc::new(domain::group::ballot::Invitation::from_link(&fragment)),
        };
        mount::<pages::BallotPage>(props);
        return;
    }
    let props = app::AppProps {
        boot: std::rc::Rc::new(std::cell::RefCell::new(Some(boot::boot()))),
    };
    mount::<app::App>(props);
}

fn mount<C: yew::BaseComponent>(props: C::Properties) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<C>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<C>::with_props(props).render();
        }
    }
}
