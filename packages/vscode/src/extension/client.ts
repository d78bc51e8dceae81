import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';

export const LANGUAGE_ID = 'product';

/**
 * The language client: the bundled server (dist/server.js) in a Node process of its own,
 * over Node IPC. `productSpec.trace.server` (off | messages | verbose) traces the protocol
 * into the "Product Spec Language Server Trace" output channel.
 */
export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): LanguageClient {
    const module = context.asAbsolutePath('dist/server.js');
    const trace = vscode.window.createOutputChannel('Product Spec Language Server Trace');
    context.subscriptions.push(trace);
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        // Files on disk only: the server reads the rest of the workspace from disk (see the
        // README, "Virtual and untrusted workspaces"). Untitled product documents get the
        // single-file features too.
        documentSelector: [
            { scheme: 'file', language: LANGUAGE_ID },
            { scheme: 'untitled', language: LANGUAGE_ID }
        ],
        outputChannel,
        traceOutputChannel: trace,
        // The server registers its own file watchers (Langium does, dynamically); it reads
        // productSpec.docs.outputFolder from this section (Generate Docs by another client).
        synchronize: { configurationSection: 'productSpec' }
    };
    return new LanguageClient('productSpec', 'Product Spec Language Server', serverOptions, clientOptions);
}
