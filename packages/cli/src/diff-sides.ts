import { buildWorkspace, createProductSpecServices, planMovesOf, snapshotWorkspace, URI, type WorkspaceSnapshot } from '@product-spec/language';
import { EmptyFileSystemProvider, type FileSystemProvider } from 'langium';
import type { SpecText } from './files.js';
import { diagnosticEntries, loadedWorkspace, type LoadedWorkspace } from './workspace.js';

/**
 * The two sides of a diff, built one after the other in one workspace: BASE is built, reduced
 * to what the comparison reads, then the same workspace is updated to HEAD's texts as the
 * language server updates it after an edit. What did not change is neither parsed nor
 * checked again (language package, workspace/document-builder.ts: the result equals a fresh
 * build), so the second side costs a fraction of the first.
 */

export interface DiffSide {
    readonly snapshot: WorkspaceSnapshot;
    /** How many errors the side has. */
    readonly errors: number;
}

export function sideOf(workspace: LoadedWorkspace): DiffSide {
    return { snapshot: snapshotWorkspace(workspace.model, diagnosticEntries(workspace), { planMoves: product => planMovesOf(product) }), errors: workspace.errors };
}

/** What the workspace reads when it is updated: HEAD's texts of the files that changed, by URI. */
function specTexts(texts: ReadonlyMap<string, string>): FileSystemProvider {
    const read = (uri: URI): string => {
        const text = texts.get(uri.toString());
        if (text === undefined) throw new Error(`No text for ${uri.toString()}.`);
        return text;
    };
    return Object.assign(new EmptyFileSystemProvider(), { readFile: (uri: URI) => Promise.resolve(read(uri)), readFileSync: read });
}

export async function buildSides(base: readonly SpecText[], head: readonly SpecText[]): Promise<{ base: DiffSide; head: DiffSide }> {
    const uri = (file: SpecText) => URI.file(file.absolute);
    const texts = new Map<string, string>();
    const { shared, ProductSpec } = createProductSpecServices({ fileSystemProvider: () => specTexts(texts) });
    const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder } = shared.workspace;
    const baseSide = sideOf(loadedWorkspace(base, ProductSpec, await buildWorkspace(shared, base.map(file => ({ uri: uri(file), text: file.text })))));

    const before = new Map(base.map(file => [uri(file).toString(), file.text]));
    const changed: URI[] = [];
    for (const file of head) {
        const key = uri(file).toString();
        const text = before.get(key);
        if (text === undefined) {
            // A new file joins the workspace as it is; the update builds it with the rest.
            LangiumDocuments.addDocument(LangiumDocumentFactory.fromString(file.text, uri(file)));
        } else if (text !== file.text) {
            texts.set(key, file.text);
            changed.push(uri(file));
        }
    }
    const kept = new Set(head.map(file => uri(file).toString()));
    const deleted = [...before.keys()].filter(key => !kept.has(key)).map(key => URI.parse(key));
    // When no spec file differs, BASE is HEAD.
    if (changed.length === 0 && deleted.length === 0 && head.length === base.length) return { base: baseSide, head: baseSide };
    await DocumentBuilder.update(changed, deleted);
    const documents = head.map(file => LangiumDocuments.getDocument(uri(file))!);
    return { base: baseSide, head: sideOf(loadedWorkspace(head, ProductSpec, documents)) };
}
