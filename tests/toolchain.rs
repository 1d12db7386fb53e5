//! Kerze builds with the stable toolchain as shipped: a pinned version, no
//! unstable switches and no rebuilt standard library anywhere in what the two
//! commands run. The standard library's own dependencies are not in the
//! lockfile, so a build that compiled it would pass only where a crate cache
//! happened to hold them: these checks keep `cargo fetch` enough for the
//! offline release build.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The words that turn on unstable behaviour of the toolchain, spelled in
/// parts so that this file does not name them itself.
fn unstable_switches() -> Vec<String> {
    vec![
        ["RUSTC", "_BOOTSTRAP"].concat(),
        ["CARGO", "_UNSTABLE"].concat(),
        ["build", "-std"].concat(),
        ["build", "_std"].concat(),
        ["-Z", "unstable-options"].concat(),
        ["immediate", "-abort"].concat(),
        ["optimize", "_for_size"].concat(),
        ["+", "nightly"].concat(),
        ["[", "unstable]"].concat(),
    ]
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let skip = ["node_modules", "target", "dist", "test-results", ".git"];
        if path.is_dir() {
            if !skip.iter().any(|s| name == *s) {
                collect(&path, out);
            }
        } else {
            out.push(path);
        }
    }
}

/// Every file the build, the tests and their docs consist of, but the tests'
/// own sources and binary pictures.
fn build_files() -> Vec<PathBuf> {
    let root = root();
    let mut files = Vec::new();
    for dir in ["scripts", ".ci", ".cargo", "e2e", "docs"] {
        collect(&root.join(dir), &mut files);
    }
    for file in [
        "Cargo.toml",
        "Trunk.toml",
        "rust-toolchain.toml",
        "README.md",
        "index.html",
    ] {
        files.push(root.join(file));
    }
    files.retain(|p| p.is_file() && fs::read_to_string(p).is_ok());
    files
}

#[test]
fn the_toolchain_file_pins_a_stable_version_with_the_wasm_target() {
    let text = fs::read_to_string(root().join("rust-toolchain.toml"))
        .expect("rust-toolchain.toml pins the toolchain");
    let channel = text
        .lines()
        .find_map(|line| line.trim().strip_prefix("channel"))
        .and_then(|rest| rest.split('"').nth(1))
        .expect("the toolchain file names a channel");
    let parts: Vec<&str> = channel.split('.').collect();
    assert_eq!(
        parts.len(),
        3,
        "channel {channel:?} is not a version like 1.95.0"
    );
    assert!(
        parts.iter().all(|p| p.parse::<u32>().is_ok()),
        "channel {channel:?} is not a stable version number"
    );
    for needed in ["wasm32-unknown-unknown", "clippy", "rustfmt"] {
        assert!(text.contains(needed), "rust-toolchain.toml lacks {needed}");
    }
}

#[test]
fn no_build_file_names_an_unstable_switch() {
    let files = build_files();
    assert!(files.len() > 10, "found only {} build files", files.len());
    let mut found = Vec::new();
    for path in &files {
        let text = fs::read_to_string(path).unwrap_or_default();
        for word in unstable_switches() {
            if text.contains(&word) {
                found.push(format!("{} names {word}", path.display()));
            }
        }
        // A `-Z` flag to rustc or cargo, in any spelling a script would use.
        for (n, line) in text.lines().enumerate() {
            let flagged = line
                .split(|c: char| c.is_whitespace() || c == '"' || c == '\'' || c == '=')
                .any(|word| {
                    word.starts_with("-Z")
                        && word.chars().nth(2).is_some_and(|c| c.is_ascii_lowercase())
                });
            if flagged {
                found.push(format!("{}:{} passes a -Z flag", path.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "unstable switches: {found:#?}");
}

#[test]
fn the_scripts_environment_turns_on_nothing_unstable() {
    let output = Command::new("bash")
        .arg("-c")
        .arg("source scripts/env.sh >/dev/null 2>&1; env")
        .current_dir(root())
        .output()
        .expect("bash runs");
    assert!(output.status.success());
    let env = String::from_utf8_lossy(&output.stdout);
    for line in env.lines() {
        let (name, value) = line.split_once('=').unwrap_or((line, ""));
        // The test itself may run under whatever the caller set; only what the
        // scripts add counts, and they add nothing of the kind.
        if std::env::var(name).as_deref() == Ok(value) {
            continue;
        }
        for word in unstable_switches() {
            assert!(!line.contains(&word), "scripts/env.sh sets {line}");
        }
        if name.ends_with("RUSTFLAGS") {
            assert!(
                !value.split_whitespace().any(|flag| flag.starts_with("-Z")),
                "scripts/env.sh sets {line}"
            );
        }
    }
}

#[test]
fn the_release_build_fetches_then_builds_offline() {
    let build = fs::read_to_string(root().join("scripts/build")).expect("scripts/build");
    let fetch = build
        .find("cargo fetch")
        .expect("scripts/build runs cargo fetch");
    let trunk = build
        .find("trunk build")
        .expect("scripts/build runs trunk build");
    assert!(fetch < trunk, "cargo fetch runs before the build");
    let trunk_toml = fs::read_to_string(root().join("Trunk.toml")).expect("Trunk.toml");
    assert!(
        trunk_toml.contains("offline = true"),
        "trunk builds offline: it never downloads a tool"
    );
    for pin in ["wasm_bindgen = \"0.2.130\"", "wasm_opt = \"version_132\""] {
        assert!(trunk_toml.contains(pin), "Trunk.toml pins {pin}");
    }
}
