//! Parts of a card built only when opened (a bundle's cards stay light), and a CRL's revoked
//! list, a window at a time.

use certbench_core::decode::{Decoded, Report, RevokedEntry};
use std::rc::Rc;
use yew::prelude::*;

/// A `<details>` whose contents are built when it is first opened: "All fields" is most of a
/// certificate's page, so a pasted bundle of 144 certificates makes a third of the DOM.
#[derive(Properties, PartialEq)]
pub(super) struct LazyDetailsProps {
    pub(super) class: AttrValue,
    pub(super) summary: AttrValue,
    pub(super) contents: Callback<(), Html>,
}

#[component]
pub(super) fn LazyDetails(props: &LazyDetailsProps) -> Html {
    let opened = use_state(|| false);
    let onclick = {
        let opened = opened.clone();
        Callback::from(move |_| opened.set(true))
    };
    html! {
        <details class={props.class.clone()}>
            <summary {onclick}>{ props.summary.clone() }</summary>
            if *opened { { props.contents.emit(()) } }
        </details>
    }
}

pub(super) fn revoked_list(crl: &Rc<Decoded>) -> Callback<(), Html> {
    let crl = crl.clone();
    Callback::from(move |()| html! { <RevokedList crl={crl.clone()} /> })
}

#[derive(Properties, PartialEq)]
pub(super) struct RevokedListProps {
    /// A CRL's block.
    pub(super) crl: Rc<Decoded>,
}

#[component]
pub(super) fn RevokedList(props: &RevokedListProps) -> Html {
    let (here, total): (&[RevokedEntry], usize) = match &props.crl.report {
        Report::Crl(crl) => (&crl.revoked, crl.revoked_count.max(crl.revoked.len())),
        _ => (&[], 0),
    };
    // Every entry, asked for: the page first has the worker's first thousand of them.
    let all = use_state(|| None::<Rc<Vec<RevokedEntry>>>);
    let show_all = use_state(|| false);
    let revoked: &[RevokedEntry] = match &*all {
        Some(all) => all,
        None => here,
    };
    let shown = if *show_all {
        revoked.len()
    } else {
        revoked.len().min(REVOKED_SHOWN)
    };
    let onclick = {
        let (show_all, all, der) = (show_all.clone(), all.clone(), props.crl.der.clone());
        let fetch = here.len() < total;
        Callback::from(move |_| {
            show_all.set(true);
            if fetch {
                let (all, der) = (all.clone(), der.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(entries) = crate::worker::revoked(der).await {
                        all.set(Some(Rc::new(entries)));
                    }
                });
            }
        })
    };
    html! {
        <>
            <ul class="mono">{ for revoked[..shown].iter().map(|r| html! {
                <li>{ format!("{} on {}{}", r.serial, r.date, r.reason.as_deref().map(|x| format!(" ({x})")).unwrap_or_default()) }</li>
            }) }</ul>
            if shown < total && !*show_all {
                <button type="button" class="show-all-revoked" {onclick}>{ format!("Show all {} (the next {} may take a moment)", total, total - shown) }</button>
            } else if shown < total {
                <p class="hint busy" role="status">{ format!("Reading all {total} entries…") }</p>
            }
        </>
    }
}

/// How many revoked entries a CRL's list shows before the user asks for all: a CA's CRL can
/// hold hundreds of thousands, and one page element each would stall the page for seconds.
const REVOKED_SHOWN: usize = 1000;
