import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CancellationToken, CodeLens, CodeLensParams } from 'vscode-languageserver';
import { isFeature, isForecast, isRelease } from '../generated/ast.js';
import type { ModelService } from '../model/model-service.js';
import type { ProductSpecServices } from '../product-spec-module.js';
import { featureLensTitle, forecastLensTitle, releaseLoadText } from '../text/explain.js';

/**
 * A line above each feature (`#1 · RICE 1,500 → 3,200 (from bulk_export)`), release
 * (`load 4 / 12 · musts 50%`) and forecast (`break-even month 9 · margin 12.5%`), read from
 * the computed model. The lenses carry no command: they inform, they do not act.
 */
export class ProductSpecCodeLensProvider implements CodeLensProvider {
    private readonly models: ModelService;

    constructor(services: ProductSpecServices) {
        this.models = services.model.ModelService;
    }

    /** Waits for the build in progress: the lenses read the whole workspace's model. */
    async provideCodeLens(document: LangiumDocument, _params?: CodeLensParams, cancelToken?: CancellationToken): Promise<CodeLens[]> {
        const model = await this.models.ready(cancelToken);
        const lenses: CodeLens[] = [];
        for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
            let title: string | undefined;
            if (isFeature(node)) {
                const feature = model.features.get(node);
                title = feature && featureLensTitle(feature);
            } else if (isRelease(node)) {
                const release = model.releases.get(node);
                title = release && releaseLoadText(release);
            } else if (isForecast(node)) {
                const forecast = model.forecasts.get(node);
                title = forecast && forecastLensTitle(forecast);
            }
            const range = title !== undefined ? nameRange(node) : undefined;
            if (title !== undefined && range) lenses.push({ range, command: { title, command: '' } });
        }
        return lenses;
    }
}

/** The range of a declaration's name (the whole declaration when the name is missing). */
export function nameRange(node: AstNode) {
    return (GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? node.$cstNode)?.range;
}
