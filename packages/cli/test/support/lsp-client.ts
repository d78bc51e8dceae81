import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver/node.js';
import type { Diagnostic, InitializeResult } from 'vscode-languageserver';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const bin = path.join(repoRoot, 'packages/cli/bin/product-spec.js');

export interface Published {
    readonly uri: string;
    readonly diagnostics: Diagnostic[];
    /** performance.now() when it arrived. */
    readonly at: number;
}

/**
 * A language client for tests and benchmarks: `product-spec lsp --stdio` in a child
 * process, spoken to with vscode-jsonrpc as any editor would. It keeps the diagnostics the
 * server published last for every document, and can wait for a publication that matches.
 */
export class LspClient {
    readonly connection: MessageConnection;
    /** The diagnostics last published per document URI. */
    readonly published = new Map<string, Diagnostic[]>();
    private readonly waiters: Array<{ match: (p: Published) => boolean; resolve: (p: Published) => void }> = [];
    private readonly notifications: Array<{ method: string; params: unknown }> = [];
    stderr = '';
    exitCode: number | null | undefined;

    /** The settings the client answers `workspace/configuration` with, per section; none: an editor without settings. */
    settings: Record<string, unknown> | undefined;

    private constructor(readonly process: ChildProcess) {
        this.connection = createMessageConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
        this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
            this.published.set(params.uri, params.diagnostics);
            const published = { uri: params.uri, diagnostics: params.diagnostics, at: performance.now() };
            for (const waiter of [...this.waiters]) {
                if (waiter.match(published)) {
                    this.waiters.splice(this.waiters.indexOf(waiter), 1);
                    waiter.resolve(published);
                }
            }
        });
        this.connection.onNotification((method, params) => { this.notifications.push({ method, params }); });
        this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
            params.items.map(item => (item.section ? this.settings?.[item.section] ?? null : null)));
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        process.stderr!.on('data', chunk => { this.stderr += String(chunk); });
        process.on('exit', code => { this.exitCode = code; });
        this.connection.listen();
    }

    /** Starts the server (`node product-spec lsp --stdio`, with extra node flags if given). */
    static start(options: { nodeArgs?: string[]; cwd?: string; serverBin?: string; env?: Record<string, string> } = {}): LspClient {
        const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.serverBin ?? bin, 'lsp', '--stdio'], {
            cwd: options.cwd ?? repoRoot, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env }
        });
        return new LspClient(child);
    }

    /** `initialize` then `initialized`, with one workspace folder (or none), and the editor's settings if given. */
    async initialize(folder?: string, settings?: Record<string, unknown>): Promise<InitializeResult> {
        const uri = folder ? pathToFileURL(folder).toString() : null;
        this.settings = settings;
        const result = await this.connection.sendRequest('initialize', {
            processId: process.pid, rootUri: uri, capabilities: settings ? { workspace: { configuration: true } } : {},
            workspaceFolders: folder ? [{ uri, name: path.basename(folder) }] : null
        }) as InitializeResult;
        await this.connection.sendNotification('initialized', {});
        return result;
    }

    /** Resolves with the first publication (from now on) that matches. */
    waitForDiagnostics(match: (published: Published) => boolean, timeoutMs = 60000): Promise<Published> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.waiters.splice(this.waiters.findIndex(w => w.resolve === done), 1);
                reject(new Error(`no matching diagnostics within ${timeoutMs} ms`));
            }, timeoutMs);
            const done = (published: Published) => { clearTimeout(timer); resolve(published); };
            this.waiters.push({ match, resolve: done });
        });
    }

    /** Notifications other than diagnostics, in order of arrival. */
    received(method: string): unknown[] {
        return this.notifications.filter(n => n.method === method).map(n => n.params);
    }

    open(uri: string, text: string, version = 1, languageId = 'product'): Promise<void> {
        return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    }

    /** Replaces the whole text (a full-document change). */
    change(uri: string, version: number, text: string): Promise<void> {
        return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    /** An incremental change, as editors send them: `text` replaces `range`. */
    edit(uri: string, version: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<void> {
        return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    }

    close(uri: string): Promise<void> {
        return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }

    request<T = unknown>(method: string, params?: unknown): Promise<T> {
        return this.connection.sendRequest(method, params) as Promise<T>;
    }

    /** `shutdown`, `exit`, and the process gone (killed if it lingers). */
    async stop(): Promise<void> {
        try {
            await Promise.race([this.connection.sendRequest('shutdown'), new Promise(resolve => setTimeout(resolve, 2000))]);
        } catch {
            // Already shut down (a test did), or gone.
        }
        try {
            await this.connection.sendNotification('exit');
        } catch {
            // The server is already gone.
        }
        await new Promise<void>(resolve => {
            if (this.process.exitCode !== null) return resolve();
            const timer = setTimeout(() => { this.process.kill('SIGKILL'); resolve(); }, 2000);
            this.process.once('exit', () => { clearTimeout(timer); resolve(); });
        });
        this.connection.dispose();
    }
}

export function fileUri(file: string): string {
    return pathToFileURL(file).toString();
}
