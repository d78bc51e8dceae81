import { URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver';

/** A spec file to load: where it is and what it says. */
export interface SpecSource {
    readonly uri: URI;
    readonly text: string;
}

/**
 * Loads spec texts as one workspace and builds them (parse, index, link, validate), as the
 * language server does for an editor's workspace: references cross files.
 */
export async function buildWorkspace(shared: LangiumSharedServices, sources: readonly SpecSource[]): Promise<LangiumDocument[]> {
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    const loaded = sources.map(source => {
        const document = factory.fromString(source.text, source.uri);
        documents.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(loaded, { validation: true });
    return loaded;
}

export function diagnosticsOf(document: LangiumDocument): Diagnostic[] {
    return document.diagnostics ?? [];
}

export { URI };
