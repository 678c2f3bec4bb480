//! The shell: header, promise, tabs, and hash routing (`#/decode`, …) so any static host works.

use crate::tabs::{CiphersTab, DecodeTab, GenerateTab, SamplesTab, VerifyTab};
use wasm_bindgen::{JsCast, closure::Closure};
use yew::prelude::*;

/// Files dropped anywhere on the page outside a field that takes them: they open on the Decode
/// tab, which reads every kind of file certbench knows. A new drop is a new value.
#[derive(Clone, PartialEq)]
pub struct Dropped {
    /// Counts drops, so the same files dropped again still arrive.
    pub id: u32,
    pub files: std::rc::Rc<[crate::browser::LoadedFile]>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Decode,
    Generate,
    Verify,
    Ciphers,
    Samples,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Decode,
        Tab::Generate,
        Tab::Verify,
        Tab::Ciphers,
        Tab::Samples,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Tab::Decode => "decode",
            Tab::Generate => "generate",
            Tab::Verify => "verify",
            Tab::Ciphers => "ciphers",
            Tab::Samples => "samples",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Tab::Decode => "Decode",
            Tab::Generate => "Generate",
            Tab::Verify => "Verify",
            Tab::Ciphers => "Ciphers",
            Tab::Samples => "Samples",
        }
    }

    /// The tab a URL fragment names; Decode for anything else.
    pub fn from_hash(hash: &str) -> Tab {
        let slug = hash
            .trim_start_matches('#')
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or_default();
        Tab::ALL
            .into_iter()
            .find(|t| t.slug() == slug)
            .unwrap_or(Tab::Decode)
    }
}

/// The theme the address chose (`?theme=dark` or `light`), else `auto`.
fn theme_in_address() -> &'static str {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    ["dark", "light"]
        .into_iter()
        .find(|t| {
            search
                .trim_start_matches('?')
                .split('&')
                .any(|p| p == format!("theme={t}"))
        })
        .unwrap_or("auto")
}

fn apply_theme(theme: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        match theme {
            "auto" => root.remove_attribute("data-theme").ok(),
            chosen => root.set_attribute("data-theme", chosen).ok(),
        };
    }
}

/// Puts the theme in the address (without a history entry), leaving its fragment as it is.
fn keep_theme_in_address(theme: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (path, hash) = (
        location.pathname().unwrap_or_default(),
        location.hash().unwrap_or_default(),
    );
    let query = match theme {
        "auto" => String::new(),
        chosen => format!("?theme={chosen}"),
    };
    if let Ok(history) = window.history() {
        history
            .replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{query}{hash}")),
            )
            .ok();
    }
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

#[component]
pub fn App() -> Html {
    let hash = use_state(current_hash);
    {
        let hash = hash.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || hash.set(current_hash()));
            let window = web_sys::window();
            if let Some(w) = &window {
                w.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref())
                    .ok();
            }
            move || {
                if let Some(w) = window {
                    w.remove_event_listener_with_callback(
                        "hashchange",
                        listener.as_ref().unchecked_ref(),
                    )
                    .ok();
                }
            }
        });
    }
    // After first paint: the worker that does the tools' work (it fetches what they need, so
    // nothing is fetched while the page is used).
    use_effect_with((), |_| crate::worker::start());
    let tab = Tab::from_hash(&hash);
    // The theme follows the system until the user picks one here. The choice is kept in the
    // page's address (`?theme=dark`), so a reload keeps it and nothing is stored.
    let theme = use_state(|| {
        let chosen = theme_in_address();
        apply_theme(chosen);
        chosen
    });
    let cycle_theme = {
        let theme = theme.clone();
        Callback::from(move |_| {
            let next = match *theme {
                "auto" => "dark",
                "dark" => "light",
                _ => "auto",
            };
            apply_theme(next);
            keep_theme_in_address(next);
            theme.set(next);
        })
    };
    // An offline copy only when asked for: it stores the app's own files in the browser.
    let offline = use_state(|| {
        if crate::browser::offline_copy_active() {
            Some(Ok(()))
        } else {
            None
        }
    });
    let keep_offline = {
        let offline = offline.clone();
        Callback::from(move |_| {
            let offline = offline.clone();
            wasm_bindgen_futures::spawn_local(async move {
                offline.set(Some(crate::browser::keep_offline_copy().await));
            });
        })
    };
    let dropped = use_state(|| Dropped {
        id: 0,
        files: std::rc::Rc::new([]),
    });
    // Without this, a file dropped outside a drop zone would replace the page with the file.
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let dropped = dropped.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let Some(list) = e.data_transfer().and_then(|d| d.files()) else {
                return;
            };
            let dropped = dropped.clone();
            crate::browser::read_files(
                list,
                Callback::from(move |files: Vec<crate::browser::LoadedFile>| {
                    if let Some(location) = web_sys::window().map(|w| w.location()) {
                        location.set_hash("#/decode").ok();
                    }
                    dropped.set(Dropped {
                        id: dropped.id.wrapping_add(1),
                        files: files.into(),
                    });
                }),
            );
        })
    };
    html! {
        <ContextProvider<Dropped> context={(*dropped).clone()}>
        <div class="page" {ondragover} {ondrop}>
            <header>
                { match &*offline {
                    None => html! { <button type="button" class="theme" id="offline" onclick={keep_offline}
                        title="Stores the app's own files in this browser (never what you paste) so it opens without a network">{ "Use offline" }</button> },
                    Some(Ok(())) => html! { <span class="theme hint" id="offline-ready" role="status">{ "Works offline" }</span> },
                    Some(Err(e)) => html! { <span class="theme error" role="alert">{ e.clone() }</span> },
                } }
                <button type="button" class="theme" id="theme-toggle" onclick={cycle_theme}
                    aria-label={format!("Colour theme: {} (click to change)", *theme)}
                    title="Auto follows your system. A choice is kept in this page's address (?theme=…), so a reload keeps it; nothing is stored in your browser.">
                    { format!("Theme: {}", *theme) }
                </button>
                <h1>{ "certbench" }</h1>
                <p class="promise">{ "Everything runs in your browser. Nothing is uploaded." }</p>
                <nav role="tablist" aria-label="Tools">
                    { for Tab::ALL.into_iter().map(|t| html! {
                        <a role="tab" id={format!("tab-{}", t.slug())} href={format!("#/{}", t.slug())}
                           aria-selected={(t == tab).to_string()} class={classes!((t == tab).then_some("active"))}>
                            { t.title() }
                        </a>
                    }) }
                </nav>
            </header>
            <main>
                <div role="tabpanel" aria-labelledby={format!("tab-{}", tab.slug())}>
                { match tab {
                    Tab::Decode => html! { <DecodeTab /> },
                    Tab::Generate => html! { <GenerateTab /> },
                    // Keyed by the fragment: a link (shared, or a sample) opened over the same
                    // tab starts it afresh with the state the link carries.
                    Tab::Verify => html! { <VerifyTab key={(*hash).clone()} /> },
                    Tab::Ciphers => html! { <CiphersTab key={(*hash).clone()} /> },
                    Tab::Samples => html! { <SamplesTab /> },
                } }
                </div>
            </main>
        </div>
        </ContextProvider<Dropped>>
    }
}
