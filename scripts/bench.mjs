#!/usr/bin/env node
// Benchmark: build (parse, link, validate) and compute one spec file of N features, with
// this language's name-keyed scoping and, side by side in the same run, with Langium's
// default scoping (local scopes searched linearly). Prints times and their ratio.
//
//   node scripts/bench.mjs [N ...]        (default: 1000 3000 10000)
//   node scripts/bench.mjs --default-max 10000 1000 3000 10000 30000
import { DefaultScopeComputation, DefaultScopeProvider, EmptyFileSystem, URI } from 'langium';
import { performance } from 'node:perf_hooks';
import { buildWorkspace, createProductSpecServices, rankReport } from '../packages/language/out/src/index.js';

const args = process.argv.slice(2);
let defaultMax = 10000;
const sizes = [];
for (let i = 0; i < args.length; i++) {
    if (args[i] === '--default-max') defaultMax = Number(args[++i]);
    else sizes.push(Number(args[i]));
}
if (sizes.length === 0) sizes.push(1000, 3000, 10000);

/**
 * A product with N features: each requires an earlier one, is requested, released and
 * scored. The stakeholder, need and releases are declared after the features (as when a
 * product's files list the backlog first): a linear scope search walks every feature.
 */
export function generateSpec(n) {
    const lines = ['product big "Big" {'];
    for (let i = 0; i < n; i++) {
        const requires = i > 0 ? ` requires f${Math.floor((i * 7919) % i)}` : '';
        lines.push(`  feature f${i} "Feature ${i}" { release r${Math.floor((i * 10) / n)} requestedBy pm addresses n${requires}`);
        lines.push(`    rice { reach ${100 + (i * 37) % 900} impact high confidence 80% effort ${1 + (i % 5)} } }`);
    }
    lines.push('  stakeholder pm "PM" { group engineering }', '  need n "Need" { importance 8 satisfaction 3 }');
    for (let r = 0; r < 10; r++) lines.push(`  release r${r} "R${r}" { date 2027-${String(r + 1).padStart(2, '0')}-01 capacity ${n} }`);
    lines.push('}');
    return lines.join('\n');
}

const defaultScoping = {
    references: {
        ScopeComputation: services => new DefaultScopeComputation(services),
        ScopeProvider: services => new DefaultScopeProvider(services)
    }
};

async function measure(text, override) {
    const { shared, ProductSpec } = createProductSpecServices(EmptyFileSystem, override);
    const start = performance.now();
    const [document] = await buildWorkspace(shared, [{ uri: URI.parse('file:///bench/big.product'), text }]);
    const built = performance.now();
    const report = rankReport(ProductSpec.model.ModelService.model);
    const ranked = performance.now();
    const errors = document.diagnostics.filter(d => d.severity === 1);
    if (errors.length > 0) throw new Error(`benchmark spec has errors: ${errors[0].message}`);
    return { build: (built - start) / 1000, rank: (ranked - built) / 1000, features: report.products[0].features.length };
}

console.log(`node ${process.version}; times in seconds (build = parse + link + validate, incl. model)`);
console.log('features  ours-build  ours-rank  default-build  default/ours');
for (const n of sizes) {
    const text = generateSpec(n);
    await measure(generateSpec(200)); // warm up the parser and the JIT
    const ours = await measure(text);
    const theirs = n <= defaultMax ? await measure(text, defaultScoping) : undefined;
    const ratio = theirs ? (theirs.build / ours.build).toFixed(1) + '×' : '(skipped)';
    console.log(`${String(n).padStart(8)}  ${ours.build.toFixed(2).padStart(10)}  ${ours.rank.toFixed(3).padStart(9)}  ${(theirs ? theirs.build.toFixed(2) : '–').padStart(13)}  ${ratio.padStart(12)}`);
}
