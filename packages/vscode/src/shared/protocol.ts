/**
 * The requests, notifications and commands between this extension and its language server:
 * the language package's protocol file (the one declaration for every client and the
 * server), which imports no Langium and no server code, so the client bundle stays small.
 * This is the only file of the client that reaches into another package.
 */
export {
    DOCS_AUDIENCES, DocsPreviewRequest, FeatureLocationsRequest, ForecastRequest, GENERATE_DOCS_COMMAND, METHODS, ModelChangedNotification, ProductAtRequest, RankRequest,
    type DocsAudience, type DocsPreview, type DocsPreviewParams, type FeatureLocations, type FeatureLocationsParams, type ForecastParams, type ForecastReport,
    type GenerateDocsArgs, type GenerateDocsResult, type Method, type ModelChangedParams, type NameLocation, type ProductAt, type ProductAtParams,
    type ProductRef, type RankParams, type RankReport, type RankReportFeature
} from '@product-spec/language/protocol';
export { formatChance, formatNumber, methodLabel, rankBand, rankMoves, scoreText } from '@product-spec/language/display';
