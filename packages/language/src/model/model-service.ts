import { DocumentState, WorkspaceCache, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { DocumentBuilder } from 'langium';
import { buildWorkspaceModel } from './build.js';
import type { WorkspaceModel } from './types.js';

/**
 * The computed model of the current workspace state, built on first use and read by every
 * reader (validation, hover, code lens, requests, CLI, docs) until the state changes: a
 * Langium workspace cache, cleared when documents change and again once they are all
 * linked, so that a model built from half-linked documents never outlives the build.
 */
export class ModelService {
    private readonly documents: LangiumDocuments;
    private readonly builder: DocumentBuilder;
    private readonly cache: WorkspaceCache<'model', WorkspaceModel>;
    /** How many times the model was built (tests and benchmarks read it). */
    builds = 0;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.builder = shared.workspace.DocumentBuilder;
        this.cache = new WorkspaceCache(shared, DocumentState.Linked);
        this.builder.onUpdate(() => this.cache.clear());
    }

    /** The model of the workspace as it is (call `ready` first where a build may be running). */
    get model(): WorkspaceModel {
        return this.cache.get('model', () => {
            this.builds++;
            return buildWorkspaceModel(this.documents.all);
        });
    }

    /**
     * Waits until every document of the workspace is linked (the model can then be built
     * from it): a request that reads the model waits for the build in progress instead of
     * reading documents that are being parsed or linked.
     */
    async ready(cancelToken: CancellationToken = CancellationToken.None): Promise<WorkspaceModel> {
        await this.builder.waitUntil(DocumentState.Linked, cancelToken);
        return this.model;
    }

    clear(): void {
        this.cache.clear();
    }
}
