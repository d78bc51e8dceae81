import { AstUtils, type LangiumDocument } from 'langium';
import { workspaceReady, type ProductModel, type ProductSpecServices, type WorkspaceModel } from '@product-spec/language';
import { documentProblems, generateDocPage } from '@product-spec/docs';
import type { Connection, Position } from 'vscode-languageserver';
import {
    DocsPreviewRequest, ProductAtRequest, type DocsPreview, type DocsPreviewParams, type ProductAt, type ProductAtParams, type ProductRef
} from '../shared/protocol.js';
import { workspaceRoot } from './workspace-root.js';

/**
 * Requests this package adds to the language server until the language/docs packages offer
 * them (README, "Needs from other packages"). Both wait, like the language package's own
 * requests, until the workspace is loaded and validated.
 */
export function registerExtraRequests(connection: Connection, services: ProductSpecServices): void {
    const shared = services.shared;
    const debug = process.env.PRODUCT_SPEC_DEBUG === '1';
    connection.onRequest(DocsPreviewRequest.type, async (params, token) => {
        if (debug) connection.console.log(`docsPreview: waiting (${JSON.stringify(params)})`);
        await workspaceReady(shared, token);
        const result = docsPreview(services, params ?? {});
        if (debug) connection.console.log(`docsPreview: ${result.path} ${result.markdown.length} chars`);
        return result;
    });
    connection.onRequest(ProductAtRequest.type, async (params, token) => {
        await workspaceReady(shared, token);
        return productAt(services, params);
    });
}

export function docsPreview(services: ProductSpecServices, params: DocsPreviewParams): DocsPreview {
    const model = services.model.ModelService.model;
    const product = params.product !== undefined
        ? model.productsByName.get(params.product)
        : params.uri !== undefined ? findProduct(services, model, params.uri, params.position) : undefined;
    const root = workspaceRoot(services) ?? '/';
    const page = generateDocPage(model, product, documentProblems(services.shared.workspace.LangiumDocuments.all, root));
    return {
        product: product ? ref(product) : null,
        path: page.path,
        markdown: page.content,
        products: model.products.map(ref)
    };
}

export function productAt(services: ProductSpecServices, params: ProductAtParams): ProductAt {
    const model = services.model.ModelService.model;
    const product = findProduct(services, model, params.uri, params.position);
    if (!product) return { product: null, blocks: [] };
    return {
        product: ref(product),
        blocks: product.blocks.flatMap(block => {
            const range = block.$cstNode?.range;
            return range ? [{ uri: AstUtils.getDocument(block).uri.toString(), range }] : [];
        })
    };
}

function ref(product: ProductModel): ProductRef {
    return { name: product.name, title: product.title ?? null };
}

/** The product whose block holds `position` in the document, else the document's first product. */
function findProduct(services: ProductSpecServices, model: WorkspaceModel, uri: string, position?: Position): ProductModel | undefined {
    const document = findDocument(services, uri);
    if (!document) return undefined;
    const offset = position ? document.textDocument.offsetAt(position) : undefined;
    let first: ProductModel | undefined;
    for (const product of model.products) {
        for (const block of product.blocks) {
            if (AstUtils.getDocument(block) !== document) continue;
            const cst = block.$cstNode;
            if (!cst) continue;
            if (offset !== undefined && cst.offset <= offset && offset <= cst.end) return product;
            if (!first || cst.offset < firstOffset(first, document)) first = product;
        }
    }
    return first;
}

function firstOffset(product: ProductModel, document: LangiumDocument): number {
    const offsets = product.blocks.filter(b => AstUtils.getDocument(b) === document).map(b => b.$cstNode?.offset ?? Infinity);
    return Math.min(...offsets);
}

function findDocument(services: ProductSpecServices, uri: string): LangiumDocument | undefined {
    const documents = services.shared.workspace.LangiumDocuments;
    for (const document of documents.all) {
        if (document.uri.toString() === uri) return document;
    }
    // Clients may encode a URI differently (drive letters, %3A): compare paths too.
    const wanted = safePath(uri);
    return wanted === undefined ? undefined : documents.all.find(d => d.uri.scheme === 'file' && d.uri.fsPath === wanted);
}

function safePath(uri: string): string | undefined {
    try {
        return uri.startsWith('file:') ? decodeURIComponent(new URL(uri).pathname) : undefined;
    } catch {
        return undefined;
    }
}
