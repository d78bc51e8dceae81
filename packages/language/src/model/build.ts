import type { AstNode, LangiumDocument, Reference } from 'langium';
import * as ast from '../generated/ast.js';
import { forecast, metricProgress, moscowScore, opportunityScore, type Driver, type ForecastInputs, type IceMode, type Moscow } from './formulas.js';
import { featureEffort, iceInputsOf, iceOf, kanoOf, riceInputsOf, riceOf, validEstimate, wsjfInputsOf, wsjfOf } from './feature-scores.js';
import { isCalendarDate, RANGES, validValue } from './ranges.js';
import { amount, last, percentage, type Estimate } from './values.js';
import { DEFAULT_WEIGHTS, rankFeatures } from './ranking.js';
import { byName, compareText } from './order.js';
import type {
    FeatureModel, ForecastModel, MetricModel, Method, NeedModel, ProductModel, Ranking, ReleaseModel,
    ScoringModel, Status, StakeholderModel, WorkspaceModel
} from './types.js';

// The model's records are built in steps; these aliases drop `readonly` while building.
type Mutable<T> = { -readonly [K in keyof T]: T[K] };


/**
 * Builds the computed model of a workspace from its linked documents.
 * Documents are taken in URI order so that the result never depends on load order.
 */
export function buildWorkspaceModel(documents: Iterable<LangiumDocument>): WorkspaceModel {
    const roots = [...documents]
        .sort((a, b) => compareText(a.uri.toString(), b.uri.toString()))
        .map(document => document.parseResult.value as ast.Model);

    const productBlocks = new Map<string, ast.Product[]>();
    const sharedStakeholders: ast.Stakeholder[] = [];
    const sharedPersonas: ast.Persona[] = [];
    const sharedMetrics: ast.Metric[] = [];
    for (const root of roots) {
        for (const declaration of root.declarations ?? []) {
            if (ast.isProduct(declaration)) {
                if (!declaration.name) continue;
                const blocks = productBlocks.get(declaration.name) ?? [];
                blocks.push(declaration);
                productBlocks.set(declaration.name, blocks);
            } else if (ast.isStakeholder(declaration)) {
                sharedStakeholders.push(declaration);
            } else if (ast.isPersona(declaration)) {
                sharedPersonas.push(declaration);
            } else if (ast.isMetric(declaration)) {
                sharedMetrics.push(declaration);
            }
        }
    }

    const features = new Map<ast.Feature, FeatureModel>();
    const releases = new Map<ast.Release, ReleaseModel>();
    const metrics = new Map<ast.Metric, MetricModel>();
    const needs = new Map<ast.Need, NeedModel>();
    const stakeholders = new Map<ast.Stakeholder, StakeholderModel>();
    const forecasts = new Map<ast.Forecast, ForecastModel>();

    const newMetric = (node: ast.Metric, product?: ProductModel): MetricModel => {
        const baseline = last(node.baseline);
        const current = last(node.current);
        const target = last(node.target);
        const model: MetricModel = {
            node, name: node.name, title: node.title, product,
            description: last(node.description), unit: last(node.unit), baseline, current, target, targetDate: last(node.targetDate),
            progress: baseline !== undefined && current !== undefined && target !== undefined
                ? metricProgress(baseline, current, target) ?? null : null,
            movedBy: [], objectives: []
        };
        metrics.set(node, model);
        return model;
    };
    const newStakeholder = (node: ast.Stakeholder, product?: ProductModel): StakeholderModel => {
        const model: StakeholderModel = {
            node, name: node.name, title: node.title, product, requested: [],
            group: last(node.group), role: last(node.role), influence: last(node.influence), interest: last(node.interest), description: last(node.description)
        };
        stakeholders.set(node, model);
        return model;
    };

    const shared = {
        stakeholders: sharedStakeholders.filter(node => node.name).map(node => newStakeholder(node)),
        personas: sharedPersonas.filter(node => node.name),
        metrics: sharedMetrics.filter(node => node.name).map(node => newMetric(node))
    };

    // 1. Products and their members.
    const products: Array<Mutable<ProductModel>> = [];
    for (const [name, blocks] of [...productBlocks].sort(([a], [b]) => compareText(a, b))) {
        // A product property given in two blocks is an error (duplicate-property); the first block that gives it counts.
        const first = <K extends 'vision' | 'strategy' | 'manager' | 'stage' | 'currency'>(key: K): ast.Product[K][number] | undefined =>
            last<ast.Product[K][number]>(blocks.find(block => block[key].length > 0)?.[key]);
        const product: Mutable<ProductModel> = {
            name,
            title: blocks.find(block => block.title !== undefined)?.title,
            vision: first('vision'),
            strategy: first('strategy'),
            manager: first('manager')?.ref,
            stage: first('stage'),
            currency: first('currency'),
            blocks,
            scoring: scoringOf(blocks),
            stakeholders: [], personas: [], needs: [], objectives: [], metrics: [], releases: [], features: [], forecasts: [],
            ranking: undefined as unknown as Ranking
        };
        products.push(product);
        for (const block of blocks) {
            for (const member of block.members) {
                // A declaration without a name is a syntax error already reported; it has no place in the model.
                if (!member.name) continue;
                switch (member.$type) {
                    case 'Stakeholder': product.stakeholders.push(newStakeholder(member, product)); break;
                    case 'Persona': product.personas.push(member); break;
                    case 'Objective': product.objectives.push(member); break;
                    case 'Metric': product.metrics.push(newMetric(member, product)); break;
                    case 'Need': {
                        const importance = validEstimate(amount(member.importance), RANGES.importance);
                        const satisfaction = validEstimate(amount(member.satisfaction), RANGES.satisfaction);
                        const need: NeedModel = {
                            node: member, name: member.name, title: member.title, product,
                            description: last(member.description), importance, satisfaction,
                            persona: last(member.persona)?.ref,
                            opportunity: importance !== undefined && satisfaction !== undefined ? opportunityScore(importance.mean, satisfaction.mean) : null,
                            addressedBy: []
                        };
                        needs.set(member, need);
                        product.needs.push(need);
                        break;
                    }
                    case 'Release': {
                        const release: Mutable<ReleaseModel> = {
                            node: member, name: member.name, title: member.title, product,
                            // A date that does not exist (2027-02-30) is an error already reported; the model has no date then.
                            date: dateOf(last(member.date)),
                            dateWritten: last(member.date),
                            description: last(member.description),
                            phase: last(member.phase), capacity: last(member.capacity),
                            features: [], load: 0, mustLoad: 0, mustShare: null
                        };
                        releases.set(member, release);
                        product.releases.push(release);
                        break;
                    }
                    case 'Feature': {
                        const riceInputs = riceInputsOf(member);
                        const iceInputs = iceInputsOf(member, product.scoring.iceMode);
                        const wsjfInputs = wsjfInputsOf(member);
                        const effort = featureEffort(member);
                        const moscow = last(member.moscow) as Moscow | undefined;
                        const feature: FeatureModel = {
                            node: member, name: member.name, title: member.title, product,
                            description: last(member.description),
                            status: (last(member.status) ?? 'idea') as Status,
                            moscow,
                            effort: effort?.mean ?? null,
                            effortEstimate: effort ?? null,
                            riceInputs, iceInputs, wsjfInputs,
                            rice: riceOf(riceInputs),
                            ice: iceOf(iceInputs),
                            wsjf: wsjfOf(wsjfInputs),
                            kano: kanoOf(member),
                            moscowScore: moscowScore(moscow),
                            opportunity: null,
                            requires: [], requiredBy: [], addresses: [], moves: [], requestedBy: [],
                            inCycle: false
                        };
                        features.set(member, feature);
                        product.features.push(feature);
                        break;
                    }
                    case 'Forecast': {
                        const model = forecastOf(member, product);
                        forecasts.set(member, model);
                        product.forecasts.push(model);
                        break;
                    }
                }
            }
        }
    }

    // 2. Links between members (references resolve lazily; unresolved ones are skipped).
    for (const feature of features.values()) {
        const mutable = feature as Mutable<FeatureModel>;
        const node = feature.node;
        const releaseRef = last(node.release)?.ref;
        const release = releaseRef ? releases.get(releaseRef) : undefined;
        if (release) {
            mutable.release = release;
            release.features.push(feature);
        }
        link(node.requires, features, feature.requires, required => required.requiredBy.push(feature));
        link(node.addresses, needs, feature.addresses, need => need.addressedBy.push(feature));
        link(node.moves, metrics, feature.moves, metric => metric.movedBy.push(feature));
        link(node.requestedBy, stakeholders, feature.requestedBy, stakeholder => stakeholder.requested.push(feature));
        // Ulwick: a feature's opportunity is the largest among the needs it addresses.
        const opportunities = feature.addresses.map(need => need.opportunity).filter((o): o is number => o !== null);
        mutable.opportunity = opportunities.length > 0 ? Math.max(...opportunities) : null;
    }
    for (const product of products) {
        for (const objective of product.objectives) {
            for (const reference of objective.metrics) {
                const metric = reference.ref ? metrics.get(reference.ref) : undefined;
                if (metric && !metric.objectives.includes(objective)) metric.objectives.push(objective);
            }
        }
    }

    // 3. Dependency cycles, then release loads and rankings.
    const cycles = findCycles([...features.values()]);
    for (const cycle of cycles) for (const feature of cycle) (feature as Mutable<FeatureModel>).inCycle = true;
    for (const release of releases.values()) {
        const mutable = release as Mutable<ReleaseModel>;
        for (const feature of release.features) {
            if (feature.status === 'dropped') continue;
            mutable.load += feature.effort ?? 0;
            if (feature.moscow === 'must') mutable.mustLoad += feature.effort ?? 0;
        }
        mutable.mustShare = release.load > 0 ? release.mustLoad / release.load : null;
    }
    for (const product of products) {
        product.ranking = rankFeatures(product, product.features, product.scoring.method);
    }

    return {
        products,
        productsByName: new Map(products.map(product => [product.name, product])),
        shared,
        features, releases, metrics, needs, stakeholders, forecasts,
        cycles
    };
}

/**
 * Resolves a list of references into model records (each once, unresolved ones skipped),
 * and records the link on the other side.
 */
function link<N extends AstNode, M>(references: ReadonlyArray<Reference<N>>, models: ReadonlyMap<N, M>, into: M[], back: (target: M) => void): void {
    for (const reference of references) {
        const target = reference.ref ? models.get(reference.ref) : undefined;
        if (target && !into.includes(target)) {
            into.push(target);
            back(target);
        }
    }
}

function scoringOf(blocks: readonly ast.Product[]): ScoringModel {
    const node = blocks.flatMap(block => block.scoring)[0];
    const weights: Partial<Record<Driver, number>> = {};
    for (const weight of node?.weights ?? []) {
        weights[weight.driver as Driver] = (weights[weight.driver as Driver] ?? 0) + weight.value;
    }
    const method = last(node?.method);
    return {
        method: (method ?? 'rice') as Method,
        methodDeclared: method !== undefined,
        iceMode: (last(node?.iceMode) ?? 'average') as IceMode,
        weights: Object.keys(weights).length > 0 ? weights : DEFAULT_WEIGHTS,
        node
    };
}

/** A release's date when it is a real calendar date (2027-02-30 is an error already reported: no date then). */
function dateOf(written: string | undefined): string | undefined {
    return written !== undefined && isCalendarDate(written) ? written : undefined;
}

/** What a forecast needs and does not give (months, price, customers); a scenario may give what its forecast lacks. */
export function missingForecastInputs(node: ast.Forecast, scenario?: ast.Scenario): string[] {
    return (['months', 'price', 'customers'] as const).filter(key => node[key].length === 0 && (scenario?.[key].length ?? 0) === 0);
}

/** The inputs of a forecast that may be ranges (decide.md §2), and the two that are percents. */
export const FORECAST_AMOUNTS = ['price', 'customers', 'fixedCost', 'variableCost'] as const;
export const FORECAST_PERCENTS = ['growth', 'churn'] as const;
export type ForecastInputName = 'months' | typeof FORECAST_AMOUNTS[number] | typeof FORECAST_PERCENTS[number];

/**
 * A forecast's (or a scenario's) computation from its inputs, written as numbers or ranges:
 * the means are computed (decide.md: everything deterministic uses the mean). A scenario
 * takes each input it writes, and the forecast's for the others. Absent growth and churn
 * are 0%, costs 0. An input out of range or written without its `%` is an error already
 * reported: no computation then.
 */
function computeForecast(node: ast.Forecast, scenario: ast.Scenario | undefined): Pick<ForecastModel, 'inputs' | 'estimates' | 'missing' | 'result'> {
    const pick = <K extends ForecastInputName>(key: K): ast.Forecast[K] => (scenario && scenario[key].length > 0 ? scenario[key] : node[key]) as ast.Forecast[K];
    const missing = missingForecastInputs(node, scenario);
    const months = validValue(last(pick('months')), RANGES.months);
    const estimates: Partial<Record<ForecastInputName, Estimate>> = {};
    const amounts: Partial<Record<ForecastInputName, number>> = {};
    let valid = months !== undefined;
    for (const key of FORECAST_AMOUNTS) {
        const written = pick(key);
        const estimate = amount(written);
        if (written.length > 0 && !estimate) valid = false;
        if (estimate) { amounts[key] = estimate.mean; if (estimate.kind !== 'exact') estimates[key] = estimate; }
    }
    for (const key of FORECAST_PERCENTS) {
        const written = pick(key);
        const estimate = validEstimate(percentage(written), RANGES.rate);
        if (written.length > 0 && !estimate) valid = false;
        if (estimate) { amounts[key] = estimate.mean; if (estimate.kind !== 'exact') estimates[key] = estimate; }
    }
    const inputs: ForecastInputs | null = missing.length === 0 && valid
        ? {
            months: months!, price: amounts.price!, customers: amounts.customers!, growth: amounts.growth ?? 0, churn: amounts.churn ?? 0,
            fixedCost: amounts.fixedCost ?? 0, variableCost: amounts.variableCost ?? 0
        }
        : null;
    return { inputs, estimates, missing, result: inputs ? forecast(inputs) : null };
}

function forecastOf(node: ast.Forecast, product: ProductModel): ForecastModel {
    return {
        node, name: node.name, title: node.title, product, description: last(node.description),
        ...computeForecast(node, undefined),
        scenarios: node.scenarios.filter(scenario => scenario.name).map(scenario => ({
            node: scenario, name: scenario.name, title: scenario.title, description: last(scenario.description),
            ...computeForecast(node, scenario)
        }))
    };
}

/**
 * Strongly connected components of `requires` with more than one feature, or a feature
 * requiring itself (Tarjan 1972, iterative).
 */
export function findCycles(features: readonly FeatureModel[]): FeatureModel[][] {
    const index = new Map<FeatureModel, number>();
    const low = new Map<FeatureModel, number>();
    const onStack = new Set<FeatureModel>();
    const stack: FeatureModel[] = [];
    const cycles: FeatureModel[][] = [];
    let counter = 0;
    for (const root of features) {
        if (index.has(root)) continue;
        const work: Array<{ feature: FeatureModel; next: number }> = [{ feature: root, next: 0 }];
        index.set(root, counter); low.set(root, counter); counter++;
        stack.push(root); onStack.add(root);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const { feature } = frame;
            if (frame.next < feature.requires.length) {
                const required = feature.requires[frame.next++];
                if (!index.has(required)) {
                    index.set(required, counter); low.set(required, counter); counter++;
                    stack.push(required); onStack.add(required);
                    work.push({ feature: required, next: 0 });
                } else if (onStack.has(required)) {
                    low.set(feature, Math.min(low.get(feature)!, index.get(required)!));
                }
                continue;
            }
            work.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1].feature;
                low.set(parent, Math.min(low.get(parent)!, low.get(feature)!));
            }
            if (low.get(feature) === index.get(feature)) {
                const component: FeatureModel[] = [];
                let member: FeatureModel;
                do {
                    member = stack.pop()!;
                    onStack.delete(member);
                    component.push(member);
                } while (member !== feature);
                if (component.length > 1 || feature.requires.includes(feature)) {
                    cycles.push(component.sort(byName));
                }
            }
        }
    }
    return cycles;
}

/** Ranks a product by another method than its own (the CLI's `--method`). */
export function rankProductBy(product: ProductModel, method: Method): Ranking {
    return method === product.ranking.method ? product.ranking : rankFeatures(product, product.features, method);
}
