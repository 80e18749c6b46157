//! Bursts of notifications whose handling waits on the client, end to end: written at once,
//! they never freeze the server.

use crate::common;

use common::{editor_capabilities, uri, workspace, Client};
use serde_json::{json, Value};

const ARTICLE: &str = "4 April 2022\n\nUN envoy Geir Pedersen met Sergei Lavrov in Moscow.\n";

fn burst(notification: &Value, times: usize) -> Vec<u8> {
    let body = notification.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
        .repeat(times)
        .into_bytes()
}

/// Guarantee 4c: 150 `workspace/didChangeConfiguration` in one write (each makes the server ask
/// the client for its settings): the server asks with at most one `workspace/configuration`
/// in flight, far fewer times than it was told, and answers the next request.
#[test]
fn a_burst_of_configuration_changes_never_freezes_the_server() {
    let dir = workspace(&[("a.md", ARTICLE)]);
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    let asked_before = configuration_requests(&client);
    let changed = json!({"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration",
                         "params": {"settings": null}});
    client.send_raw(&burst(&changed, 150));
    let answer = client.request("workspace/symbol", json!({"query": "Pedersen"}));
    assert!(answer.is_array(), "{answer}");
    let asked = configuration_requests(&client) - asked_before;
    assert!((1..150).contains(&asked), "{asked} configuration requests");
    eprintln!("150 notifications, {asked} configuration requests");
}

/// Guarantee 4c: 150 watcher events for `dossier.json` in one write (each reads the settings
/// again and indexes again, which asks the client for a progress token): the server answers
/// the next request.
#[test]
fn a_burst_of_settings_file_events_never_freezes_the_server() {
    let dir = workspace(&[("a.md", ARTICLE), ("dossier.json", "{}")]);
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    let config = uri(&dir.path().join("dossier.json"));
    let event = json!({"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles",
                       "params": {"changes": [{"uri": config, "type": 2}]}});
    client.send_raw(&burst(&event, 150));
    let answer = client.request("workspace/symbol", json!({"query": "Pedersen"}));
    assert!(answer.is_array(), "{answer}");
}

fn configuration_requests(client: &Client) -> usize {
    client
        .seen
        .iter()
        .filter(|m| m["method"] == "workspace/configuration")
        .count()
}
