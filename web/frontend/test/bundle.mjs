// bundle.mjs bundles a test entry of web/frontend/test with the pinned esbuild, for a browser test that
// serves the result itself (nothing here goes into web/static). Usage: node test/bundle.mjs entry.js out.js
import { build } from "esbuild";

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  console.error("usage: node test/bundle.mjs ENTRY OUTFILE");
  process.exit(2);
}
await build({ entryPoints: [entry], outfile, bundle: true, format: "esm", target: ["es2020"], logLevel: "warning", charset: "utf8" });
