import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';

/**
 * What the server does when the editor closes a document. Langium 4.2.1's document update
 * handler has no `didCloseDocument`, so a closed document stays in the workspace as it was
 * last typed:
 *  - an untitled document (`untitled:Untitled-1`) then has neither an open text document nor
 *    a file extension, and the next build — any file created in the workspace — throws
 *    "The service registry contains no services for the extension ''" and the server process
 *    exits (seen in the extension tests);
 *  - a file closed without saving would keep its unsaved text in the model, though the
 *    editor dropped it (not reproduced in the tests: VS Code asks before closing it).
 * So: a closed document that is not a file is removed from the workspace; a closed file is
 * read again from disk. Both go through Langium's own update, under its workspace lock.
 */
export function forgetClosedDocuments(shared: LangiumSharedServices): void {
    const { TextDocuments, WorkspaceManager, WorkspaceLock, DocumentBuilder, LangiumDocuments } = shared.workspace;
    TextDocuments?.onDidClose(({ document }) => {
        const uri = URI.parse(document.uri);
        if (!LangiumDocuments.hasDocument(uri)) return;
        const onDisk = uri.scheme === 'file';
        void WorkspaceManager.ready.then(() => WorkspaceLock.write(token =>
            DocumentBuilder.update(onDisk ? [uri] : [], onDisk ? [] : [uri], token)));
    });
}
