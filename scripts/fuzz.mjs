#!/usr/bin/env node
// Mutation fuzzing: random edits of the bundled examples (delete, duplicate, swap or insert
// tokens and characters), each built as a workspace, ranked, forecast and documented.
// Any exception is a bug: bad input must give diagnostics, never a crash.
//   node scripts/fuzz.mjs [iterations=300] [seed=1]
import { EmptyFileSystem, URI } from 'langium';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { clearDocuments } from 'langium/test';
import { buildWorkspace, createProductSpecServices, forecastReport, rankReport } from '../packages/language/out/src/index.js';
import { generateDocs } from '../packages/docs/out/src/index.js';

const iterations = Number(process.argv[2] ?? 300);
let seed = Number(process.argv[3] ?? 1);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = list => list[Math.floor(random() * list.length)];

function specFiles(folder, into = []) {
    for (const name of readdirSync(folder).sort()) {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) specFiles(path, into);
        else if (name.endsWith('.product')) into.push(path);
    }
    return into;
}

const files = specFiles(new URL('../examples', import.meta.url).pathname).map(path => ({ path, text: readFileSync(path, 'utf8') }));
const pieces = ['{', '}', ',', '"', '.', '%', '-', '0', '999999999999', 'requires', 'feature', 'product', 'must', 'rice', '/*', '//', '\n', '2027-02-30', '\u0000', 'é'];

function mutate(text) {
    const tokens = text.split(/(\s+)/);
    for (let edits = 1 + Math.floor(random() * 4); edits > 0; edits--) {
        const i = Math.floor(random() * tokens.length);
        switch (Math.floor(random() * 4)) {
            case 0: tokens.splice(i, 1); break;
            case 1: tokens.splice(i, 0, tokens[i] ?? ''); break;
            case 2: tokens.splice(i, 0, pick(pieces)); break;
            default: { const j = Math.floor(random() * tokens.length); [tokens[i], tokens[j]] = [tokens[j], tokens[i]]; }
        }
    }
    return tokens.join('');
}

const { shared, ProductSpec } = createProductSpecServices(EmptyFileSystem);
let failures = 0;
const started = Date.now();
for (let n = 0; n < iterations; n++) {
    const target = Math.floor(random() * files.length);
    const sources = files.map((file, i) => ({ uri: URI.file(file.path), text: i === target ? mutate(file.text) : file.text }));
    try {
        await clearDocuments(shared);
        const documents = await buildWorkspace(shared, sources);
        const model = ProductSpec.model.ModelService.model;
        JSON.stringify(rankReport(model));
        JSON.stringify(forecastReport(model));
        for (const method of ['rice', 'ice', 'wsjf', 'kano', 'moscow', 'weighted']) rankReport(model, { method });
        generateDocs(model, []);
        if (documents.some(d => d.diagnostics === undefined)) throw new Error('a document was not validated');
    } catch (error) {
        failures++;
        console.error(`iteration ${n} (${files[target].path}): ${error instanceof Error ? error.stack : error}`);
        if (failures >= 5) break;
    }
}
console.log(`${iterations} mutated workspaces in ${((Date.now() - started) / 1000).toFixed(1)} s: ${failures} failures`);
process.exitCode = failures > 0 ? 1 : 0;
