// The page `dossier report -o` writes, in headless Chromium (playwright-core, as the editor tests
// drive it): it renders without a console error, its numbers are those of `dossier attributions
// --format json` on the same folder, and the folder and month filters change them as they should.
//   DOSSIER_BIN  the dossier binary        CHROMIUM  browser (default /usr/bin/chromium)
//   SHOT_DIR     where report.png goes     NODE_PATH editors/vscode/node_modules (playwright-core)
"use strict";
const { chromium } = require("playwright-core");
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const bin = process.env.DOSSIER_BIN;
const repo = path.resolve(__dirname, "../..");
const shotDir = process.env.SHOT_DIR || os.tmpdir();
let failed = 0, n = 0;
function record(name, ok, detail) {
  n++;
  if (!ok) failed++;
  console.log(`${ok ? "ok" : "not ok"} ${n} - ${name}${detail ? " # " + String(detail).replace(/\n/g, "\\n") : ""}`);
}
function expect(name, actual, expected) {
  record(name, actual === expected, `${actual}${actual === expected ? "" : ", expected " + expected}`);
}

// The fixtures in two folders, as in tests/it/report.rs.
const ws = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-report-"));
fs.readdirSync(path.join(repo, "fixtures")).sort().forEach((name, i) => {
  const folder = path.join(ws, i % 2 === 0 ? "news" : "analysis");
  fs.mkdirSync(folder, { recursive: true });
  fs.copyFileSync(path.join(repo, "fixtures", name), path.join(folder, name));
});
const run = (...args) => execFileSync(bin, args, { cwd: ws, encoding: "utf8", maxBuffer: 1 << 28 });
run("report", ".", "-o", "report.html");
const relations = run("attributions", ".", "--format", "json").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
const map = JSON.parse(run("report", ".", "--format", "json"));
const monthOf = new Map(map.articles.map((a) => [a.path, a.month]));
const unnamed = new Set(["anonymous", "anonymous-explained", "vague", "agentless"]);
const count = (keep) => {
  const kept = relations.filter(keep);
  return { all: kept.length, unnamed: kept.filter((r) => unnamed.has(r.source.class)).length };
};

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  const requests = [];
  page.on("request", (r) => r.url().startsWith("file://") || requests.push(r.url()));
  const t0 = Date.now();
  await page.goto("file://" + path.join(ws, "report.html"), { waitUntil: "load" });
  await page.locator("#chart svg").waitFor();
  const opened = Date.now() - t0;
  const text = async (id) => (await page.locator("#" + id).textContent()).trim();
  record("renders without a console error", errors.length === 0, errors.join(" | ") || `${opened} ms`);
  record("fetches nothing from the network", requests.length === 0, requests.join(" "));

  const all = count(() => true);
  expect("attributions equal dossier attributions'", Number(await text("total-attributions")), all.all);
  expect("unnamed equal dossier attributions' unnamed classes", Number(await text("total-unnamed")), all.unnamed);
  expect("articles", Number(await text("total-articles")), map.totals.articles);
  const bars = await page.$$eval("#chart rect.bar", (rs) => rs.reduce((s, r) => s + Number(r.dataset.count), 0));
  expect("the bars hold every dated relation", bars, count((r) => monthOf.get(r.path)).all);
  const rows = await page.locator("#articles tr").count();
  expect("one row an article", rows - 1, map.articles.length);

  await page.selectOption("#folder", "./news");
  const news = count((r) => r.path.startsWith("./news/"));
  expect("the folder filter: news' attributions", Number(await text("total-attributions")), news.all);
  expect("the folder filter: news' unnamed", Number(await text("total-unnamed")), news.unnamed);
  await page.selectOption("#folder", "");

  const months = map.months.map((m) => m.month);
  const from = months[Math.floor(months.length / 2)];
  await page.fill("#from", from);
  await page.dispatchEvent("#from", "input");
  const later = count((r) => (monthOf.get(r.path) || "") >= from && monthOf.get(r.path));
  expect(`the month filter: from ${from}`, Number(await text("total-attributions")), later.all);
  record("the month filter changes the numbers", later.all !== all.all, `${later.all} of ${all.all}`);
  await page.fill("#from", "");
  await page.dispatchEvent("#from", "input");

  // The sortable table: a click on "quoted" turns the order around.
  const first = async () => (await page.locator("#quoted tr:nth-child(2) td:nth-child(4)").textContent()).trim();
  const most = await first();
  await page.locator("#quoted th", { hasText: "quoted" }).click();
  const least = await first();
  record("a header click sorts the other way", Number(least) <= Number(most), `${most} then ${least}`);
  await page.locator("#quoted th", { hasText: "quoted" }).click();

  await page.screenshot({ path: path.join(shotDir, "report.png") });
  record("errors after the filters", errors.length === 0, errors.join(" | "));
  await browser.close();
  console.log(`report: ${n - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
