// Bundles src/extension.ts (and vscode-languageclient) into dist/extension.js with esbuild,
// and copies the dossier.json schema from the repository for `jsonValidation`.
const esbuild = require("esbuild");
const fs = require("fs");
const path = require("path");

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");
const root = path.resolve(__dirname, "..");

function copySchema() {
  const from = path.resolve(root, "..", "..", "schema", "dossier.schema.json");
  const to = path.join(root, "schema", "dossier.schema.json");
  fs.mkdirSync(path.dirname(to), { recursive: true });
  if (fs.existsSync(from)) {
    fs.copyFileSync(from, to);
  } else if (!fs.existsSync(to)) {
    fs.writeFileSync(to, JSON.stringify({ type: "object" }, null, 2) + "\n");
  }
}

async function main() {
  copySchema();
  const options = {
    entryPoints: [path.join(root, "src", "extension.ts")],
    bundle: true,
    outfile: path.join(root, "dist", "extension.js"),
    external: ["vscode"],
    format: "cjs",
    platform: "node",
    target: "node18",
    sourcemap: !production,
    minify: production,
    logLevel: "info",
  };
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  } else {
    await esbuild.build(options);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
