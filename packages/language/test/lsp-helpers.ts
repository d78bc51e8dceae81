import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { clearDocuments } from 'langium/test';
import { createProductSpecServices, type ProductSpecServices } from '../src/product-spec-module.js';
import { buildWorkspace } from '../src/workspace/build-workspace.js';

export { CONTRACT_EXAMPLE } from './helpers.js';

export interface Services {
    shared: LangiumSharedServices;
    ProductSpec: ProductSpecServices;
}

/** Fresh services with no file system, as a test of the language server's features needs. */
export function createServices(): Services {
    return createProductSpecServices(EmptyFileSystem);
}

/**
 * The text with Langium's cursor marker `<|>` inserted inside the `occurrence`-th match of
 * `needle` (0-based), `shift` characters after its start.
 */
export function mark(text: string, needle: string, shift = 0, occurrence = 0): string {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`'${needle}' occurs fewer than ${occurrence + 1} times`);
    }
    return `${text.slice(0, index + shift)}<|>${text.slice(index + shift)}`;
}

/** Replaces the workspace's documents by the given files (name → text), built and validated. */
export async function open(services: Services, files: Record<string, string>): Promise<LangiumDocument[]> {
    await clearDocuments(services.shared);
    const names = Object.keys(files);
    return buildWorkspace(services.shared, names.map(name => ({ uri: URI.parse(`file:///ws/${name}`), text: files[name] })));
}

/** The document's whole range, for requests that take one. */
export function wholeRange(document: LangiumDocument) {
    return { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(document.textDocument.getText().length) };
}
