/**
 * The custom requests of the product-spec language server, declared once for the server
 * and its clients (the VS Code extension imports this file). It imports no Langium and no
 * server code: only the protocol package, which every LSP client has, and types.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-protocol';
import type { ForecastReport, RankReport } from '../model/reports.js';
import type { Method } from '../model/types.js';

export type { ForecastReport, RankReport, RankReportFeature } from '../model/reports.js';
export type { Method } from '../model/types.js';

export interface RankParams {
    /** Only this product (by name); every product when absent. */
    product?: string;
    /** Rank by this method instead of each product's own. */
    method?: Method;
}

/** `productSpec/rank`: the ranked features of each product, exactly the CLI's `rank --format json`. */
export namespace RankRequest {
    export const method = 'productSpec/rank';
    export const type = new RequestType<RankParams, RankReport, void>(method);
}

export interface ForecastParams {
    /** Only this product's forecasts (by name); every product's when absent. */
    product?: string;
}

/** `productSpec/forecast`: every forecast's months, totals and break-even, exactly the CLI's `forecast --format json`. */
export namespace ForecastRequest {
    export const method = 'productSpec/forecast';
    export const type = new RequestType<ForecastParams, ForecastReport, void>(method);
}

export interface FeatureLocationsParams {
    /** Only this product (by name); every product when absent. */
    product?: string;
}

/** Where a declaration's name is written. */
export interface NameLocation {
    name: string;
    uri: string;
    range: Range;
}

export interface FeatureLocations {
    /** Products by name; `uri` and `range` point at the name in the first block that opens the product. */
    products: Array<NameLocation & {
        /** The product's features in declaration order (document URI, then offset). */
        features: NameLocation[];
    }>;
}

/** `productSpec/featureLocations`: where each product and feature is named, so that a ranking view can jump to it. */
export namespace FeatureLocationsRequest {
    export const method = 'productSpec/featureLocations';
    export const type = new RequestType<FeatureLocationsParams, FeatureLocations, void>(method);
}
