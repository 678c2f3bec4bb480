//! The ASN.1 tree of a block, with the bytes of a chosen field highlighted.

use crate::worker;
use certbench_core::asn1::{self, Node};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(super) struct Asn1Props {
    pub(super) der: Vec<u8>,
    /// What the block is, when its fields can be pointed at.
    pub(super) shape: Option<asn1::Shape>,
}

/// The ASN.1 tree, parsed by the worker only once opened: a bundle of 144 certificates renders
/// faster, and the page carries no parser. For a certificate, choosing one of its fields
/// highlights the bytes that hold it (as asn1js does).
#[component]
pub(super) fn Asn1View(props: &Asn1Props) -> Html {
    let open = use_state(|| false);
    let highlight = use_state(|| None::<usize>);
    // The state follows the element after the browser toggled it (a click handler that set
    // it would run before the toggle, which then undid it).
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(details) = e.target_dyn_into::<web_sys::Element>() {
                open.set(details.has_attribute("open"));
            }
        })
    };
    let fields = use_state(Vec::<(String, usize)>::new);
    let nodes = use_state(|| None::<Result<Vec<Node>, String>>);
    // Another block in the same place: forget the last one's fields, tree and choice at once,
    // so nothing points into bytes no longer shown while the worker reads the new ones.
    {
        let (fields, nodes, highlight) = (fields.clone(), nodes.clone(), highlight.clone());
        use_effect_with((props.der.clone(), props.shape), move |_| {
            fields.set(Vec::new());
            nodes.set(None);
            highlight.set(None);
        });
    }
    // The field offsets at once (cheap), the tree when the view opens: both from the worker.
    {
        let (fields, nodes) = (fields.clone(), nodes.clone());
        use_effect_with(
            (*open, props.der.clone(), props.shape),
            move |(open, der, shape)| {
                let (open, der, shape) = (*open, der.clone(), *shape);
                if open || shape.is_some() {
                    spawn_local(async move {
                        let view = worker::asn1(der, shape, open).await;
                        if let Ok(view) = &view {
                            fields.set(view.fields.clone());
                        }
                        if open {
                            nodes.set(Some(view.map(|v| v.nodes)));
                        }
                    });
                }
            },
        );
    }
    let onchange = {
        let (open, highlight) = (open.clone(), highlight.clone());
        Callback::from(move |e: Event| {
            let chosen = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .and_then(|s| s.value().parse().ok());
            highlight.set(chosen);
            open.set(true);
        })
    };
    html! {
        <>
            if !fields.is_empty() {
                <label class="inline asn1-field">{ "Show the bytes of " }
                    <select class="asn1-field-select" {onchange}>
                        <option value="" selected={highlight.is_none()}>{ "a field…" }</option>
                        { for fields.iter().map(|(name, offset)| html! {
                            <option value={offset.to_string()} selected={*highlight == Some(*offset)}>{ name }</option>
                        }) }
                    </select>
                </label>
            }
            <details class="asn1" open={*open} {ontoggle}>
                <summary>{ format!("ASN.1 structure ({} bytes)", props.der.len()) }</summary>
                if *open {
                    { match &*nodes {
                        Some(Ok(nodes)) => html! {
                            <ul class="tree mono">{ for nodes.iter().map(|n| asn1_node(n, *highlight)) }</ul>
                        },
                        Some(Err(e)) => html! { <p class="hint">{ e.clone() }</p> },
                        None => html! { <p class="hint" role="status">{ "Reading…" }</p> },
                    } }
                }
            </details>
        </>
    }
}

pub(super) fn asn1_node(node: &Node, highlight: Option<usize>) -> Html {
    let head = format!(
        "{} @{} +{}{}",
        node.tag,
        node.offset,
        node.length,
        node.value
            .as_deref()
            .map(|v| format!(": {v}"))
            .unwrap_or_default()
    );
    let error = node
        .error
        .as_deref()
        .map(|e| html! { <span class="error-inline">{ format!(" — {e}") }</span> });
    let marked = (highlight == Some(node.offset)).then_some("highlight");
    let holds = highlight
        .is_some_and(|h| (node.offset..node.offset + node.header_len + node.length).contains(&h));
    if node.children.is_empty() {
        html! { <li class={classes!(marked)}>{ head }{ for error }</li> }
    } else {
        html! {
            <li class={classes!(marked)}>
                <details open={node.offset < 8 || holds}>
                    <summary>{ head }{ for error }</summary>
                    <ul>{ for node.children.iter().map(|c| asn1_node(c, highlight)) }</ul>
                </details>
            </li>
        }
    }
}
