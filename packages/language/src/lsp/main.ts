import { NodeFileSystem } from 'langium/node';
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node.js';
import { createProductSpecServices } from '../product-spec-module.js';

/**
 * Starts the language server. The transport (stdio, node IPC, socket) is taken from the
 * process arguments (`--stdio`, `--node-ipc`, ...), as vscode-languageserver does.
 */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
    const { shared } = createProductSpecServices({ connection, ...NodeFileSystem });
    startLanguageServer(shared);
}
