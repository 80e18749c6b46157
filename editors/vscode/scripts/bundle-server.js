// When $DOSSIER_BIN names a dossier binary, copy it into server/ so the .vsix carries it.
// Without it the package is built without a server (the extension then uses the
// `dossier.server.path` setting or `dossier` on PATH).
const fs = require("fs");
const path = require("path");

const dir = path.resolve(__dirname, "..", "server");
const name = process.platform === "win32" ? "dossier.exe" : "dossier";
for (const old of ["dossier", "dossier.exe"]) {
  fs.rmSync(path.join(dir, old), { force: true });
}
const bin = process.env.DOSSIER_BUNDLE_BIN;
if (bin) {
  if (!fs.existsSync(bin)) {
    console.error(`bundle-server: DOSSIER_BUNDLE_BIN=${bin} does not exist`);
    process.exit(1);
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(bin, path.join(dir, name));
  fs.chmodSync(path.join(dir, name), 0o755);
  if (process.platform !== "win32") {
    // Release builds carry debug info; a bundled server doesn't need it.
    const r = require("child_process").spawnSync("strip", [path.join(dir, name)], { stdio: "ignore" });
    if (r.status === 0) console.log("bundle-server: stripped the bundled binary");
  }
  console.log(`bundle-server: bundled ${bin} as server/${name}`);
} else {
  console.log("bundle-server: DOSSIER_BUNDLE_BIN not set; packaging without a bundled server");
}
