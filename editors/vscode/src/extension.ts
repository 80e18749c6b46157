// The dossier VS Code extension: starts `dossier lsp` through vscode-languageclient for
// Markdown and plain-text files, answers `workspace/configuration` from the `dossier.*`
// settings, shows the first index's progress in the status bar, inserts the server's fixes
// with placeholders as snippets, and asks for the note and link of an annotation.
import * as fs from "fs";
import * as os from "os";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ExecuteCommandRequest,
  ServerOptions,
  State,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
} from "vscode-languageclient/node";
import { ProgressTracker, ProgressValue } from "./progress";
import { Resolution, resolveServerPath } from "./serverPath";
import { RESTART_SETTINGS, ServerConfiguration, toServerConfiguration } from "./settings";
import * as annotate from "./annotate";
import * as snippet from "./snippet";

const SECTION = "dossier";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let traceOutput: vscode.OutputChannel;
let status: vscode.StatusBarItem;
let progress = new ProgressTracker();
let lifecycle: Promise<void> = Promise.resolve();

function isExecutable(p: string): boolean {
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) return false;
    if (process.platform === "win32") return true;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findServer(context: vscode.ExtensionContext): Resolution {
  const config = vscode.workspace.getConfiguration(SECTION);
  return resolveServerPath({
    configured: config.get<string>("server.path"),
    extensionPath: context.extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    platform: process.platform,
    pathVar: process.env.PATH ?? process.env.Path,
    pathExt: process.env.PATHEXT,
    homeDir: os.homedir(),
    isExecutable,
  });
}

/** The `dossier` section as the server wants it, for one scope (a folder or a file). */
export function serverConfiguration(scope?: vscode.Uri): ServerConfiguration {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return toServerConfiguration({
    rules: config.inspect<Record<string, unknown>>("rules"),
    articles: config.inspect<unknown>("articles"),
    exclude: config.inspect<unknown>("exclude"),
  });
}

function showStatus(): void {
  const v = progress.view();
  status.text = v.text;
  status.tooltip = v.tooltip;
  status.show();
}

function showProblem(message: string): void {
  status.text = "$(error) dossier";
  status.tooltip = message;
  status.show();
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const found = findServer(context);
  if (!found.ok) {
    output.appendLine(found.message);
    showProblem(found.message);
    const choice = await vscode.window.showErrorMessage(found.message, "Open Settings", "Show Output");
    if (choice === "Open Settings") {
      void vscode.commands.executeCommand("workbench.action.openSettings", "dossier.server.path");
    } else if (choice === "Show Output") {
      output.show(true);
    }
    return;
  }
  const extraArgs = vscode.workspace.getConfiguration(SECTION).get<string[]>("server.extraArgs") ?? [];
  output.appendLine(`dossier: starting ${found.command} lsp (${found.source})`);

  const serverOptions: ServerOptions = {
    run: { command: found.command, args: ["lsp", ...extraArgs] },
    debug: { command: found.command, args: ["lsp", ...extraArgs] },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "plaintext" },
    ],
    outputChannel: output,
    traceOutputChannel: traceOutput,
    // No static file watchers: the server registers its own (workspace/didChangeWatchedFiles)
    // through client/registerCapability.
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const wanted = params.items.map((item) => item.section === SECTION);
          let others: unknown[] = [];
          if (!wanted.every((w) => w)) {
            const r = await next(params, token);
            if (Array.isArray(r)) others = r;
          }
          return params.items.map((item, i) =>
            wanted[i] ? serverConfiguration(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : others[i] ?? null,
          );
        },
      },
    },
  };

  const c = new LanguageClient("dossier", "dossier", serverOptions, clientOptions);
  client = c;
  progress = new ProgressTracker();
  c.onDidChangeState((e) => {
    if (e.newState === State.Running) {
      showStatus();
    } else if (e.newState === State.Stopped && client === c) {
      showProblem("dossier: the server is not running (see “Dossier: Show Server Output”)");
    }
  });
  // Our own handling of the server's work-done progress, so the first index shows in our status
  // bar item. Registered before start() (the client installs it before sending `initialized`,
  // after which the server asks), and again by a feature that runs right after the client's own
  // ProgressFeature, which would otherwise replace it.
  const createProgress = (params: { token: string | number }) => {
    const sub = c.onProgress(WorkDoneProgress.type, params.token, (value) => {
      progress.update(value as ProgressValue);
      if (value.kind === "begin") output.appendLine(`dossier: ${value.title}…`);
      if (value.kind === "end") output.appendLine(`dossier: ${progress.title || "work"} done${value.message ? ` (${value.message})` : ""}`);
      showStatus();
      if (value.kind === "end") sub.dispose();
    });
    return null;
  };
  c.onRequest(WorkDoneProgressCreateRequest.type, createProgress);
  c.registerFeature({
    fillClientCapabilities: () => {},
    initialize: () => {
      c.onRequest(WorkDoneProgressCreateRequest.type, createProgress);
    },
    getState: () => ({ kind: "static" }),
    clear: () => {},
  });
  c.registerFeature({
    fillClientCapabilities: (capabilities) => {
      snippet.announce(capabilities);
      annotate.announce(capabilities);
    },
    initialize: () => {},
    getState: () => ({ kind: "static" }),
    clear: () => {},
  });
  try {
    await c.start();
  } catch (e) {
    const message = `dossier: the server (${found.command}) did not start: ${e instanceof Error ? e.message : String(e)}`;
    output.appendLine(message);
    showProblem(message);
    void vscode.window.showErrorMessage(message, "Show Output").then((choice) => {
      if (choice) output.show(true);
    });
    return;
  }
  showStatus();
}

/** Runs `dossier.insertSnippet` (see snippet.ts): replaces the range with the snippet, its
 * first placeholder selected. A bad argument is reported, never thrown. */
async function insertSnippet(...args: unknown[]): Promise<void> {
  const c = client;
  const parsed = snippet.parseArguments(args);
  const fail = (why: string) => {
    const message = `dossier: could not insert the fix: ${why}`;
    output.appendLine(message);
    void vscode.window.showErrorMessage(message);
  };
  if (typeof parsed === "string") return fail(parsed);
  if (!c) return fail("the server is not running");
  try {
    const document = await vscode.workspace.openTextDocument(c.protocol2CodeConverter.asUri(parsed.uri));
    const editor = await vscode.window.showTextDocument(document);
    const range = c.protocol2CodeConverter.asRange(parsed.range);
    if (!(await editor.insertSnippet(new vscode.SnippetString(parsed.snippet), range))) {
      fail("the editor did not take the edit (was the document changed meanwhile?)");
    }
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
}

/** Runs `dossier.promptAnnotation` (see annotate.ts): asks for a note and a link in input
 * boxes, then has the server write the annotation. Escape writes nothing. */
async function promptAnnotation(...args: unknown[]): Promise<void> {
  const c = client;
  const parsed = annotate.parseArguments(args);
  const fail = (why: string) => {
    const message = `dossier: could not annotate: ${why}`;
    output.appendLine(message);
    void vscode.window.showErrorMessage(message);
  };
  if (typeof parsed === "string") return fail(parsed);
  if (!c) return fail("the server is not running");
  const request = await annotate.complete(parsed, (q) => vscode.window.showInputBox({ ...q, ignoreFocusOut: true }));
  if (!request) return;
  try {
    await c.sendRequest(ExecuteCommandRequest.type, { command: annotate.ANNOTATE, arguments: [request] });
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
}

/** `Dossier: Annotate…`: the annotating code actions at the cursor, in VS Code's own menu. */
function annotateHere(): Thenable<unknown> {
  return vscode.commands.executeCommand("editor.action.codeAction", { kind: "refactor.annotate", apply: "never" });
}

/** Runs `dossier.showReferences`, the command of an actor's code lens: the server sends the
 * document and the mention's position as plain JSON, which VS Code's own references view
 * cannot take, so they are converted here and the references asked of the server. */
async function showReferences(...args: unknown[]): Promise<void> {
  const c = client;
  const [uri, position] = args as [unknown, { line?: unknown; character?: unknown } | undefined];
  if (!c || typeof uri !== "string" || typeof position?.line !== "number" || typeof position?.character !== "number") {
    output.appendLine(`dossier: could not show references: bad arguments ${JSON.stringify(args)}`);
    return;
  }
  const at = c.protocol2CodeConverter.asUri(uri);
  const where = c.protocol2CodeConverter.asPosition({ line: position.line, character: position.character });
  const locations = await vscode.commands.executeCommand<vscode.Location[]>("vscode.executeReferenceProvider", at, where);
  await vscode.commands.executeCommand("editor.action.showReferences", at, where, locations ?? []);
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop(5000);
    } catch (e) {
      output.appendLine(`dossier: stopping the server failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

function queue(task: () => Promise<void>): Promise<void> {
  lifecycle = lifecycle.then(task, task);
  return lifecycle;
}

export async function activate(context: vscode.ExtensionContext): Promise<{ restart(): Promise<void> }> {
  output = vscode.window.createOutputChannel("dossier");
  traceOutput = vscode.window.createOutputChannel("dossier trace");
  status = vscode.window.createStatusBarItem("dossier.status", vscode.StatusBarAlignment.Left, 10);
  status.name = "dossier";
  status.command = "dossier.showOutput";
  context.subscriptions.push(output, traceOutput, status);

  const restart = () =>
    queue(async () => {
      output.appendLine("dossier: restarting the server");
      await stopClient();
      await startClient(context);
    });

  context.subscriptions.push(
    vscode.commands.registerCommand("dossier.restartServer", restart),
    vscode.commands.registerCommand("dossier.showOutput", () => output.show(true)),
    vscode.commands.registerCommand(snippet.INSERT_SNIPPET, insertSnippet),
    vscode.commands.registerCommand("dossier.showReferences", showReferences),
    vscode.commands.registerCommand(annotate.PROMPT_ANNOTATION, promptAnnotation),
    vscode.commands.registerCommand("dossier.annotateHere", annotateHere),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (RESTART_SETTINGS.some((s) => e.affectsConfiguration(s))) {
        void restart();
        return;
      }
      if (e.affectsConfiguration(SECTION) && client && client.state === State.Running) {
        // The server pulls the section again through workspace/configuration; send it as well
        // for servers that read `settings` from the notification.
        void client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: { [SECTION]: serverConfiguration() },
        });
      }
    }),
    { dispose: () => void stopClient() },
  );

  await queue(() => startClient(context));
  return { restart };
}

export function deactivate(): Promise<void> | undefined {
  return client ? stopClient() : undefined;
}
