// End-to-end test of the dossier extension in a real VS Code (code-server), driven by
// Debian's Chromium through playwright-core. Started by run.sh, which sets:
//   CODE_URL      http://127.0.0.1:PORT of a running code-server with the .vsix installed
//   DOSSIER_WS    the folder code-server should open (a copy of editors/test-workspace)
//   SHOT_DIR      where the screenshots go (docs/)
//   RESULTS_DIR   where results.tap and failure screenshots go
//   CHROMIUM      browser binary (default /usr/bin/chromium)
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");

const url = process.env.CODE_URL;
const ws = process.env.DOSSIER_WS;
const shotDir = process.env.SHOT_DIR;
const resultsDir = process.env.RESULTS_DIR;
const T = Number(process.env.E2E_TIMEOUT_MS || 30000);
for (const [k, v] of Object.entries({ CODE_URL: url, DOSSIER_WS: ws, SHOT_DIR: shotDir, RESULTS_DIR: resultsDir })) {
  if (!v) {
    console.error(`hover.e2e.js: ${k} is not set`);
    process.exit(2);
  }
}
fs.mkdirSync(resultsDir, { recursive: true });
fs.mkdirSync(shotDir, { recursive: true });

const results = [];
function record(name, ok, detail) {
  const line = `${ok ? "ok" : "not ok"} ${results.length + 1} - ${name}${detail ? " # " + String(detail).replace(/\s+/g, " ").slice(0, 300) : ""}`;
  results.push({ name, ok, line });
  console.log(line);
}

async function check(page, name, fn) {
  try {
    const detail = await fn();
    record(name, true, detail);
    return true;
  } catch (e) {
    record(name, false, e && e.message ? e.message.split("\n")[0] : String(e));
    const file = path.join(resultsDir, `failed-${results.length}.png`);
    await page.screenshot({ path: file }).catch(() => {});
    return false;
  }
}

async function openFromExplorer(page, name) {
  const row = page.locator(".explorer-folders-view .monaco-list-row", { hasText: name }).first();
  await row.waitFor({ state: "visible", timeout: T });
  await row.click();
  // The editor tab for the file, then its text.
  await page.locator(".tabs-container .tab", { hasText: name }).first().waitFor({ timeout: T });
  await page.locator(".editor-instance .monaco-editor .view-lines").first().waitFor({ timeout: T });
}

/** The screen rectangle of `word` in the visible editor's text (the first occurrence). */
async function wordBox(page, word) {
  return page.evaluate((word) => {
    const editors = [...document.querySelectorAll(".editor-instance .monaco-editor .view-lines")];
    const lines = editors.filter((e) => e.offsetParent !== null);
    for (const root of lines) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        // Monaco renders spaces as U+00A0.
        const text = n.textContent.replace(/\u00a0/g, " ");
        const i = text.indexOf(word);
        if (i >= 0) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + word.length);
          const b = r.getBoundingClientRect();
          return { x: b.x, y: b.y, width: b.width, height: b.height };
        }
      }
    }
    return null;
  }, word);
}

async function runCommand(page, title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input").first();
  await input.waitFor({ state: "visible", timeout: T });
  await input.fill(">" + title);
  await page.locator(".quick-input-widget .monaco-list-row", { hasText: title }).first().waitFor({ timeout: T });
  await page.keyboard.press("Enter");
}

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(T);
  const started = Date.now();
  // Record every status bar text the workbench shows, so that a short first index is seen too.
  await page.addInitScript(() => {
    window.__dossierStatus = [];
    new MutationObserver(() => {
      for (const e of document.querySelectorAll(".statusbar-item")) {
        const t = e.textContent || "";
        if (/dossier/.test(t) && !window.__dossierStatus.includes(t)) window.__dossierStatus.push(t);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  try {
    await page.goto(`${url}/?folder=${encodeURIComponent(ws)}`);

    await check(page, "workbench loads with the test workspace", async () => {
      await page.locator(".monaco-workbench").waitFor({ timeout: 60000 });
      await page.locator(".explorer-folders-view .monaco-list-row", { hasText: "committee-notes.txt" }).first().waitFor({ timeout: 60000 });
      return `${Date.now() - started} ms`;
    });

    await check(page, "activates in a dossier.json workspace before any article is opened", async () => {
      // No editor is open yet: only `workspaceContains:dossier.json` can have activated it.
      await page.locator(".statusbar-item", { hasText: "dossier" }).first().waitFor({ timeout: T });
      const editors = await page.locator(".tabs-container .tab").count();
      if (editors !== 0) throw new Error(`${editors} editors open already`);
      return "status bar item shown with no editor open";
    });

    await openFromExplorer(page, "committee-notes.txt");

    await check(page, "status bar item is there and ready after the first index", async () => {
      const item = page.locator(".statusbar-item", { hasText: "dossier" }).first();
      await item.waitFor({ timeout: T });
      // Wait until the first index is over (the item stops spinning).
      await page.waitForFunction(
        () => [...document.querySelectorAll(".statusbar-item")].some((e) => /dossier/.test(e.textContent) && !e.querySelector(".codicon-sync, .codicon-error")),
        null,
        { timeout: T },
      );
      // A small workspace indexes in a millisecond, and VS Code batches status bar updates, so
      // the "Indexing articles" state may never be painted; the output log below checks progress.
      const seen = await page.evaluate(() => window.__dossierStatus);
      return "texts seen: " + seen.map((t) => t.trim()).join(" → ");
    });

    await check(page, "hover on a surname shows the actor card", async () => {
      let text = "";
      // Mouse hover over "Pedersen", as a reader would; retry while the server is still indexing.
      for (let attempt = 0; attempt < 10 && !/Geir Pedersen/.test(text); attempt++) {
        const box = await wordBox(page, "Pedersen");
        if (!box) throw new Error("the word Pedersen is not on screen");
        await page.mouse.move(5, 5);
        await page.waitForTimeout(200);
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
        const handle = await page
          .waitForFunction(
            () => {
              const hovers = [...document.querySelectorAll(".monaco-hover")].filter(
                (h) => h.offsetParent !== null && !h.classList.contains("hidden"),
              );
              const t = hovers.map((h) => h.innerText.trim()).join("\n");
              return t && !/Loading/.test(t) ? t : false;
            },
            null,
            { timeout: 3000 },
          )
          .catch(() => null);
        text = handle ? String(await handle.jsonValue()) : "";
      }
      if (!/Geir Pedersen/.test(text)) throw new Error(`no card: ${JSON.stringify(text)}`);
      const strong = await page.evaluate(() =>
        [...document.querySelectorAll(".monaco-hover .rendered-markdown strong")]
          .filter((e) => e.offsetParent !== null)
          .map((e) => e.textContent.trim()),
      );
      if (!strong.includes("Geir Pedersen")) throw new Error(`bold text: ${JSON.stringify(strong)}`);
      await page.waitForTimeout(800); // let the hover fade in fully
      await page.screenshot({ path: path.join(shotDir, "vscode-hover.png") });
      fs.writeFileSync(path.join(resultsDir, "hover.txt"), text + "\n");
      return text.split("\n")[0];
    });
    await page.mouse.move(5, 5);
    await page.keyboard.press("Escape");

    await check(page, "code lenses: the article's sources, an actor's counts, its references", async () => {
      // Resolved lazily, and asked for again once the workspace is indexed (codeLens/refresh).
      const handle = await page.waitForFunction(
        () => {
          const lenses = [...document.querySelectorAll(".editor-instance .monaco-editor .codelens-decoration")]
            .filter((e) => e.offsetParent !== null)
            .map((e) => e.textContent.trim());
          const top = lenses.find((t) => /^\d+ sources?: \d+ named, \d+ anonymous, \d+ vague$/.test(t));
          const actor = lenses.find((t) => /^mentioned in 2 articles · quoted 2 times$/.test(t));
          return top && actor ? `${top} | ${actor}` : false;
        },
        null,
        { timeout: T },
      );
      const text = String(await handle.jsonValue());
      // Clicking the actor's lens runs dossier.showReferences: VS Code's references peek opens.
      await page.locator(".codelens-decoration a", { hasText: "mentioned in 2 articles" }).first().click();
      await page.locator(".peekview-widget .ref-tree .monaco-list-row").first().waitFor({ timeout: T });
      const rows = await page.locator(".peekview-widget .ref-tree .monaco-list-row").count();
      await page.screenshot({ path: path.join(shotDir, "vscode-codelens.png") });
      await page.keyboard.press("Escape");
      return `${text}; ${rows} rows in the references peek`;
    });

    await check(page, "Go to Definition jumps into the other article", async () => {
      const box = await wordBox(page, "Pedersen");
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.keyboard.press("F12");
      await page.locator(".tabs-container .tab.active", { hasText: "envoy-briefing.md" }).waitFor({ timeout: T });
      // The cursor lands on the line that introduces the envoy (line 3); the status bar says where.
      const handle = await page.waitForFunction(
        () => {
          const item = [...document.querySelectorAll(".statusbar-item")].find((e) => /Ln \d+, Col \d+/.test(e.textContent));
          const m = item && /Ln (\d+), Col (\d+)/.exec(item.textContent);
          return m && m[1] === "3" ? m[0] : false;
        },
        null,
        { timeout: T },
      ).catch(async () => {
        const pos = await page.locator(".statusbar-item", { hasText: /Ln \d+/ }).first().textContent().catch(() => "?");
        throw new Error(`cursor at ${pos}, expected line 3`);
      });
      const where = await handle.jsonValue();
      return `envoy-briefing.md, ${where}`;
    });

    await check(page, "semantic tokens colour an actor apart from the prose around it", async () => {
      await page.locator(".tabs-container .tab", { hasText: "envoy-briefing.md" }).first().click();
      // "Geneva" in "the talks will resume in Geneva." is a place: a token of its own, coloured
      // through the scope the extension contributes, unlike the words before it.
      const handle = await page.waitForFunction(
        () => {
          const roots = [...document.querySelectorAll(".editor-instance .monaco-editor .view-lines")].filter(
            (e) => e.offsetParent !== null,
          );
          for (const root of roots) {
            for (const line of root.querySelectorAll(".view-line")) {
              const spans = [...line.querySelectorAll("span > span")];
              const text = (s) => s.textContent.replace(/\u00a0/g, " ");
              const place = spans.find((s) => text(s) === "Geneva");
              const prose = spans.find((s) => text(s).includes("talks will resume"));
              if (place && prose) {
                const a = getComputedStyle(place).color;
                const b = getComputedStyle(prose).color;
                return a !== b ? `Geneva ${a}, prose ${b}` : false;
              }
            }
          }
          return false;
        },
        null,
        { timeout: T },
      );
      return String(await handle.jsonValue());
    });

    await check(page, "diagnostic in the editor and the Problems view", async () => {
      await page.locator(".tabs-container .tab", { hasText: "envoy-briefing.md" }).first().click();
      await page.locator(".editor-instance .monaco-editor .squiggly-error, .editor-instance .monaco-editor .squiggly-warning").first().waitFor({ timeout: T });
      await page.keyboard.press("Control+Shift+M");
      const row = page.locator(".markers-panel .monaco-list-row", { hasText: "unattributed-claim" }).first();
      await row.waitFor({ timeout: T });
      const text = (await row.innerText()).replace(/\s+/g, " ").trim();
      if (!/dossier/.test(text)) throw new Error(`row without source dossier: ${text}`);
      await page.screenshot({ path: path.join(shotDir, "vscode-problems.png") });
      return text;
    });

    await check(page, "rule severity from the dossier.rules setting reaches the server", async () => {
      // settings.json (written by run.sh) sets "dossier.rules": {"unattributed-claim": "error"},
      // over the rule's default, warning (dossier.json, which would win, leaves it unset).
      // The editor's squiggle says the severity: the Problems row is no witness, as a selected
      // row shows its quick-fix light bulb where the severity icon was.
      await page.locator(".editor-instance .monaco-editor .squiggly-error").first().waitFor({ timeout: 10000 });
      return "shown as an error";
    });

    await check(page, "quick fix with a placeholder inserts a snippet, the placeholder selected", async () => {
      // The server sends this fix as the dossier.insertSnippet command, which the extension
      // announced it runs; the placeholder "Source" is then selected, so typing replaces it.
      const title = "Say who holds this view";
      // The cursor is put on "believed" (line 5) from the keyboard: a mouse click there can land
      // on a hover card left open by an earlier check, and the menu then opens somewhere else.
      // Diagnostics republished after the previous check's setting can cancel a request made
      // in the same moment ("No code actions available"): ask again, as a writer would.
      const row = page.locator(".action-widget .monaco-list-row", { hasText: title }).first();
      for (let attempt = 1; ; attempt++) {
        await page.mouse.move(0, 0);
        await page.keyboard.press("Escape");
        await page.locator(".tabs-container .tab", { hasText: "envoy-briefing.md" }).first().click();
        await page.keyboard.press("Control+G");
        const input = page.locator(".quick-input-widget input").first();
        await input.waitFor({ state: "visible", timeout: T });
        await input.fill(":5:8");
        await page.keyboard.press("Enter");
        await page.locator(".statusbar-item", { hasText: "Ln 5, Col 8" }).first().waitFor({ timeout: T });
        await page.keyboard.press("Control+.");
        const shown = await row.waitFor({ timeout: attempt < 3 ? 5000 : T }).then(() => true, () => false);
        if (shown) break;
        if (attempt === 3) {
          const menu = await page.locator(".action-widget").allInnerTexts().catch(() => []);
          const at = await page.locator(".statusbar-item", { hasText: /Ln \d+/ }).first().textContent().catch(() => "?");
          throw new Error(`no “${title}” action after ${attempt} requests; cursor at ${at}; menu: ${JSON.stringify(menu)}`);
        }
        await page.keyboard.press("Escape");
      }
      // The menu is driven by the keyboard (a pointer click there can land on a fading hover).
      const focused = page.locator(".action-widget .monaco-list-row.focused");
      for (let i = 0; i < 5 && !(await focused.innerText().catch(() => "")).includes(title); i++) {
        await page.keyboard.press("ArrowDown");
      }
      await page.keyboard.press("Enter");
      const lineWith = (text) =>
        page.waitForFunction(
          (text) =>
            [...document.querySelectorAll(".editor-instance .monaco-editor .view-line")]
              .map((l) => l.textContent.replace(/\u00a0/g, " "))
              .find((l) => l === text) || false,
          text,
          { timeout: T },
        );
      await lineWith("Source believes that the talks will resume in Geneva.");
      await page.locator(".statusbar-item", { hasText: "(6 selected)" }).first().waitFor({ timeout: T });
      await page.screenshot({ path: path.join(resultsDir, "snippet.png") });
      await page.keyboard.type("Damascus");
      const line = await (await lineWith("Damascus believes that the talks will resume in Geneva.")).jsonValue();
      await page.keyboard.press("Escape");
      return `${title} → “Source” selected; typed: ${line}`;
    });

    await check(page, "command “Dossier: Show Server Output” shows the server's log", async () => {
      await runCommand(page, "Dossier: Show Server Output");
      const out = page.locator(".part.panel .monaco-editor .view-lines", { hasText: "dossier: starting" }).first();
      await out.waitFor({ timeout: T });
      const text = (await out.innerText()).replace(/\u00a0/g, " ");
      const line = text.split("\n").find((l) => l.includes("dossier: starting"));
      if (process.env.E2E_BUNDLE === "1" && !/\(bundled\)/.test(line)) throw new Error(`not the bundled server: ${line}`);
      return line;
    });

    await check(page, "dossier.trace.server logs the JSON-RPC traffic", async () => {
      // VS Code keeps each output channel in a file under the profile's logs folder.
      const logs = path.join(process.env.VSCODE_DATA_DIR || "", "logs");
      const files = [];
      const walk = (d) => {
        for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) walk(p);
          else if (/dossier trace\.log$/.test(e.name)) files.push(p);
        }
      };
      walk(logs);
      const text = files.map((f) => fs.readFileSync(f, "utf8")).join("\n");
      if (!/Sending request 'initialize/.test(text)) throw new Error(`no trace in ${JSON.stringify(files)}`);
      return `${text.split("\n").length} lines in “dossier trace”`;
    });

    await check(page, "the first index's work-done progress reaches the extension", async () => {
      const out = page.locator(".part.panel .monaco-editor .view-lines", { hasText: "Indexing articles done" }).first();
      await out.waitFor({ timeout: T });
      const text = (await out.innerText()).replace(/\u00a0/g, " ");
      return text.split("\n").find((l) => l.includes("Indexing articles done"));
    });

    // Change the setting as a person would, in the settings file VS Code opens. The setting is
    // machine-scoped, so with code-server it goes in the "Remote" settings.
    async function setServerPath(value) {
      await runCommand(page, "Preferences: Open Remote Settings (JSON)");
      await page.locator(".tabs-container .tab.active", { hasText: "settings.json" }).waitFor({ timeout: T });
      const editor = page.locator(".editor-instance .monaco-editor:visible textarea").first();
      await editor.focus();
      await page.keyboard.press("Control+A");
      await page.keyboard.press("Delete");
      await page.keyboard.insertText(JSON.stringify({ "dossier.server.path": value }, null, 2));
      await page.keyboard.press("Control+S");
      await page.locator(".tabs-container .tab.active.dirty").waitFor({ state: "detached", timeout: T }).catch(() => {});
    }

    await check(page, "a wrong dossier.server.path restarts with one clear error", async () => {
      await setServerPath("/nonexistent/dossier");
      const toast = page.locator(".notifications-toasts .notification-list-item", { hasText: "no executable file is there" }).first();
      await toast.waitFor({ timeout: T });
      const text = (await toast.innerText()).replace(/\s+/g, " ");
      if (!/cargo install/.test(text)) throw new Error(`no install hint: ${text}`);
      await page.screenshot({ path: path.join(resultsDir, "server-missing.png") });
      await toast.locator(".codicon-notifications-clear, .codicon-close").first().click().catch(() => {});
      return text.slice(text.indexOf("dossier:"), 160);
    });

    await check(page, "restoring dossier.server.path restarts the server", async () => {
      await setServerPath(process.env.DOSSIER_BIN);
      await page.waitForFunction(
        () => [...document.querySelectorAll(".statusbar-item")].some((e) => /dossier/.test(e.textContent) && !e.querySelector(".codicon-error, .codicon-sync")),
        null,
        { timeout: T },
      );
      return "status bar back to ready";
    });
  } finally {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const failed = results.filter((r) => !r.ok).length;
  fs.writeFileSync(
    path.join(resultsDir, "results.tap"),
    `TAP version 13\n1..${results.length}\n${results.map((r) => r.line).join("\n")}\n`,
  );
  console.log(`vscode-e2e: ${results.length - failed} passed, ${failed} failed (${Date.now() - started} ms)`);
  process.exit(failed === 0 && results.length > 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
