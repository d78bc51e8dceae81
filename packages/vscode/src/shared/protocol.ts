/**
 * The requests between this extension and its language server, in one file for both sides.
 *
 * - The language package's own requests (`productSpec/rank`, `productSpec/forecast`,
 *   `productSpec/featureLocations`) are re-exported from its protocol file, which imports no
 *   Langium and no server code.
 * - Two requests are added by this package's server entry (src/language/main.ts) until the
 *   language/docs packages offer them (see the README, "Needs from other packages"):
 *   `productSpec/docsPreview` and `productSpec/productAt`.
 *
 * The language package's `./protocol` and `./display` entry points import no Langium and
 * no server code, so the client bundle stays small. This is the only file of the client
 * that reaches into another package.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { Position, Range } from 'vscode-languageserver-protocol';

export {
    FeatureLocationsRequest, ForecastRequest, RankRequest,
    type FeatureLocations, type FeatureLocationsParams, type ForecastParams, type ForecastReport,
    type Method, type NameLocation, type RankParams, type RankReport, type RankReportFeature
} from '@product-spec/language/protocol';
export { formatNumber, methodLabel, scoreText } from '@product-spec/language/display';

/** The scoring methods of the contract, in the order the CLI's `--method` lists them. */
export const METHODS = ['rice', 'ice', 'wsjf', 'kano', 'moscow', 'weighted'] as const;

/** The server command (from the docs package) that writes the markdown docs. */
export const GENERATE_DOCS_COMMAND = 'productSpec.generateDocs';

/** Arguments of `productSpec.generateDocs` (the docs package's GenerateDocsArgs). */
export interface GenerateDocsArgs {
    outputDir?: string;
    force?: boolean;
}

/** What `productSpec.generateDocs` returns (the docs package's GenerateDocsResult). */
export interface GenerateDocsResult {
    written: string[];
    skipped: string[];
    unchanged: string[];
    stale: string[];
    outputDir: string;
    message: string;
}

export interface ProductRef {
    name: string;
    title: string | null;
}

export interface DocsPreviewParams {
    /** This product (by name). */
    product?: string;
    /** Else the product declared at `position` in this document (or its first product). */
    uri?: string;
    position?: Position;
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

/** `productSpec/docsPreview`: the markdown docs page of one product, for the preview. */
export namespace DocsPreviewRequest {
    export const method = 'productSpec/docsPreview';
    export const type = new RequestType<DocsPreviewParams, DocsPreview, void>(method);
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
