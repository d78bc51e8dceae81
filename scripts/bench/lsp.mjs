// The language server as an editor drives it over stdio: initialize → first diagnostics,
// edit → diagnostics (an incremental change that adds or removes an error), hover and
// completion, for one implementation (its product-spec executable).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileUri, LspClient } from '../../packages/cli/out/test/support/lsp-client.js';

/** Median and 95th percentile (nearest rank) of a list of milliseconds. */
export function stats(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const at = p => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    return { median: at(0.5), p95: at(0.95), runs: sorted.length };
}

function positionAt(text, offset) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - before.lastIndexOf('\n') - 1 };
}

/**
 * Measures the server of `implementation` on the workspace folder `dir`, editing `file`'s
 * feature `feature` (its confidence goes 50% → 150% → 50%, an out-of-range error and back).
 */
export async function measureServer(implementation, dir, file, feature, { edits = 20, requests = 20 } = {}) {
    const client = LspClient.start({ serverBin: join(implementation, 'packages/cli/bin/product-spec.js'), cwd: implementation });
    try {
        const uri = fileUri(join(dir, file));
        const started = performance.now();
        const first = client.waitForDiagnostics(p => p.uri === uri, 300000);
        await client.initialize(dir);
        const initial = (await first).at - started;
        let text = readFileSync(join(dir, file), 'utf8');
        await client.open(uri, text);
        await client.request('productSpec/rank', {});
        const featureAt = text.indexOf(`feature ${feature} "`);
        const confidence = text.indexOf('confidence ', featureAt) + 'confidence '.length;
        const editTimes = [];
        for (let i = 0; i < edits; i++) {
            const bad = i % 2 === 0;
            const old = text.slice(confidence, text.indexOf('%', confidence));
            const value = bad ? '150' : '50';
            const range = { start: positionAt(text, confidence), end: positionAt(text, confidence + old.length) };
            text = text.slice(0, confidence) + value + text.slice(confidence + old.length);
            const published = client.waitForDiagnostics(p => p.uri === uri && p.diagnostics.some(d => d.code === 'out-of-range') === bad, 120000);
            const start = performance.now();
            await client.edit(uri, i + 2, range, value);
            editTimes.push((await published).at - start);
        }
        const name = positionAt(text, featureAt + 'feature '.length + 1);
        const requested = text.indexOf('requestedBy ', featureAt) + 'requestedBy '.length;
        const completionAt = positionAt(text, requested);
        const hoverTimes = [];
        const completionTimes = [];
        for (let i = 0; i < requests; i++) {
            let start = performance.now();
            const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: name });
            hoverTimes.push(performance.now() - start);
            if (!hover) throw new Error('bench: no hover on the feature name');
            start = performance.now();
            await client.request('textDocument/completion', { textDocument: { uri }, position: completionAt });
            completionTimes.push(performance.now() - start);
        }
        const warnings = client.received('window/logMessage').filter(m => /Attempted reference resolution/.test(String(m?.message ?? ''))).length;
        return { initialDiagnostics: initial, edit: stats(editTimes), hover: stats(hoverTimes), completion: stats(completionTimes), resolutionWarnings: warnings };
    } finally {
        await client.stop();
    }
}
