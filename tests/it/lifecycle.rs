//! The lifecycle and requests the server has no handler for, end to end: every request gets
//! exactly one answer, and `shutdown`/`exit` go as the protocol specifies.

use crate::common;

use common::{Client, Options};
use serde_json::{json, Value};

fn started() -> Client {
    let mut client = Client::spawn(&Options::default());
    client.initialize(&[], json!({}));
    client
}

/// Guarantee 3g: a `$/` request with an id is answered MethodNotFound (a `$/` notification is
/// still dropped quietly, as the protocol says).
#[test]
fn dollar_requests_with_an_id_get_method_not_found() {
    let mut client = started();
    for method in ["$/unknownRequest", "$/cancelRequest", "$/progress"] {
        let answer = client.request(method, json!({"id": 1}));
        assert_eq!(answer["error"]["code"], -32601, "{method}: {answer}");
    }
    client.notify("$/unknownNotification", json!({}));
    let answer = client.request("workspace/symbol", json!({"query": "x"}));
    assert!(answer.is_array(), "{answer}");
}

/// Guarantee 3h: `exit` without a successful `shutdown` ends the server with code 1 — also when
/// `shutdown` was refused (before `initialize`).
#[test]
fn exit_without_a_successful_shutdown_is_code_1() {
    let mut client = started();
    client.notify("exit", Value::Null);
    assert_eq!(client.exit_status().code(), Some(1));

    let mut client = Client::spawn(&Options::default());
    let refused = client.request("shutdown", Value::Null);
    assert!(refused.get("error").is_some(), "{refused}");
    client.notify("exit", Value::Null);
    assert_eq!(client.exit_status().code(), Some(1));

    let client = started();
    assert_eq!(client.shutdown().code(), Some(0));
}

/// Guarantee 3h: a notification named like a request (`shutdown`, `initialize`) is ignored, not
/// obeyed, and `exit` sent as a request is refused: the server answers on, and a real shutdown
/// after them still ends it with code 0.
#[test]
fn requests_sent_as_notifications_are_ignored() {
    let mut client = started();
    client.notify("shutdown", Value::Null);
    client.notify("initialize", json!({"capabilities": {}}));
    let answer = client.request("workspace/symbol", json!({"query": "x"}));
    assert!(answer.is_array(), "{answer}");
    let exit = client.request("exit", Value::Null);
    assert_eq!(exit["error"]["code"], -32600, "{exit}");
    assert!(client.alive());
    assert_eq!(client.shutdown().code(), Some(0));
}
