/**
 * The custom requests of the product-spec language server, declared once for the server
 * and its clients (the VS Code extension imports this file). It imports no Langium and no
 * server code: only the protocol package, which every LSP client has, and types.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Position, Range } from 'vscode-languageserver-protocol';
import type { ForecastReport, RankReport } from '../model/reports.js';
import type { Method } from '../model/types.js';

export type { ForecastReport, RankReport, RankReportFeature } from '../model/reports.js';
export type { Method } from '../model/types.js';

export interface RankParams {
    /** Only this product (by name); every product when absent. */
    product?: string;
    /** Rank by this method instead of each product's own. */
    method?: Method;
    /**
     * Add how sure each rank is (decide.md §2), as the editor draws them: 10,000 draws,
     * seed 1, top 3, for products with ranges and at most 1,000 ranked features, unless the
     * setting `productSpec.uncertainty.draws` is off.
     */
    uncertainty?: boolean;
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

/** A product, as the client names it. */
export interface ProductRef {
    name: string;
    title: string | null;
}

export interface ProductAtParams {
    uri: string;
    position?: Position;
}

export interface ProductAt {
    /** The product declared at the position (else the document's first product); null when none. */
    product: ProductRef | null;
    /** Every `product NAME { }` block of that product, in any file. */
    blocks: Array<{ uri: string; range: Range }>;
}

/** `productSpec/productAt`: which product a position belongs to, and where all its blocks are. */
export namespace ProductAtRequest {
    export const method = 'productSpec/productAt';
    export const type = new RequestType<ProductAtParams, ProductAt, void>(method);
}

/** The audiences of the docs: the full docs, or one community's view. */
export type DocsAudience = 'full' | 'engineering' | 'commercial' | 'customer' | 'board';

/** Every audience, the full docs first (the CLI's `--audience` choices and the preview's). */
export const DOCS_AUDIENCES: readonly DocsAudience[] = ['full', 'engineering', 'commercial', 'customer', 'board'];

export interface DocsPreviewParams {
    /** This product (by name). */
    product?: string;
    /** Else the product declared at `position` in this document (or its first product). */
    uri?: string;
    position?: Position;
    /** Whose view; the full docs when absent. */
    audience?: DocsAudience;
}

export interface DocsPreview {
    /** The product shown; null when the document declares no product (the portfolio page is shown). */
    product: ProductRef | null;
    /** The generated file shown, relative to the docs folder: `acme/PRODUCT.md` or `index.md`. */
    path: string;
    /** The generated markdown, exactly what Generate Docs writes for that file (spec text escaped). */
    markdown: string;
    /** Every product of the workspace, by name. */
    products: ProductRef[];
}

/** `productSpec/docsPreview`: the markdown docs page of one product (served by the docs package's requests). */
export namespace DocsPreviewRequest {
    export const method = 'productSpec/docsPreview';
    export const type = new RequestType<DocsPreviewParams, DocsPreview, void>(method);
}

/** The server command (from the docs package) that writes the markdown docs. */
export const GENERATE_DOCS_COMMAND = 'productSpec.generateDocs';

export interface GenerateDocsArgs {
    /** Relative to the workspace root, or absolute. Default: the client's setting, else `docs`. */
    readonly outputDir?: string;
    /** Overwrite hand-written files (as the CLI's `--force`). */
    readonly force?: boolean;
    /** Whose view (as the CLI's `--audience`); default `full`. */
    readonly audience?: DocsAudience;
}

export interface GenerateDocsResult {
    /** Files written, relative to `outputDir`, with `/`. */
    readonly written: string[];
    /** Files not written: hand-written ones (no generated-file marker) when they blocked the run. */
    readonly skipped: string[];
    /** Files that were already up to date. */
    readonly unchanged: string[];
    /** Generated files of products that no longer exist (left in place). */
    readonly stale: string[];
    /** Absolute. */
    readonly outputDir: string;
    /** One sentence for the user (a notification). */
    readonly message: string;
}

export interface ModelChangedParams {
    /** Counts the workspace states the server has built. */
    version: number;
    /** The products of the workspace, by name. */
    products: string[];
}

/**
 * `productSpec/modelChanged` (server → client): the workspace was built again (after an
 * edit, a file change or at start-up), so rankings, forecasts, the preview and the status
 * may have changed. Clients refresh what they show from it instead of polling.
 */
export namespace ModelChangedNotification {
    export const method = 'productSpec/modelChanged';
    export const type = new NotificationType<ModelChangedParams>(method);
}
export { METHODS } from '../model/types.js';
