import { DocumentState, type LangiumSharedCoreServices, type LangiumDocuments } from 'langium';
import { buildWorkspaceModel } from './build.js';
import type { WorkspaceModel } from './types.js';

/**
 * Holds the computed model of the current workspace state. It is built on first use after
 * a change and reused by every reader (validation, hover, code lens, CLI, docs) until the
 * next change: cleared when documents change and again once they are all linked, so a
 * model built mid-build never outlives the build.
 */
export class ModelService {
    private readonly documents: LangiumDocuments;
    private cached: WorkspaceModel | undefined;
    /** How many times the model was built (tests and benchmarks read it). */
    builds = 0;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        const builder = shared.workspace.DocumentBuilder;
        builder.onUpdate(() => this.clear());
        builder.onBuildPhase(DocumentState.Linked, () => this.clear());
    }

    get model(): WorkspaceModel {
        if (!this.cached) {
            this.cached = buildWorkspaceModel(this.documents.all);
            this.builds++;
        }
        return this.cached;
    }

    clear(): void {
        this.cached = undefined;
    }
}
