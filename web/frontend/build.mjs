// build.mjs bundles the web apps' sources into web/static (committed): one ES module per app with the
// screens it loads later split off into chunks, one style sheet with the NL Design System components and
// tokens, the service worker, and the QR scanner's worker. esbuild's output is the same for the same
// sources, so the drift check can rebuild and compare. Usage: node build.mjs [outdir]
import { build } from "esbuild";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, "..", "static"));

const common = { bundle: true, minify: true, legalComments: "linked", logLevel: "warning", charset: "utf8" };

await rm(join(out, "chunks"), { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  ...common,
  entryPoints: { app: join(here, "src", "main.js") },
  outdir: out,
  format: "esm",
  splitting: true,
  target: ["es2020", "chrome100", "safari15", "firefox100"],
  chunkNames: "chunks/[name]-[hash]",
});
await build({ ...common, entryPoints: { sw: join(here, "src", "sw.js") }, outdir: out, format: "iife", target: ["es2020"] });
await build({ ...common, entryPoints: { app: join(here, "src", "app.css") }, outdir: out, loader: { ".css": "css" } });
await copyFile(join(here, "node_modules", "qr-scanner", "qr-scanner-worker.min.js"), join(out, "qr-scanner-worker.min.js"));
