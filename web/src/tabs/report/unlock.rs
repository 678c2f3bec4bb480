//! The password field of an encrypted key or a PKCS#12 file: what it opens stays in the page.

use super::BlockCard;
use super::fields::{key_rows, row};
use certbench_core::decode::{Decoded, Report};
use std::rc::Rc;
use yew::prelude::*;

/// What a password opens.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Locked {
    /// An encrypted key: PKCS#8, or legacy encrypted PEM.
    Key,
    /// A PKCS#12 file: keys and certificates.
    Pkcs12,
}

#[derive(Properties, PartialEq)]
pub(super) struct UnlockProps {
    pub(super) locked: Rc<Decoded>,
    pub(super) what: Locked,
}

/// Password field for an encrypted key or a PKCS#12 file; the password and what it opens stay
/// in the page.
#[component]
pub(super) fn Unlock(props: &UnlockProps) -> Html {
    let password = use_state(String::new);
    let result = use_state(|| None::<Result<Vec<Rc<Decoded>>, String>>);
    // A file may ask for millions of key-derivation iterations: seconds of work, shown, and
    // stoppable. `answering` is the same for the clean-up below, which outlives renders.
    let working = use_state(|| false);
    let answering = use_mut_ref(|| false);
    {
        // The card is gone (the input changed): stop the worker if it is still deriving this
        // file's keys.
        let answering = answering.clone();
        use_effect_with((), move |_| {
            move || {
                if *answering.borrow() {
                    crate::worker::abandon_unlocks();
                }
            }
        });
    }
    let oninput = {
        let password = password.clone();
        Callback::from(move |e: InputEvent| password.set(crate::tabs::event_value(&e)))
    };
    // A form, so Enter in the password field opens it as the button does.
    let onsubmit = {
        let (password, result, working) = (password.clone(), result.clone(), working.clone());
        let (locked, what) = (props.locked.clone(), props.what);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (password, result, locked) = ((*password).clone(), result.clone(), locked.clone());
            let (working, answering) = (working.clone(), answering.clone());
            working.set(true);
            *answering.borrow_mut() = true;
            wasm_bindgen_futures::spawn_local(async move {
                let pkcs12 = what == Locked::Pkcs12;
                let opened = crate::worker::unlock(&locked, pkcs12, password).await;
                *answering.borrow_mut() = false;
                working.set(false);
                result.set(Some(opened));
            });
        })
    };
    let stop = Callback::from(|_| crate::worker::abandon_unlocks());
    let (field, button, label) = match props.what {
        Locked::Key => ("key-password", "decrypt-key", "Decrypt"),
        Locked::Pkcs12 => ("p12-password", "open-p12", "Open"),
    };
    html! {
        <form class="decrypt" {onsubmit}>
            <label>{ "Password " }<input type="password" class={field} autocomplete="off" value={(*password).clone()} {oninput} /></label>
            <button type="submit" class={button} disabled={*working}>{ label }</button>
            if *working {
                <span class="busy" role="status">{ "Deriving the key from the password…" }</span>
                <button type="button" class="stop-unlock" onclick={stop}>{ "Stop" }</button>
            }
            { match (&*result, props.what) {
                (None, _) => html! {},
                (Some(Err(e)), _) => html! { <p class="error" role="alert">{ e }</p> },
                (Some(Ok(opened)), Locked::Key) => html! {
                    <dl class="decrypted">
                        { row("Decrypted", "yes") }
                        { for opened.iter().map(|d| match &d.report {
                            Report::PrivateKey(key) => match &key.public_key {
                                Some(public) => key_rows(public),
                                None => row("Key type", "unknown"),
                            },
                            _ => row("Contents", "not a private key"),
                        }) }
                    </dl>
                },
                (Some(Ok(opened)), Locked::Pkcs12) => html! {
                    <div class="p12-contents">
                        { for opened.iter().map(|d| html! {
                            <BlockCard decoded={d.clone()} source={format!("inside the PKCS#12 file of block {}", d.block)} />
                        }) }
                    </div>
                },
            } }
        </form>
    }
}
