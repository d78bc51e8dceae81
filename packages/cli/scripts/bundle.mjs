#!/usr/bin/env node
// Bundles the CLI for `npm pack`: dist/src/*.js, self-contained ES modules (langium,
// chevrotain, the language and docs packages... all bundled), so the tarball installs
// `product-spec` in any project with no dependency to fetch. Code splitting keeps the
// commands' dynamic imports lazy (`product-spec --version` loads no language). dist/src has
// the depth of out/src, so main.js finds ../../package.json in both.
// Needs the packages built (`npm run build` at the root): it bundles their compiled output.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(pkgDir, 'out/src/main.js');
if (!fs.existsSync(entry)) {
    console.error('[cli bundle] ERROR: packages/cli/out/src/main.js is missing: run `npm run build` at the root first.');
    process.exit(1);
}
fs.rmSync(path.join(pkgDir, 'dist'), { recursive: true, force: true });
await build({
    entryPoints: { main: entry },
    outdir: path.join(pkgDir, 'dist/src'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node18',
    mainFields: ['module', 'main'],
    // Bundled CommonJS dependencies call require(): give ES modules one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning'
});
for (const file of ['README.md', 'LICENSE']) fs.copyFileSync(path.join(pkgDir, '../..', file), path.join(pkgDir, file));
console.log('[cli bundle] dist/src written');
