import { statSync } from 'node:fs';
import { URI } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * What the server does with the documents an editor opens, changes and closes; Langium's
 * handler, made safe against what editors really send (issue 12, each case a test in
 * packages/cli/test/protocol.test.ts):
 *  - a document that is not a `.product` file (`untitled:Untitled-1`, `notes.txt` or a
 *    `Makefile` with our languageId) or whose text is not a string is ignored: Langium would
 *    put it in the workspace, and the next build throws "The service registry contains no
 *    services for the extension ''", which ended the process;
 *  - a closed document leaves the workspace as the editor left it: a closed `.product` file
 *    that is still a regular file on disk is read again (its unsaved text is dropped, as the editor
 *    dropped it); one that is not on disk (never saved, deleted, now a folder or a FIFO) is
 *    removed, never read;
 *  - an update that fails is logged, never an unhandled rejection (which ends Node).
 */
export class ProductSpecDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly documents: LangiumSharedServices['workspace']['LangiumDocuments'];

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
    }

    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        if (this.isSpec(change.document)) super.didChangeContent(change);
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (!this.documents.hasDocument(uri)) return;
        // The editor's document is gone by now, so the registry answers from the file name
        // alone: a `Makefile` opened as product-spec is removed, never read from disk.
        if (isRegularFile(uri) && this.serviceRegistry.hasServices(uri)) this.fireDocumentUpdate([uri], []);
        else this.fireDocumentUpdate([], [uri]);
    }

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(token => this.documentBuilder.update(changed, deleted, token)))
            .catch(error => console.error('product-spec: a document update failed:', error instanceof Error ? error.message : error));
    }

    private isSpec(document: TextDocument): boolean {
        try {
            return typeof document.getText() === 'string' && this.serviceRegistry.hasServices(URI.parse(document.uri));
        } catch {
            return false;
        }
    }
}

function isRegularFile(uri: URI): boolean {
    if (uri.scheme !== 'file') return false;
    try {
        return statSync(uri.fsPath).isFile();
    } catch {
        return false;
    }
}
