import { DocumentState } from 'langium';
import { SpecFileSystem } from '../workspace/spec-files.js';
import { startLanguageServer, type LangiumSharedServices } from 'langium/lsp';
import { lifecycleGuard } from './lifecycle.js';
import { createConnection, ProposedFeatures, type CancellationToken, type Connection } from 'vscode-languageserver/node.js';
import { createProductSpecServices, type ProductSpecServices } from '../product-spec-module.js';
import { registerCommands, type CommandHandler } from './commands.js';
import { ModelChangedNotification } from './protocol.js';
import { registerRequestHandlers } from './requests.js';

export type { CommandHandler } from './commands.js';

export interface StartServerOptions {
    /**
     * The connection to the client. By default the transport (stdio, node IPC, socket) is
     * taken from the process arguments (`--stdio`, `--node-ipc`, ...), as vscode-languageserver does.
     */
    connection?: Connection;
    /** `workspace/executeCommand` commands to offer, by name (e.g. `productSpec.generateDocs`). */
    commands?: Readonly<Record<string, CommandHandler>>;
    /** Requests another package adds (the docs package adds `productSpec/docsPreview`), by method. */
    requests?: Readonly<Record<string, ExtraRequestHandler>>;
}

/** A request another package adds to the server; it waits for what it needs (see `workspaceReady`). */
export type ExtraRequestHandler = (params: unknown, services: ProductSpecServices, cancelToken: CancellationToken) => unknown;

/**
 * The connection over the transport the command line names (stdio, node IPC, socket), with
 * the protocol's lifecycle enforced (server/lifecycle.ts): what every editor gets.
 */
export function createServerConnection(): Connection {
    const guard = lifecycleGuard();
    const connection = createConnection(ProposedFeatures.all, guard.options);
    guard.install(connection);
    return connection;
}

/**
 * Starts the language server: Langium's features, the custom requests of protocol.ts
 * (`productSpec/rank`, `productSpec/forecast`, `productSpec/featureLocations`,
 * `productSpec/productAt`), the requests and commands given, the `productSpec/modelChanged`
 * notification after each build.
 */
export function startServer(options: StartServerOptions = {}): { shared: LangiumSharedServices; ProductSpec: ProductSpecServices } {
    const connection = publishChangesOnly(options.connection ?? createServerConnection());
    const services = createProductSpecServices({ connection, ...SpecFileSystem });
    registerCommands(services.ProductSpec, options.commands ?? {});
    // Created before the first build, so that it drops a model built mid-build before anyone reads it.
    void services.ProductSpec.model.ModelService;
    startLanguageServer(services.shared);
    registerRequestHandlers(connection, services.ProductSpec);
    for (const [method, handler] of Object.entries(options.requests ?? {})) {
        connection.onRequest(method, (params, token) => handler(params, services.ProductSpec, token));
    }
    notifyModelChanges(connection, services.ProductSpec);
    return services;
}

/**
 * Every document is revalidated after each change (workspace/document-builder.ts), but the
 * client hears only of the documents whose diagnostics changed: one notification per file
 * that changed, not one per file of the workspace per keystroke.
 */
function publishChangesOnly(connection: Connection): Connection {
    const published = new Map<string, string>();
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = params => {
        const text = JSON.stringify(params.diagnostics);
        if (published.get(params.uri) === text) return Promise.resolve();
        published.set(params.uri, text);
        return send(params);
    };
    return connection;
}

/** After each build, one notification: what clients show from the model may have changed. */
function notifyModelChanges(connection: Connection, services: ProductSpecServices): void {
    let version = 0;
    services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        version++;
        void connection.sendNotification(ModelChangedNotification.type, { version, products: services.model.ModelService.model.products.map(product => product.name) });
    });
}
