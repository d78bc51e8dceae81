import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { buildWorkspace } from '../src/workspace/build-workspace.js';
import {
    createConnection, createMessageConnection, ErrorCodes, ProposedFeatures, ResponseError, StreamMessageReader, StreamMessageWriter,
    type MessageConnection
} from 'vscode-languageserver/node.js';
import { forecastReport, rankReport } from '../src/model/reports.js';
import { startServer } from '../src/server/main.js';
import { FeatureLocationsRequest, ForecastRequest, RankRequest } from '../src/server/protocol.js';
import { createRequestHandlers } from '../src/server/requests.js';
import { CONTRACT_EXAMPLE, createServices, open } from './lsp-helpers.js';

describe('LSP custom requests', () => {
    describe('handlers', () => {
        const services = createServices();
        const handlers = createRequestHandlers(services.ProductSpec);
        const model = () => services.ProductSpec.model.ModelService.model;

        before(() => services.shared.workspace.WorkspaceManager.initialized({}));
        beforeEach(async () => {
            await clearDocuments(services.shared);
            await open(services, { 'acme.product': CONTRACT_EXAMPLE });
        });

        it('productSpec/rank returns exactly the CLI\'s rank report', async () => {
            assert.deepEqual(await handlers.rank({}), rankReport(model()));
            assert.deepEqual(await handlers.rank({ method: 'wsjf' }), rankReport(model(), { method: 'wsjf' }));
            assert.deepEqual(await handlers.rank({ product: 'acme' }), rankReport(model(), { product: 'acme' }));
            assert.deepEqual(await handlers.rank({ product: 'nothing' }), { products: [] });
            const report = await handlers.rank();
            assert.deepEqual(report.products[0].features.map(f => [f.name, f.rank, f.score, f.effectiveScore, f.inheritedFrom]),
                [['auth', 1, 1500, 3200, 'bulk_export'], ['bulk_export', 2, 3200, 3200, null]]);
        });

        it('productSpec/rank adds the editor\'s draws when asked, for products with ranges, unless the setting is off', async () => {
            // The contract example has no range: nothing varies, so nothing is added.
            assert.deepEqual(await handlers.rank({ uncertainty: true }), rankReport(model()));
            await open(services, { 'p.product': 'product p { feature a { rice { reach 1000..3000 impact high confidence 80% effort 2 } } feature b { rice { reach 2000 impact high confidence 80% effort 2 } } }\n' });
            const drawn = await handlers.rank({ uncertainty: true });
            assert.deepEqual(drawn, rankReport(model(), { uncertainty: { samples: 10000, seed: 1, top: 3 } }), 'the same draws as rank --uncertainty');
            assert.deepEqual(drawn.products[0].uncertainty, { samples: 10000, seed: 1, top: 3 });
            const configuration = services.shared.workspace.ConfigurationProvider;
            configuration.updateConfiguration({ settings: { productSpec: { uncertainty: { draws: false } } } });
            try {
                assert.deepEqual(await handlers.rank({ uncertainty: true }), rankReport(model()));
            } finally {
                configuration.updateConfiguration({ settings: { productSpec: {} } });
            }
        });

        it('productSpec/rank refuses an unknown method', async () => {
            await assert.rejects(handlers.rank({ method: 'magic' as never }), (error: unknown) =>
                error instanceof ResponseError && error.code === ErrorCodes.InvalidParams
                && error.message === 'Unknown method \'magic\': expected one of rice, ice, wsjf, kano, moscow, weighted.');
        });

        it('productSpec/forecast returns exactly the CLI\'s forecast report', async () => {
            assert.deepEqual(await handlers.forecast({}), forecastReport(model()));
            assert.deepEqual(await handlers.forecast({ product: 'nothing' }), { forecasts: [] });
        });

        it('productSpec/featureLocations gives the uri and range of each product and feature name', async () => {
            assert.deepEqual(await handlers.featureLocations(), {
                products: [{
                    name: 'acme', uri: 'file:///ws/acme.product', range: { start: { line: 0, character: 8 }, end: { line: 0, character: 12 } },
                    features: [
                        { name: 'bulk_export', uri: 'file:///ws/acme.product', range: { start: { line: 35, character: 10 }, end: { line: 35, character: 21 } } },
                        { name: 'auth', uri: 'file:///ws/acme.product', range: { start: { line: 49, character: 10 }, end: { line: 49, character: 14 } } }
                    ]
                }]
            });
        });

        it('wait for the workspace to be validated', async () => {
            await clearDocuments(services.shared);
            // A request that arrives while the workspace is being built answers from that build.
            const building = buildWorkspace(services.shared, [{ uri: URI.parse('file:///ws/acme.product'), text: CONTRACT_EXAMPLE.replace('reach 4000', 'reach 8000') }]);
            const pending = handlers.rank();
            const [document] = await building;
            assert.ok(document.diagnostics !== undefined);
            assert.equal((await pending).products[0].features[1].score, 6400);
        });
    });

    describe('over a connection', () => {
        let client: MessageConnection;
        let server: ReturnType<typeof startServer>;
        const uri = 'file:///ws/acme.product';

        before(async () => {
            const toServer = new PassThrough();
            const toClient = new PassThrough();
            server = startServer({
                connection: createConnection(ProposedFeatures.all, toServer, toClient),
                commands: {
                    'productSpec.test': (args, services) => ({ args, products: services.model.ModelService.model.products.map(p => p.name) })
                }
            });
            client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
            const diagnostics = new Promise<void>(resolve => client.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
                if (params.uri === uri) resolve();
            }));
            client.listen();
            const init = await client.sendRequest('initialize', { processId: null, rootUri: null, workspaceFolders: null, capabilities: {} }) as {
                capabilities: Record<string, unknown> & { executeCommandProvider?: { commands: string[] } };
            };
            assert.deepEqual(init.capabilities.executeCommandProvider, { commands: ['productSpec.test'] });
            for (const capability of ['hoverProvider', 'codeLensProvider', 'inlayHintProvider', 'completionProvider', 'documentFormattingProvider', 'semanticTokensProvider']) {
                assert.ok(init.capabilities[capability], `${capability} is offered`);
            }
            await client.sendNotification('initialized', {});
            await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'product', version: 1, text: CONTRACT_EXAMPLE } });
            await diagnostics;
        });

        after(() => {
            client.dispose();
            server.shared.lsp.Connection?.dispose();
        });

        it('answers productSpec/rank, productSpec/forecast and productSpec/featureLocations with the server\'s model', async () => {
            const model = server.ProductSpec.model.ModelService.model;
            assert.deepEqual(await client.sendRequest(RankRequest.type, {}), rankReport(model));
            assert.deepEqual(await client.sendRequest(RankRequest.type, { method: 'ice' }), rankReport(model, { method: 'ice' }));
            assert.deepEqual(await client.sendRequest(ForecastRequest.type, {}), forecastReport(model));
            const locations = await client.sendRequest(FeatureLocationsRequest.type, {});
            assert.deepEqual(locations.products[0].features.map(f => `${f.name}@${f.uri}:${f.range.start.line}`),
                [`bulk_export@${uri}:35`, `auth@${uri}:49`]);
        });

        it('runs a command registered through startServer({ commands })', async () => {
            assert.deepEqual(await client.sendRequest('workspace/executeCommand', { command: 'productSpec.test', arguments: [1, 'two'] }),
                { args: [1, 'two'], products: ['acme'] });
        });

        it('answers hover and code lens from the same model', async () => {
            const hover = await client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 49, character: 11 } }) as { contents: { value: string } };
            assert.equal(hover.contents.value.split('\n\n')[2], 'rank 1 of 2 · effective score 3,200, inherited from bulk_export, which requires it');
            const lenses = await client.sendRequest('textDocument/codeLens', { textDocument: { uri } }) as Array<{ command: { title: string } }>;
            assert.deepEqual(lenses.map(lens => lens.command.title), [
                'load 4 / 12 · musts 50%', 'plan: load 4 / 12 · 0 moves', 'load 0 / 10', 'plan: load 0 / 10 · 0 moves', '#2 · RICE 3,200', '#1 · RICE 1,500 → 3,200 (from bulk_export)',
                'no break-even in 12 months · margin -202.58%'
            ]);
        });
    });
});

describe('server/protocol.ts', () => {
    it('loads without Langium or server code: a client can import it', async () => {
        const compiled = await readFile(new URL('../src/server/protocol.js', import.meta.url), 'utf8');
        const imports = [...compiled.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gm)].map(match => match[1]);
        assert.deepEqual(imports, ['vscode-languageserver-protocol']);
        const protocol = await import('../src/server/protocol.js');
        assert.deepEqual([protocol.RankRequest.method, protocol.ForecastRequest.method, protocol.FeatureLocationsRequest.method],
            ['productSpec/rank', 'productSpec/forecast', 'productSpec/featureLocations']);
    });
});
