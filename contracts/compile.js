#!/usr/bin/env node
// compile.js compiles the contracts with the pinned solc-js into OUTDIR: HeitjeCoin.sol into HeitjeCoin.abi.json
// and HeitjeCoin.bin (creation code), and PreCheck.sol, which is never deployed but placed as code in eth_call
// state overrides, into PreCheck.abi.json and PreCheck.bin-runtime (runtime code).
// Usage: node compile.js [OUTDIR] (default: build/ beside this file).
//
// The output is reproducible: the compiler, OpenZeppelin and every setting are pinned, source unit names are
// relative to this folder, and the metadata hash (which would change with comments and paths) is left out of the
// bytecode. Any compiler error makes it exit non-zero without writing anything.
'use strict';

const fs = require('fs');
const path = require('path');
const solc = require('solc');

const root = __dirname;
const modules = path.join(root, 'node_modules');
// The contracts and which code each needs: creation code to deploy, runtime code to place in an override.
const contracts = [
  { name: 'HeitjeCoin', code: 'bytecode', suffix: 'bin' },
  { name: 'PreCheck', code: 'deployedBytecode', suffix: 'bin-runtime' },
];

function readImport(name) {
  const base = name.startsWith('@') ? modules : root;
  const file = path.resolve(base, name);
  if (!file.startsWith(base + path.sep)) {
    return { error: `import ${name} is outside ${base}` };
  }
  try {
    return { contents: fs.readFileSync(file, 'utf8') };
  } catch (err) {
    return { error: `import ${name}: ${err.message}` };
  }
}

// checkPinnedVersions refuses to compile with packages other than the ones package-lock.json pins, since a stale
// node_modules would silently produce different bytecode.
function checkPinnedVersions() {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  for (const name of ['solc', '@openzeppelin/contracts']) {
    const pinned = lock.packages[`node_modules/${name}`].version;
    const installed = JSON.parse(fs.readFileSync(path.join(modules, name, 'package.json'), 'utf8')).version;
    if (installed !== pinned) {
      throw new Error(`${name} ${installed} is installed but package-lock.json pins ${pinned}; run npm ci`);
    }
  }
}

function main() {
  checkPinnedVersions();
  const outDir = path.resolve(process.argv[2] || path.join(root, 'build'));
  const outputs = contracts.map(compileOne);
  fs.mkdirSync(outDir, { recursive: true });
  for (const o of outputs) {
    fs.writeFileSync(path.join(outDir, `${o.name}.abi.json`), JSON.stringify(o.abi, null, 2) + '\n');
    fs.writeFileSync(path.join(outDir, `${o.name}.${o.suffix}`), o.code + '\n');
  }
  process.stdout.write(`compiled ${contracts.map((c) => c.name).join(', ')} with solc ${solc.version()} into ${outDir}\n`);
}

function compileOne({ name, code, suffix }) {
  const entry = `${name}.sol`;
  const input = {
    language: 'Solidity',
    sources: { [entry]: { content: fs.readFileSync(path.join(root, entry), 'utf8') } },
    settings: {
      evmVersion: 'london',
      optimizer: { enabled: true, runs: 200 },
      metadata: { bytecodeHash: 'none' },
      outputSelection: { [entry]: { [name]: ['abi', `evm.${code}.object`] } },
    },
  };

  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: readImport }));
  const problems = output.errors || [];
  for (const p of problems) {
    process.stderr.write(p.formattedMessage || `${p.severity}: ${p.message}\n`);
  }
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`solc ${solc.version()}: ${errors.length} error(s) compiling ${entry}`);
  }

  const compiled = output.contracts && output.contracts[entry] && output.contracts[entry][name];
  const object = compiled && compiled.evm[code] && compiled.evm[code].object;
  if (!object) {
    throw new Error(`solc produced no ${code} for ${name}`);
  }
  if (/__\$[0-9a-f]{34}\$__/.test(object)) {
    throw new Error(`${name} needs library linking, which this build does not support`);
  }
  return { name, suffix, abi: compiled.abi, code: object };
}

try {
  main();
} catch (err) {
  process.stderr.write(`compile.js: ${err.message}\n`);
  process.exit(1);
}
