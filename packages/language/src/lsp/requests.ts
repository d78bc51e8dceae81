import { AstUtils, DocumentState, isOperationCancelled } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, ErrorCodes, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { forecastReport, rankReport, type ForecastReport, type RankReport } from '../model/reports.js';
import { METHODS } from '../model/types.js';
import type { ProductSpecServices } from '../product-spec-module.js';
import { nameRange } from './code-lens.js';
import {
    FeatureLocationsRequest, ForecastRequest, RankRequest, type FeatureLocations, type FeatureLocationsParams,
    type ForecastParams, type NameLocation, type RankParams
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
            return rankReport(models.model, { product: params.product, method: params.method });
        },
        async forecast(params = {}, cancelToken) {
            await workspaceReady(shared, cancelToken);
            return forecastReport(models.model, { product: params.product });
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
    return handlers;
}
