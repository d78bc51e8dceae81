import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CancellationToken, CodeLens, CodeLensParams } from 'vscode-languageserver';
import { isFeature, isForecast, isRelease } from '../generated/ast.js';
import type { ModelService } from '../model/model-service.js';
import type { ProductSpecServices } from '../product-spec-module.js';
import { featureLensTitle, forecastLensTitle, releaseLoadText } from '../text/explain.js';
import type { PlanService } from '../model/plan/plan-service.js';
import type { ReleaseModel } from '../model/types.js';
import { planLensTitle } from './plan-actions.js';

/**
 * A line above each feature (`#1 · RICE 1,500 → 3,200 (from bulk_export)`), release
 * (`load 4 / 12 · musts 50%`, and for a release with a capacity the release plan's
 * `plan: load 3 / 5 · 2 moves`) and forecast (`break-even month 9 · margin 12.5%`), read
 * from the computed model. The lenses carry no command: they inform, they do not act.
 */
export class ProductSpecCodeLensProvider implements CodeLensProvider {
    private readonly models: ModelService;
    private readonly plans: PlanService;

    constructor(services: ProductSpecServices) {
        this.models = services.model.ModelService;
        this.plans = services.model.PlanService;
    }

    /** Waits for the build in progress: the lenses read the whole workspace's model. */
    async provideCodeLens(document: LangiumDocument, _params?: CodeLensParams, cancelToken?: CancellationToken): Promise<CodeLens[]> {
        const model = await this.models.ready(cancelToken);
        const lenses: CodeLens[] = [];
        const planned: Array<{ index: number; release: ReleaseModel }> = [];
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
            if (range && isRelease(node)) {
                const release = model.releases.get(node);
                if (release?.capacity !== undefined) planned.push({ index: lenses.length - 1, release });
            }
        }
        // Each release's plan lens right after its load lens (from the end, so that indices hold).
        for (const { index, release } of planned.reverse()) {
            let title: string | undefined;
            try {
                title = planLensTitle(await this.plans.plan(release.product), release);
            } catch {
                continue; // the documents changed meanwhile: the client asks again
            }
            if (title !== undefined) lenses.splice(index + 1, 0, { range: lenses[index].range, command: { title, command: '' } });
        }
        return lenses;
    }
}

/** The range of a declaration's name (the whole declaration when the name is missing). */
export function nameRange(node: AstNode) {
    return (GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? node.$cstNode)?.range;
}
