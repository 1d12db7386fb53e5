//! Markup built one step at a time: `el("p").class("hint").text(words)`.
//!
//! `html!` unrolls every element into its own inline code (about 600 bytes
//! of WebAssembly each); each step here is one call into a shared function
//! (a few dozen bytes). Views with many elements that are not on a hot
//! path use this, so the page stays within its size budget.

use std::rc::Rc;
use yew::html::{onchange, onclick, ondrop, oninput};
use yew::prelude::*;
use yew::virtual_dom::{Key, Listener, VNode, VTag, VText};

/// An element being built.
pub struct El(Box<VTag>);

/// Starts an element.
#[inline(never)]
pub fn el(tag: &'static str) -> El {
    El(Box::new(VTag::new(tag)))
}

impl El {
    /// Sets an attribute.
    #[inline(never)]
    pub fn attr(mut self, key: &'static str, value: impl Into<AttrValue>) -> Self {
        self.0.add_attribute(key, value);
        self
    }

    /// Sets the `class` attribute.
    pub fn class(self, class: &'static str) -> Self {
        self.attr("class", class)
    }

    /// Sets the `id` attribute.
    pub fn id(self, id: impl Into<AttrValue>) -> Self {
        self.attr("id", id)
    }

    /// Sets a boolean attribute (`disabled`, `open`, `selected`, …) when `on`.
    #[inline(never)]
    pub fn flag(self, key: &'static str, on: bool) -> Self {
        if on {
            self.attr(key, key)
        } else {
            self
        }
    }

    /// The value of an `input` or `textarea`.
    #[inline(never)]
    pub fn value(mut self, value: impl Into<AttrValue>) -> Self {
        self.0.set_value(value.into());
        self
    }

    /// Whether a checkbox is ticked.
    #[inline(never)]
    pub fn checked(mut self, checked: bool) -> Self {
        self.0.set_checked(checked);
        self
    }

    /// The key that identifies the element among its siblings.
    #[inline(never)]
    pub fn key(mut self, key: impl Into<Key>) -> Self {
        self.0.key = Some(key.into());
        self
    }

    /// Adds a child.
    #[inline(never)]
    pub fn kid(mut self, child: impl Into<Html>) -> Self {
        self.0.add_child(child.into());
        self
    }

    /// Adds a child when there is one.
    #[inline(never)]
    pub fn kid_some(self, child: Option<Html>) -> Self {
        match child {
            Some(child) => self.kid(child),
            None => self,
        }
    }

    /// Adds children.
    #[inline(never)]
    pub fn kids(mut self, children: Vec<Html>) -> Self {
        self.0.add_children(children);
        self
    }

    /// Adds text (never read as markup).
    #[inline(never)]
    pub fn text(mut self, text: impl Into<AttrValue>) -> Self {
        self.0.add_child(VNode::VText(VText::new(text)));
        self
    }

    #[inline(never)]
    fn listen(mut self, listener: Rc<dyn Listener>) -> Self {
        self.0.add_listener(listener);
        self
    }

    /// Calls `callback` on a click.
    pub fn on_click(self, callback: Callback<MouseEvent>) -> Self {
        self.listen(Rc::new(onclick::Wrapper::new(callback)))
    }

    /// Calls `callback` when a field's value is committed.
    pub fn on_change(self, callback: Callback<Event>) -> Self {
        self.listen(Rc::new(onchange::Wrapper::new(callback)))
    }

    /// Calls `callback` on each keystroke in a field.
    pub fn on_input(self, callback: Callback<InputEvent>) -> Self {
        self.listen(Rc::new(oninput::Wrapper::new(callback)))
    }

    /// Calls `callback` when something is dropped on the element.
    pub fn on_drop(self, callback: Callback<DragEvent>) -> Self {
        self.listen(Rc::new(ondrop::Wrapper::new(callback)))
    }
}

impl From<El> for Html {
    #[inline(never)]
    fn from(element: El) -> Html {
        VNode::VTag(Rc::new(*element.0))
    }
}

/// A `button type="button"` with words that calls `callback`.
#[inline(never)]
pub fn button(words: impl Into<AttrValue>, callback: Callback<MouseEvent>) -> El {
    el("button")
        .attr("type", "button")
        .text(words)
        .on_click(callback)
}

/// A `label` for the field with id `field`.
#[inline(never)]
pub fn label(field: impl Into<AttrValue>, words: impl Into<AttrValue>) -> El {
    el("label").attr("for", field).text(words)
}

/// A `label class="check"` holding a checkbox and its words.
#[inline(never)]
pub fn check(words: impl Into<AttrValue>, checked: bool, callback: Callback<Event>) -> El {
    let input = el("input")
        .attr("type", "checkbox")
        .checked(checked)
        .on_change(callback);
    el("label").class("check").kid(input).text(words)
}

/// A paragraph of text with a class (or none: `""`).
#[inline(never)]
pub fn para(class: &'static str, text: impl Into<AttrValue>) -> El {
    let p = el("p");
    let p = if class.is_empty() { p } else { p.class(class) };
    p.text(text)
}

/// A polite live region that reads out `text` (e.g. "Copied").
#[inline(never)]
pub fn status(text: impl Into<AttrValue>) -> El {
    para("", text)
        .attr("role", "status")
        .attr("aria-live", "polite")
}
