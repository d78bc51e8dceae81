import { AstUtils, DocumentState, isOperationCancelled, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, ErrorCodes, LSPErrorCodes, ResponseError, type Connection, type Position } from 'vscode-languageserver';
import { drawsEnabled } from '../lsp/settings.js';
import { forecastReport, rankReport, type ForecastReport, type RankReport } from '../model/reports.js';
import { METHODS, type ProductModel, type WorkspaceModel } from '../model/types.js';
import type { ProductSpecServices } from '../product-spec-module.js';
import { nameRange } from '../lsp/code-lens.js';
import {
    FeatureLocationsRequest, ForecastRequest, ProductAtRequest, RankRequest, type FeatureLocations, type FeatureLocationsParams,
    type ForecastParams, type NameLocation, type ProductAt, type ProductAtParams, type RankParams
} from './protocol.js';

/**
 * Waits until the workspace is loaded and every document is validated, so that an answer
 * reflects the whole workspace as it is now (as Langium's own requests wait for theirs).
 */
export async function workspaceReady(shared: LangiumSharedServices, cancelToken: CancellationToken = CancellationToken.None): Promise<void> {
    try {
        await shared.workspace.WorkspaceManager.ready;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, cancelToken);
    } catch (error) {
        if (isOperationCancelled(error)) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
        throw error;
    }
}

/** The custom requests' handlers (see protocol.ts), as plain functions of the language services. */
export interface RequestHandlers {
    rank(params?: RankParams, cancelToken?: CancellationToken): Promise<RankReport>;
    forecast(params?: ForecastParams, cancelToken?: CancellationToken): Promise<ForecastReport>;
    featureLocations(params?: FeatureLocationsParams, cancelToken?: CancellationToken): Promise<FeatureLocations>;
    productAt(params: ProductAtParams, cancelToken?: CancellationToken): Promise<ProductAt>;
}

export function createRequestHandlers(services: ProductSpecServices): RequestHandlers {
    const shared = services.shared;
    const models = services.model.ModelService;
    return {
        async rank(params = {}, cancelToken) {
            if (params.method !== undefined && !METHODS.includes(params.method)) {
                throw new ResponseError(ErrorCodes.InvalidParams, `Unknown method '${params.method}': expected one of ${METHODS.join(', ')}.`);
            }
            await workspaceReady(shared, cancelToken);
            const draws = params.uncertainty === true && await drawsEnabled(shared.workspace.ConfigurationProvider);
            return rankReport(models.model, { product: params.product, method: params.method, ...(draws ? { uncertainty: 'editor' as const } : {}) });
        },
        async forecast(params = {}, cancelToken) {
            await workspaceReady(shared, cancelToken);
            return forecastReport(models.model, { product: params.product });
        },
        async productAt(params, cancelToken) {
            if (typeof params?.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'productSpec/productAt takes { uri: string, position?: Position }.');
            await workspaceReady(shared, cancelToken);
            const product = productAt(services, models.model, params.uri, params.position);
            if (!product) return { product: null, blocks: [] };
            return {
                product: { name: product.name, title: product.title ?? null },
                blocks: product.blocks.flatMap(block => {
                    const range = block.$cstNode?.range;
                    return range ? [{ uri: AstUtils.getDocument(block).uri.toString(), range }] : [];
                })
            };
        },
        async featureLocations(params = {}, cancelToken) {
            await workspaceReady(shared, cancelToken);
            const products = models.model.products.filter(product => params.product === undefined || product.name === params.product);
            return {
                products: products.map(product => ({
                    ...location(product.name, product.blocks[0]),
                    features: product.features.map(feature => location(feature.name, feature.node))
                }))
            };
        }
    };
}

function location(name: string, node: Parameters<typeof nameRange>[0]): NameLocation {
    const range = nameRange(node) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { name, uri: AstUtils.getDocument(node).uri.toString(), range };
}

/** Answers the custom requests on the server's connection. */
export function registerRequestHandlers(connection: Connection, services: ProductSpecServices): RequestHandlers {
    const handlers = createRequestHandlers(services);
    connection.onRequest(RankRequest.type, (params, token) => handlers.rank(params ?? {}, token));
    connection.onRequest(ForecastRequest.type, (params, token) => handlers.forecast(params ?? {}, token));
    connection.onRequest(FeatureLocationsRequest.type, (params, token) => handlers.featureLocations(params ?? {}, token));
    connection.onRequest(ProductAtRequest.type, (params, token) => handlers.productAt(params, token));
    return handlers;
}

/**
 * The product whose block holds `position` in the document at `uri`, else the document's
 * first product (the status bar and the preview follow the cursor with it).
 */
export function productAt(services: ProductSpecServices, model: WorkspaceModel, uri: string, position?: Position): ProductModel | undefined {
    const document = findDocument(services, uri);
    if (!document) return undefined;
    const offset = position ? document.textDocument.offsetAt(position) : undefined;
    let first: { product: ProductModel; offset: number } | undefined;
    for (const product of model.products) {
        for (const block of product.blocks) {
            const cst = block.$cstNode;
            if (!cst || AstUtils.getDocument(block) !== document) continue;
            if (offset !== undefined && cst.offset <= offset && offset <= cst.end) return product;
            if (!first || cst.offset < first.offset) first = { product, offset: cst.offset };
        }
    }
    return first?.product;
}

/** The workspace's document at `uri`; clients may encode a URI differently (drive letters, %3A), so paths are compared too. */
export function findDocument(services: ProductSpecServices, uri: string): LangiumDocument | undefined {
    const documents = services.shared.workspace.LangiumDocuments;
    let parsed: URI;
    try {
        parsed = URI.parse(uri);
    } catch {
        return undefined;
    }
    return documents.getDocument(parsed)
        ?? (parsed.scheme === 'file' ? documents.all.find(document => document.uri.scheme === 'file' && document.uri.fsPath === parsed.fsPath) : undefined);
}

/** The first workspace folder as a path, when the client opened a folder on disk. */
export function workspaceRoot(services: ProductSpecServices): string | undefined {
    const folder = services.shared.workspace.WorkspaceManager.workspaceFolders?.[0];
    if (!folder || !folder.uri.startsWith('file:')) return undefined;
    return URI.parse(folder.uri).fsPath;
}
