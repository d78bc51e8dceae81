import { AstUtils, GrammarAST, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { formatNumber, formatPercent, methodLabel } from '../model/display.js';
import { editorRankUncertainty } from '../model/uncertainty.js';
import { last } from '../model/values.js';
import type { ModelService } from '../model/model-service.js';
import type {
    FeatureModel, ForecastCase, ForecastModel, MetricModel, NeedModel, ProductModel, ReleaseModel, StakeholderModel, WorkspaceModel
} from '../model/types.js';
import type { ProductSpecServices } from '../product-spec-module.js';
import {
    drawnRankText, featureRangesText, forecastCaseSummary, forecastMissing, forecastRangesText, inheritanceText, metricProgressText, money, nameFrom, opportunityArithmetic, rankText,
    releaseLoadText, scoreArithmetic, withUnit
} from '../text/explain.js';
import { escapeMarkdown, mdName, nameList } from '../text/markdown.js';
import { drawsEnabled } from './settings.js';
import { keywordDoc } from './vocabulary.js';

/**
 * Hover over a declaration's name or any reference to it: what the computed model says
 * about it (scores with their arithmetic, rank and why it moved, release load, metric
 * progress, opportunity, forecast totals). Over a keyword: what the property means.
 */
export class ProductSpecHoverProvider extends AstNodeHoverProvider {
    private readonly models: ModelService;
    private readonly configuration: ProductSpecServices['shared']['workspace']['ConfigurationProvider'];

    constructor(services: ProductSpecServices) {
        super(services);
        this.models = services.model.ModelService;
        this.configuration = services.shared.workspace.ConfigurationProvider;
    }

    private draws = true;

    /** Waits for the build in progress: the hover reads the whole workspace's model. */
    override async getHoverContent(document: LangiumDocument, params: HoverParams, cancelToken?: CancellationToken): Promise<Hover | undefined> {
        await this.models.ready(cancelToken);
        this.draws = await drawsEnabled(this.configuration);
        return super.getHoverContent(document, params);
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        return hoverMarkdown(this.models.model, node, { draws: this.draws });
    }

    protected override getKeywordHoverContent(keyword: GrammarAST.Keyword): MaybePromise<Hover | undefined> {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        const doc = rule ? keywordDoc(rule.name, keyword.value) : undefined;
        return doc ? { contents: { kind: 'markdown', value: `**${keyword.value}**: ${doc}` } } : undefined;
    }
}

export interface HoverOptions {
    /** Show how sure a rank is over the draws of the ranges (decide.md §2). */
    readonly draws?: boolean;
}

/** The hover of a declaration, in markdown; undefined for nodes the model does not know. */
export function hoverMarkdown(model: WorkspaceModel, node: AstNode, options: HoverOptions = {}): string | undefined {
    if (ast.isFeature(node)) return feature(model.features.get(node), options.draws ?? false);
    if (ast.isRelease(node)) return release(model.releases.get(node));
    if (ast.isMetric(node)) return metric(model.metrics.get(node));
    if (ast.isNeed(node)) return need(model.needs.get(node));
    if (ast.isStakeholder(node)) return stakeholder(model, model.stakeholders.get(node));
    if (ast.isForecast(node)) return forecast(model.forecasts.get(node));
    if (ast.isScenario(node)) return scenario(model, node);
    if (ast.isProduct(node)) return product(model.productsByName.get(node.name));
    if (ast.isPersona(node)) return persona(model, node);
    if (ast.isObjective(node)) return objective(model, node);
    return undefined;
}

/** `**Title** · kind name of product`, or `**kind name** of product` without a title. */
function header(kind: string, declaration: { name: string; title?: string; product?: ProductModel }): string {
    const of = declaration.product ? ` of ${mdName(declaration.product.name)}` : '';
    return declaration.title
        ? `**${escapeMarkdown(declaration.title)}** · ${kind} ${mdName(declaration.name)}${of}`
        : `**${kind} ${mdName(declaration.name)}**${of}`;
}

function paragraphs(...parts: Array<string | undefined | false>): string {
    return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join('\n\n');
}

function line(...parts: Array<string | undefined | false>): string | undefined {
    const present = parts.filter((part): part is string => typeof part === 'string' && part.length > 0);
    return present.length > 0 ? present.join(' · ') : undefined;
}

function names(items: ReadonlyArray<{ name: string; product?: ProductModel }>, from: ProductModel | undefined): string {
    return nameList(items.map(item => nameFrom(item, from)));
}

function feature(model: FeatureModel | undefined, draws: boolean): string | undefined {
    if (!model) return undefined;
    const product = model.product;
    const ranking = product.ranking;
    const entry = ranking.byFeature.get(model);
    const kano = model.kano
        ? `Kano ${model.kano.category}${model.kano.better !== null && model.kano.worse !== null
            ? ` (better ${formatNumber(model.kano.better)}, worse ${formatNumber(model.kano.worse)})` : ''}`
        : undefined;
    const release = model.release
        ? `release ${mdName(nameFrom(model.release, product))}${model.release.date ? ` (${model.release.date})` : ''}`
        : undefined;
    const addresses = model.addresses.length > 0
        ? `addresses ${model.addresses.map(need => `${mdName(nameFrom(need, product))}${need.opportunity !== null ? ` (opportunity ${formatNumber(need.opportunity)})` : ''}`).join(', ')}`
        : undefined;
    return paragraphs(
        header('feature', model),
        scoreArithmetic(model, ranking),
        rangesLine(featureRangesText(model)),
        entry && line(rankText(entry, ranking), entry.rank !== null && draws ? drawnText(model) : undefined, inheritanceText(entry), model.inCycle ? 'on a dependency cycle: ranked by its own score' : undefined),
        line(kano, model.moscow && `MoSCoW ${model.moscow}`, `status ${model.status}`,
            model.effort !== null ? `effort ${formatNumber(model.effort)}` : undefined, release),
        line(addresses,
            model.moves.length > 0 && `moves ${names(model.moves, product)}`,
            model.requestedBy.length > 0 && `requested by ${names(model.requestedBy, product)}`),
        line(model.requires.length > 0 && `requires ${names(model.requires, product)}`,
            model.requiredBy.length > 0 && `required by ${names(model.requiredBy, product)}`)
    );
}

function release(model: ReleaseModel | undefined): string | undefined {
    if (!model) return undefined;
    return paragraphs(
        header('release', model),
        line(model.date, model.phase && `phase ${model.phase}`),
        releaseLoadText(model, ' person-months'),
        model.features.length > 0 && `features: ${model.features.map(f => `${mdName(nameFrom(f, model.product))}${f.status === 'dropped' ? ' (dropped)' : ''}`).join(', ')}`
    );
}

function metric(model: MetricModel | undefined): string | undefined {
    if (!model) return undefined;
    const unit = model.unit === undefined ? undefined : escapeMarkdown(model.unit);
    const target = `target ${withUnit(model.target, unit)}${model.targetDate ? ` by ${model.targetDate}` : ''}`;
    const objectives = model.objectives.map(objective => objective.name);
    return paragraphs(
        header('metric', model),
        line(`baseline ${withUnit(model.baseline, unit)} → current ${withUnit(model.current, unit)} → ${target}`,
            metricProgressText(model)),
        line(model.movedBy.length > 0 ? `moved by ${names(model.movedBy, model.product)}` : 'no feature moves it',
            objectives.length > 0 && `${objectives.length === 1 ? 'objective' : 'objectives'} ${nameList(objectives)}`)
    );
}

function need(model: NeedModel | undefined): string | undefined {
    if (!model) return undefined;
    const arithmetic = opportunityArithmetic(model);
    return paragraphs(
        header('need', model),
        arithmetic ? `opportunity = ${arithmetic}` : 'opportunity: needs importance and satisfaction, each 0..10',
        line(model.persona && `persona ${mdName(model.persona.name)}`,
            model.addressedBy.length > 0 ? `addressed by ${names(model.addressedBy, model.product)}` : 'no feature addresses it')
    );
}

function stakeholder(workspace: WorkspaceModel, model: StakeholderModel | undefined): string | undefined {
    if (!model) return undefined;
    const node = model.node;
    const manages = workspace.products.filter(product => product.manager === node).map(product => product.name);
    return paragraphs(
        header('stakeholder', model),
        line(model.group && `group ${model.group}`, model.role && `role ${escapeMarkdown(model.role)}`,
            model.influence && `influence ${model.influence}`, model.interest && `interest ${model.interest}`),
        line(manages.length > 0 && `manager of ${nameList(manages)}`,
            model.requested.length > 0 && `requested ${names(model.requested, model.product)}`)
    );
}

function forecast(model: ForecastModel | undefined): string | undefined {
    if (!model) return undefined;
    const scenarios = model.scenarios.map(scenario =>
        `- scenario ${mdName(scenario.name)}${scenario.title ? ` (${escapeMarkdown(scenario.title)})` : ''}: ${escapeMarkdown(forecastCaseSummary(scenario))}`);
    return paragraphs(forecastCase('forecast', model, model.product), scenarios.join('\n'));
}

/** Hover on a scenario: its own figures (decide.md §3). */
function scenario(model: WorkspaceModel, node: ast.Scenario): string | undefined {
    const parent = model.forecasts.get(node.$container);
    const own = parent?.scenarios.find(candidate => candidate.node === node);
    return parent && own ? paragraphs(forecastCase('scenario', own, parent.product), `of forecast ${mdName(parent.name)}`) : undefined;
}

/** How sure the rank is, when the product has ranges: "80% of draws between 2 and 5". */
function drawnText(model: FeatureModel): string | undefined {
    const drawn = editorRankUncertainty(model.product);
    if (drawn.kind === 'too-big') return `draws off for ${formatNumber(drawn.ranked)} ranked features: \`product-spec rank --uncertainty\` gives them`;
    const mine = drawn.kind === 'drawn' ? drawn.ranks.get(model) : undefined;
    return mine ? drawnRankText(mine) : undefined;
}

/** "ranges: reach 2,000..6,000 (mean 4,000) · ..." (decide.md §2), or nothing without ranges. */
function rangesLine(texts: string[]): string | undefined {
    return texts.length > 0 ? `ranges: ${texts.join(' · ')}` : undefined;
}

function forecastCase(kind: string, model: ForecastCase, product: ProductModel): string {
    const result = model.result;
    if (!result) return paragraphs(header(kind, { ...model, product }), `cannot be computed: ${forecastMissing(model)}`);
    const months = result.months.length;
    const { revenue, cost, profit, margin } = result.totals;
    return paragraphs(
        header(kind, { ...model, product }),
        line(`${months} months`, `revenue ${money(revenue, product)}`, `cost ${money(cost, product)}`,
            `profit ${money(profit, product)}`, margin !== null && `margin ${formatPercent(margin)}`),
        line(result.breakEvenMonth !== null ? `break-even month ${result.breakEvenMonth}` : `no month with profit ≥ 0 in ${months} months`,
            result.cumulativeBreakEvenMonth !== null
                ? `cumulative break-even month ${result.cumulativeBreakEvenMonth}`
                : `no cumulative break-even in ${months} months`),
        rangesLine(forecastRangesText(model))
    );
}

function product(model: ProductModel | undefined): string | undefined {
    if (!model) return undefined;
    const ranking = model.ranking;
    const top = ranking.entries.filter(entry => entry.rank !== null).slice(0, 3)
        .map(entry => `#${entry.rank} ${mdName(entry.feature.name)} (${entry.effectiveScore === null ? 'unscored' : formatNumber(entry.effectiveScore)})`);
    return paragraphs(
        header('product', model),
        model.vision && escapeMarkdown(model.vision),
        line(model.stage && `stage ${model.stage}`, `ranks by ${methodLabel(ranking.method)}`,
            `${model.features.length} ${model.features.length === 1 ? 'feature' : 'features'}, ${ranking.rankedCount} ranked`),
        top.length > 0 && `top: ${top.join(', ')}`
    );
}

function productOfNode(model: WorkspaceModel, node: AstNode): ProductModel | undefined {
    const block = AstUtils.getContainerOfType(node.$container, ast.isProduct);
    return block ? model.productsByName.get(block.name) : undefined;
}

function persona(model: WorkspaceModel, node: ast.Persona): string {
    const product = productOfNode(model, node);
    const needs = [...model.needs.values()].filter(need => need.persona === node);
    return paragraphs(
        header('persona', { name: node.name, title: node.title, product }),
        last(node.size) !== undefined && `size ${formatNumber(last(node.size))}`,
        needs.length > 0 && `needs ${names(needs, product)}`
    );
}

function objective(model: WorkspaceModel, node: ast.Objective): string {
    const product = productOfNode(model, node);
    const metrics = node.metrics.map(reference => reference.ref && model.metrics.get(reference.ref))
        .filter((metric): metric is MetricModel => metric !== undefined);
    return paragraphs(
        header('objective', { name: node.name, title: node.title, product }),
        metrics.length > 0 && `measured by ${metrics.map(metric => {
            const progress = metricProgressText(metric);
            return `${mdName(nameFrom(metric, product))}${progress ? ` (${progress})` : ''}`;
        }).join(', ')}`
    );
}
