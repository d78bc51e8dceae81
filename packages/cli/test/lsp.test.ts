import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node.js';
import { repoRoot, workspace } from './helpers.js';

describe('product-spec lsp --stdio', () => {
    it('speaks LSP over stdio: initialize, then diagnostics with the contract codes for an opened file', async () => {
        const dir = workspace({ 'demo.product': 'product demo "Demo" {\n  feature e "E" { requestedBy nobody }\n}\n' });
        const server = spawn(process.execPath, [path.join(repoRoot, 'packages/cli/bin/product-spec.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
        const uri = pathToFileURL(path.join(dir, 'demo.product')).toString();
        const diagnostics = new Promise<Array<{ code: string; range: { start: { line: number } } }>>(resolve => {
            connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Array<{ code: string; range: { start: { line: number } } }> }) => {
                if (params.uri === uri && params.diagnostics.length > 0) resolve(params.diagnostics);
            });
        });
        connection.listen();
        try {
            const init = await connection.sendRequest('initialize', {
                processId: process.pid, rootUri: pathToFileURL(dir).toString(), capabilities: {},
                workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'test' }]
            }) as { capabilities: { hoverProvider?: unknown; completionProvider?: unknown } };
            assert.ok(init.capabilities.completionProvider);
            await connection.sendNotification('initialized', {});
            await connection.sendNotification('textDocument/didOpen', {
                textDocument: { uri, languageId: 'product', version: 1, text: 'product demo "Demo" {\n  feature e "E" { requestedBy nobody }\n}\n' }
            });
            const received = await diagnostics;
            assert.deepEqual(received.map(d => `${d.code}@${d.range.start.line + 1}`), ['unresolved-reference@2']);
            await connection.sendRequest('shutdown');
            await connection.sendNotification('exit');
        } finally {
            connection.dispose();
            server.kill();
        }
    });
});
