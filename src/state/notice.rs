//! Everything the page tells the user outside the scenario itself: one
//! `Notice` type, one list, one way to dismiss.

use crate::domain::formats::import::ImportError;
use crate::domain::formats::link::LinkError;
use crate::domain::model::ids::ScenarioId;
use crate::domain::saving::save::{OtherVersion, Unreadable};

/// Work that takes a moment, shown while it runs.
#[derive(Clone, Debug, PartialEq)]
pub enum Busy {
    /// A share link pasted into the open page.
    OpeningLink,
    /// A file being imported (its name).
    Reading(String),
}

/// A short confirmation of something just done.
#[derive(Clone, Debug, PartialEq)]
pub enum Done {
    /// A file was imported as a scenario of this name.
    Imported(String),
    /// A sheet's rows were taken into the open scenario.
    BroughtIn(super::BroughtIn),
    /// A shared scenario was saved under this name.
    SavedCopy(String),
    /// The ranking is on the clipboard as a Markdown table.
    CopiedMarkdown,
    /// The clipboard refused the text.
    CopyFailed,
    /// The link of the shared scenario is on the clipboard.
    CopiedLink,
    /// A criterion switched to another kind of input and this many values
    /// it cannot hold were cleared (Undo brings them back).
    ValuesCleared {
        /// The criterion's name.
        criterion: String,
        /// How many values went.
        count: usize,
    },
    /// A stored scenario held values its criteria cannot hold (written by an
    /// older version); they were dropped on reading, this many per scenario.
    Repaired(Vec<(String, usize)>),
    /// Another tab's edits of this scenario (by name) were merged with this
    /// tab's: they changed different fields.
    Merged(String),
}

/// One message to the user.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A scenario just moved to Recently deleted; Undo brings it back.
    Deleted(ScenarioId),
    /// Something just done.
    Done(Done),
    /// Work in progress.
    Busy(Busy),
    /// A file that did not import (its name and why).
    ImportFailed(String, ImportError),
    /// A link that did not open.
    LinkFailed(LinkError),
    /// Storage is full; emptying Recently deleted would free this many bytes.
    StorageFull(usize),
    /// Storage holds data of a newer Kerze than this page.
    NewerData,
    /// Stored scenarios that could not be read (kept untouched, downloadable).
    Unreadable(Vec<Unreadable>),
    /// Another version of a scenario the user must choose about.
    Conflict(OtherVersion),
    /// A new version of Kerze is ready; reloading takes it.
    UpdateReady,
}

/// Which notice this is: a new notice replaces the one with the same key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeKey {
    /// [`Notice::Deleted`]
    Deleted,
    /// [`Notice::Done`]
    Done,
    /// [`Notice::Busy`]
    Busy,
    /// [`Notice::ImportFailed`]
    ImportFailed,
    /// [`Notice::LinkFailed`]
    LinkFailed,
    /// [`Notice::StorageFull`]
    StorageFull,
    /// [`Notice::NewerData`]
    NewerData,
    /// [`Notice::Unreadable`]
    Unreadable,
    /// [`Notice::Conflict`] about this scenario.
    Conflict(ScenarioId),
    /// [`Notice::UpdateReady`]
    UpdateReady,
}

/// A list key for the notice of this kind.
impl std::fmt::Display for NoticeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self {
            NoticeKey::Deleted => "deleted",
            NoticeKey::Done => "done",
            NoticeKey::Busy => "busy",
            NoticeKey::ImportFailed => "import-failed",
            NoticeKey::LinkFailed => "link-failed",
            NoticeKey::StorageFull => "storage-full",
            NoticeKey::NewerData => "newer-data",
            NoticeKey::Unreadable => "unreadable",
            NoticeKey::Conflict(id) => return write!(f, "conflict-{id}"),
            NoticeKey::UpdateReady => "update-ready",
        };
        f.write_str(kind)
    }
}

impl Notice {
    /// The key under which this notice is listed.
    pub fn key(&self) -> NoticeKey {
        match self {
            Notice::Deleted(_) => NoticeKey::Deleted,
            Notice::Done(_) => NoticeKey::Done,
            Notice::Busy(_) => NoticeKey::Busy,
            Notice::ImportFailed(..) => NoticeKey::ImportFailed,
            Notice::LinkFailed(_) => NoticeKey::LinkFailed,
            Notice::StorageFull(_) => NoticeKey::StorageFull,
            Notice::NewerData => NoticeKey::NewerData,
            Notice::Unreadable(_) => NoticeKey::Unreadable,
            Notice::Conflict(other) => NoticeKey::Conflict(other.theirs.id.clone()),
            Notice::UpdateReady => NoticeKey::UpdateReady,
        }
    }

    /// Whether the user may close it unanswered: not work in progress, not a
    /// choice that decides which version is kept.
    pub fn dismissable(&self) -> bool {
        !matches!(self, Notice::Busy(_) | Notice::Conflict(_))
    }
}

/// The notices on screen, oldest first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Notices(Vec<Notice>);

impl Notices {
    /// Shows `notice`, in place of the one with the same key.
    pub fn notify(&mut self, notice: Notice) -> bool {
        let key = notice.key();
        match self.0.iter_mut().find(|n| n.key() == key) {
            Some(same) if *same == notice => false,
            Some(same) => {
                *same = notice;
                true
            }
            None => {
                self.0.push(notice);
                true
            }
        }
    }

    /// Takes the notice with this key away; `false` when there was none.
    pub fn dismiss(&mut self, key: &NoticeKey) -> bool {
        let before = self.0.len();
        self.0.retain(|n| n.key() != *key);
        self.0.len() != before
    }

    /// The scenario of the "deleted — undo" notice, if one is shown.
    pub fn just_deleted(&self) -> Option<&ScenarioId> {
        self.0.iter().find_map(|n| match n {
            Notice::Deleted(id) => Some(id),
            _ => None,
        })
    }

    /// The first version the user must choose about.
    pub fn first_conflict(&self) -> Option<&OtherVersion> {
        self.0.iter().find_map(|n| match n {
            Notice::Conflict(other) => Some(other),
            _ => None,
        })
    }

    /// The notices to show: all but the conflicts after the first, which
    /// wait their turn.
    pub fn shown(&self) -> impl Iterator<Item = &Notice> {
        let first = self.first_conflict().map(|o| o.theirs.id.clone());
        self.0.iter().filter(move |n| match n {
            Notice::Conflict(other) => Some(&other.theirs.id) == first.as_ref(),
            _ => true,
        })
    }

    /// Every notice, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = &Notice> {
        self.0.iter()
    }
}
