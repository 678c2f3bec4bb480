//! certbench's web app. Components render what certbench-core returns; no PKI logic lives here.

pub mod app;
pub mod browser;
pub mod signing;
pub mod tabs;
pub mod webcrypto;
pub mod worker;

/// Mounts the app on `<body>`, with a panic hook that says what happened instead of leaving a
/// dead page (belt and braces: core returns errors, it does not panic).
pub fn start() {
    yew::set_custom_panic_hook(Box::new(|info| browser::show_crash(&info.to_string())));
    yew::Renderer::<app::App>::new().render();
}
