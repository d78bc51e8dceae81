import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { AstUtils, CstUtils, isLeafCstNode } from 'langium';
import { rankReport } from '../src/model/reports.js';
import { check } from './helpers.js';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');
const files = Object.fromEntries(['acme', 'portfolio'].flatMap(folder => readdirSync(path.join(examples, folder))
    .filter(name => name.endsWith('.product')).map(name => [`${folder}/${name}`, readFileSync(path.join(examples, folder, name), 'utf8')])));

/** A misspelling of a word: two letters swapped, or one dropped. */
function misspell(word: string, at: number): string {
    if (word.length < 2) return `${word}x`;
    const i = at % (word.length - 1);
    return at % 2 === 0 ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, i) + word.slice(i + 1);
}

/**
 * A single-token mistake in one feature never loses more than that feature: every other
 * feature of the workspace still ranks (issue 10; the parser recovers at the next declaration
 * or property, and an unknown word is kept as one error). Braces are mutated too: a `}` too
 * many that would close the product early is skipped with one error (syntax/lexer.ts).
 */
describe('a one-token mistake loses at most the declaration it hits', function () {
    this.timeout(300000);

    it('for random tokens of the examples\' features: deleted, misspelled or doubled', async () => {
        const baseline = await check(files);
        const everyFeature = rankReport(baseline.model).products.flatMap(p => p.features.map(f => `${p.name}.${f.name}`)).sort();
        // Where each feature is: its product, name and span in its file.
        const spans = baseline.model.products.flatMap(product => product.features.map(feature => {
            const file = Object.keys(files)[baseline.documents.indexOf(AstUtils.getDocument(feature.node))];
            return { key: `${product.name}.${feature.name}`, file, start: feature.node.$cstNode!.offset, end: feature.node.$cstNode!.end };
        }));
        const tokens = spans.flatMap(span => {
            const document = baseline.documents[Object.keys(files).indexOf(span.file)];
            return CstUtils.streamCst(document.parseResult.value.$cstNode!).filter(isLeafCstNode)
                .filter(leaf => !leaf.hidden && leaf.offset >= span.start && leaf.end <= span.end)
                .map(leaf => ({ span, offset: leaf.offset, end: leaf.end, text: leaf.text })).toArray();
        });
        await fc.assert(fc.asyncProperty(fc.nat(tokens.length - 1), fc.constantFrom('delete', 'misspell', 'double'), fc.nat(), async (index, kind, at) => {
            const token = tokens[index];
            const text = files[token.span.file];
            const replacement = kind === 'delete' ? '' : kind === 'double' ? `${token.text} ${token.text}` : misspell(token.text, at);
            const mutated = { ...files, [token.span.file]: text.slice(0, token.offset) + replacement + text.slice(token.end) };
            const checked = await check(mutated);
            const ranked = new Set(rankReport(checked.model).products.flatMap(p => p.features.map(f => `${p.name}.${f.name}`)));
            const lost = everyFeature.filter(key => key !== token.span.key && !ranked.has(key));
            assert.deepEqual(lost, [], `${kind} '${token.text}' in ${token.span.key} (${token.span.file} at ${token.offset}) lost other features`);
        }), { numRuns: Number(process.env.SURVIVAL_RUNS ?? 300), seed: process.env.SURVIVAL_SEED ? Number(process.env.SURVIVAL_SEED) : undefined });
    });
});
