import { DefaultDocumentBuilder, DocumentState, OperationCancelled, type LangiumDocument, type LangiumSharedCoreServices, type MaybePromise, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { memberPart, type ProductSpecIndexManager } from './index-manager.js';

/**
 * Langium's document builder, rebuilding after every change all that the change can affect,
 * so that every file's diagnostics equal those of a fresh build:
 *
 * - Every document is revalidated. The workspace checks (capacity, must share, duplicate
 *   names, cycles, release order, unused metrics, ...) read the whole workspace's model and
 *   may report on a file that references nothing in the changed one; a document's own
 *   checks are cached with its parse (validation/document-validator.ts), so revalidating an
 *   unchanged document costs a lookup.
 * - A document is relinked when a name it refers to appeared or disappeared elsewhere.
 *   Inside product P, `x` means P's member x when there is one, else the top-level x, so a
 *   declaration added in one file can change what an unchanged reference in another means.
 *   Langium by itself relinks only documents whose references failed or point into the
 *   changed files.
 */
export class ProductSpecDocumentBuilder extends DefaultDocumentBuilder {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onBuildPhase(DocumentState.IndexedContent, () => this.relinkChangedNames());
    }

    private updating = false;

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        this.updating = true;
        trace(`update ${changed.map(uri => uri.path.split('/').pop()).join(',')} deleted ${deleted.length}`);
        try {
            await super.update(changed, deleted, cancelToken);
            trace(`update done, state ${this.currentState}`);
        } catch (error) {
            trace(`update ended: ${error instanceof Error ? error.message : String(error)}, state ${this.currentState}`);
            throw error;
        } finally {
            this.updating = false;
        }
    }

    /** Called by `update` once the changed documents are reset, before it picks what to rebuild. */
    protected override async emitUpdate(changed: URI[], deleted: URI[]): Promise<void> {
        if (this.updating) this.revalidateAll();
        await super.emitUpdate(changed, deleted);
    }

    /** As Langium decides (a reference failed, or points into a changed document), from what the index noted at the last linking. */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        const index = this.indexManager as ProductSpecIndexManager;
        return index.hasUnresolved(document) || index.isAffected(document, changedUris);
    }

    /** Requests waiting for the workspace to reach a state (see `awaitBuilderState`). */
    private readonly waiting: Array<{ state: DocumentState; resolve: () => void }> = [];

    /**
     * Langium resolves a wait for a state from the listeners of that build phase, taking the
     * list of listeners before notifying them and setting its state after: a request that
     * arrives while they run (the phase yields to the event loop) registered too late for this
     * build and waited for the next edit, forever if none came (seen as a request never
     * answered after a burst of edits). Here a wait ends as soon as the builder reaches the state.
     */
    protected override awaitBuilderState(state: DocumentState, cancelToken: CancellationToken): Promise<void> {
        if (this.currentState >= state) return Promise.resolve();
        if (cancelToken.isCancellationRequested) return Promise.reject(OperationCancelled);
        return new Promise<void>((resolve, reject) => {
            const entry = { state, resolve: () => { cancel.dispose(); resolve(); } };
            const cancel = cancelToken.onCancellationRequested(() => {
                this.waiting.splice(this.waiting.indexOf(entry), 1);
                cancel.dispose();
                reject(OperationCancelled);
            });
            this.waiting.push(entry);
        });
    }

    protected override async runCancelable(documents: LangiumDocument[], targetState: DocumentState, cancelToken: CancellationToken, callback: (document: LangiumDocument) => MaybePromise<unknown>): Promise<void> {
        await super.runCancelable(documents, targetState, cancelToken, callback);
        const reached = this.waiting.filter(entry => entry.state <= this.currentState);
        for (const entry of reached) {
            this.waiting.splice(this.waiting.indexOf(entry), 1);
            entry.resolve();
        }
    }

    private revalidateAll(): void {
        for (const document of this.langiumDocuments.all) {
            if (document.state > DocumentState.IndexedReferences) this.resetToState(document, DocumentState.IndexedReferences);
        }
    }

    private relinkChangedNames(): void {
        const names = (this.indexManager as ProductSpecIndexManager).takeChangedNames();
        if (names.size === 0) return;
        for (const document of this.langiumDocuments.all) {
            if (document.state < DocumentState.Linked) continue;
            if (document.references.some(reference => names.has(memberPart(reference.$refText)))) this.relink(document);
        }
    }

    /** Back to ComputedScopes within the running build, keeping the build's record of the document. */
    private relink(document: LangiumDocument): void {
        const key = document.uri.toString();
        const state = this.buildState.get(key);
        this.resetToState(document, DocumentState.ComputedScopes);
        if (state) this.buildState.set(key, state);
    }
}

/** With PRODUCT_SPEC_TRACE=1, what the builder does, on stderr (for diagnosing the change path). */
function trace(line: string): void {
    if (process.env.PRODUCT_SPEC_TRACE === '1') process.stderr.write(`[builder] ${line}\n`);
}
