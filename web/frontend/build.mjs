// build.mjs bundles the web apps' sources into web/static (committed): one ES module per app with what it
// loads later (the map, the QR scanner and its worker) split off into chunks, one style sheet with the NL
// Design System components and tokens, and the service worker. esbuild's output is the same for the same
// sources, so the drift check can rebuild and compare. Usage: node build.mjs [outdir]
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, "..", "static"));

// absWorkingDir: the output must not depend on where the build is started from (chunk names hash paths).
const common = { bundle: true, minify: true, legalComments: "linked", logLevel: "warning", charset: "utf8", absWorkingDir: here };

await rm(join(out, "chunks"), { recursive: true, force: true });
await rm(join(out, "images"), { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  ...common,
  entryPoints: { app: join(here, "src", "main.js"), kassa: join(here, "src", "kassa.js") },
  outdir: out,
  format: "esm",
  splitting: true,
  target: ["es2020", "chrome100", "safari15", "firefox100"],
  chunkNames: "chunks/[name]-[hash]",
});
// The municipal console's script is a build of its own, so that the resident app's and the till's chunks
// stay as they are; its chunks are named beheer-… and the service worker leaves them out.
await build({
  ...common,
  entryPoints: { beheer: join(here, "src", "beheer.js") },
  outdir: out,
  format: "esm",
  splitting: true,
  target: ["es2020", "chrome100", "safari15", "firefox100"],
  chunkNames: "chunks/beheer-[name]-[hash]",
});
await build({
  ...common,
  entryPoints: { app: join(here, "src", "app.css") },
  outdir: out,
  loader: { ".css": "css", ".png": "file" },
  assetNames: "images/[name]-[hash]",
});

// The service worker learns which files make the app (the console's are none of them) (to keep them for offline use) and a version that
// changes with any of them (so a new build replaces the old files in the phone's cache).
const files = (await readdir(out, { recursive: true }))
  .filter((f) => !f.endsWith(".LEGAL.txt") && f !== "sw.js" && !(f.startsWith("icons") && f.includes("512")))
  .filter((f) => /\.(js|css|png)$/.test(f))
  .filter((f) => !/^(chunks[\\/])?beheer[.-]/.test(f))
  .map((f) => f.split(sep).join("/"))
  .sort();
const hash = createHash("sha256");
for (const f of files) hash.update(f).update(await readFile(join(out, f)));
await build({
  ...common,
  entryPoints: { sw: join(here, "src", "sw.js") },
  outdir: out,
  format: "iife",
  target: ["es2020"],
  define: { APP_FILES: JSON.stringify(files.map((f) => `/static/${f}`)), APP_VERSION: JSON.stringify(hash.digest("hex").slice(0, 12)) },
});
