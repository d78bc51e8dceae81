import { ErrorCodes, ResponseError, type Connection, type ConnectionOptions, type Message } from 'vscode-languageserver/node.js';

/**
 * The protocol's lifecycle and the shape of params, enforced before any handler runs
 * (issue 12). Before `initialize` a request gets ServerNotInitialized (-32002) and a
 * notification is dropped, as the LSP says; after `shutdown`, InvalidRequest (-32600) and
 * dropped, but for `exit`; a `textDocument/...` request without a document URI, or
 * without a valid position where one is needed, gets InvalidParams (-32602) with what is
 * missing rather than a JavaScript message. vscode-jsonrpc lets a strategy see each message
 * before it is dispatched: such a request is renamed to a method of ours that answers with
 * the error, so the client gets it under its own id.
 */
const NOT_INITIALIZED = '$/productSpec/notInitialized';
const SHUT_DOWN = '$/productSpec/shutDown';
const INVALID_PARAMS = '$/productSpec/invalidParams';
const INITIALIZED_TWICE = '$/productSpec/initializedTwice';

const POSITION_REQUESTS = new Set([
    'textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/declaration', 'textDocument/typeDefinition',
    'textDocument/implementation', 'textDocument/references', 'textDocument/documentHighlight', 'textDocument/rename',
    'textDocument/prepareRename', 'textDocument/signatureHelp', 'textDocument/linkedEditingRange', 'textDocument/prepareCallHierarchy',
    'textDocument/prepareTypeHierarchy', 'textDocument/moniker'
]);

interface RequestLike { jsonrpc: string; id: number | string | null; method: string; params?: unknown }

function isRequest(message: Message): message is Message & RequestLike {
    const candidate = message as Partial<RequestLike>;
    return typeof candidate.method === 'string' && candidate.id !== undefined && candidate.id !== null;
}

function isNotification(message: Message): boolean {
    const candidate = message as Partial<RequestLike>;
    return typeof candidate.method === 'string' && (candidate.id === undefined || candidate.id === null);
}

const isPosition = (value: unknown): boolean => {
    const position = value as { line?: unknown; character?: unknown } | null;
    return !!position && Number.isInteger(position.line) && Number.isInteger(position.character)
        && (position.line as number) >= 0 && (position.character as number) >= 0;
};

/** What is wrong with a text document request's params, or undefined. */
export function invalidParams(method: string, params: unknown): string | undefined {
    if (!method.startsWith('textDocument/')) return undefined;
    const given = params as { textDocument?: { uri?: unknown }; position?: unknown } | null | undefined;
    if (!given || typeof given !== 'object' || typeof given.textDocument?.uri !== 'string') return `${method} needs params.textDocument.uri (a string).`;
    if (POSITION_REQUESTS.has(method) && !isPosition(given.position)) return `${method} needs params.position: { line, character }, whole numbers from 0.`;
    return undefined;
}

/** The strategy to give `createConnection`, and the handlers it needs on the connection. */
export function lifecycleGuard(): { options: ConnectionOptions; install(connection: Connection): void } {
    let state: 'new' | 'initialized' | 'shut down' = 'new';
    return {
        options: {
            messageStrategy: {
                handleMessage(message, next) {
                    if (isRequest(message)) {
                        const request = message as RequestLike;
                        if (state === 'new' && request.method !== 'initialize') request.method = NOT_INITIALIZED;
                        else if (state === 'shut down') request.method = SHUT_DOWN;
                        else if (state === 'initialized' && request.method === 'initialize') request.method = INITIALIZED_TWICE;
                        else {
                            const problem = invalidParams(request.method, request.params);
                            if (problem) {
                                request.method = INVALID_PARAMS;
                                request.params = { problem };
                            }
                            if (request.method === 'initialize') state = 'initialized';
                            if (request.method === 'shutdown') state = 'shut down';
                        }
                        return next(message);
                    }
                    if (isNotification(message)) {
                        const method = (message as RequestLike).method;
                        if (method !== 'exit' && (state === 'new' || state === 'shut down')) return;
                    }
                    next(message);
                }
            }
        },
        install(connection) {
            connection.onRequest(NOT_INITIALIZED, () => {
                throw new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized: send initialize first.');
            });
            connection.onRequest(SHUT_DOWN, () => {
                throw new ResponseError(ErrorCodes.InvalidRequest, 'The server was shut down: only exit is accepted now.');
            });
            connection.onRequest(INVALID_PARAMS, (params: { problem: string }) => {
                throw new ResponseError(ErrorCodes.InvalidParams, params.problem);
            });
            connection.onRequest(INITIALIZED_TWICE, () => {
                throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is already initialized: initialize is sent once.');
            });
        }
    };
}
