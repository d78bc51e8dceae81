import { DRIVERS, KANO_DRIVER_VALUE, weightedTerms, type Driver, type WeightedTerm } from './formulas.js';
import type { FeatureModel, Method, ProductModel, RankedFeature, Ranking, WeightedBreakdown } from './types.js';

/** The contract's example weights, used by `weighted` when a product declares none. */
export const DEFAULT_WEIGHTS: Partial<Record<Driver, number>> = { rice: 0.4, wsjf: 0.3, kano: 0.1, opportunity: 0.2 };

/** A feature's value for one weighted-scoring driver (null: no input). */
export function driverValue(feature: FeatureModel, driver: Driver): number | null {
    switch (driver) {
        case 'rice': return feature.rice;
        case 'ice': return feature.ice;
        case 'wsjf': return feature.wsjf;
        case 'kano': return feature.kano ? KANO_DRIVER_VALUE[feature.kano.category] : null;
        case 'moscow': return feature.moscowScore;
        case 'opportunity': return feature.opportunity;
    }
}

/** Each driver's largest value among the product's features (the divisor of weighted scoring). */
export function driverMaxima(features: readonly FeatureModel[]): Partial<Record<Driver, number>> {
    const maxima: Partial<Record<Driver, number>> = {};
    for (const driver of DRIVERS) {
        for (const feature of features) {
            const value = driverValue(feature, driver);
            if (value !== null && (maxima[driver] === undefined || value > maxima[driver]!)) maxima[driver] = value;
        }
    }
    return maxima;
}

/** The terms of a feature's weighted score (for the score and for its explanation). */
export function featureWeightedTerms(feature: FeatureModel, weighted: WeightedBreakdown | undefined): WeightedTerm[] {
    const values: Partial<Record<Driver, number | null>> = {};
    for (const driver of DRIVERS) values[driver] = driverValue(feature, driver);
    return weightedTerms(values, weighted?.maxima ?? {}, weighted?.weights ?? {});
}

/** A feature's own score by a method (null when its inputs are missing or invalid). */
export function ownScore(feature: FeatureModel, method: Method, weighted?: WeightedBreakdown): number | null {
    switch (method) {
        case 'rice': return feature.rice;
        case 'ice': return feature.ice;
        case 'wsjf': return feature.wsjf;
        case 'kano': return feature.kano ? KANO_DRIVER_VALUE[feature.kano.category] : null;
        case 'moscow': return feature.moscowScore;
        case 'weighted':
            return featureWeightedTerms(feature, weighted).reduce((sum, t) => sum + t.term, 0);
    }
}

function isRanked(feature: FeatureModel): boolean {
    return feature.status !== 'shipped' && feature.status !== 'dropped';
}

const MOSCOW_ORDER: Record<string, number> = { must: 0, should: 1, could: 2, wont: 3 };

/**
 * Tie rules after the effective score (language contract): MoSCoW (must first), smaller
 * effort (unknown last), name A→Z. "Prerequisite first" is enforced by the topological order.
 */
function compareTies(a: FeatureModel, b: FeatureModel): number {
    const moscow = (MOSCOW_ORDER[a.moscow ?? ''] ?? 4) - (MOSCOW_ORDER[b.moscow ?? ''] ?? 4);
    if (moscow !== 0) return moscow;
    const effortA = a.effort ?? Infinity;
    const effortB = b.effort ?? Infinity;
    if (effortA !== effortB) return effortA < effortB ? -1 : 1;
    const lowerA = a.name.toLowerCase();
    const lowerB = b.name.toLowerCase();
    if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function compareScores(a: number | null, b: number | null): number {
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    return b - a;
}

/**
 * Ranks a product's features by a method (language contract, "Effective score and rank"):
 * effective score = max(own score, effective scores of the features that require it),
 * except on a dependency cycle where a feature keeps its own score; then order by effective
 * score, highest first, never placing a feature before one it requires; remaining ties go
 * prerequisite first, MoSCoW, smaller effort, name A→Z. Shipped and dropped features are
 * listed after the ranked ones, without a rank; unscored features rank after scored ones.
 */
export function rankFeatures(product: ProductModel, features: readonly FeatureModel[], method: Method): Ranking {
    const weighted: WeightedBreakdown | undefined = method === 'weighted'
        ? { weights: product.scoring.weights, maxima: driverMaxima(features) }
        : undefined;
    const own = new Map<FeatureModel, number | null>();
    for (const feature of features) own.set(feature, ownScore(feature, method, weighted));

    const inProduct = new Set(features);
    const effective = effectiveScores(features, own, inProduct);

    // Kahn's algorithm over the ranked features, taking the best available feature each step.
    const ranked = features.filter(isRanked);
    const rankedSet = new Set(ranked);
    const blockers = new Map<FeatureModel, number>();
    const dependents = new Map<FeatureModel, FeatureModel[]>();
    for (const feature of ranked) {
        let count = 0;
        for (const prerequisite of new Set(feature.requires)) {
            // Edges into a cycle are ignored: its features rank by their own scores.
            if (prerequisite === feature || prerequisite.inCycle || !rankedSet.has(prerequisite)) continue;
            count++;
            let list = dependents.get(prerequisite);
            if (!list) dependents.set(prerequisite, list = []);
            list.push(feature);
        }
        blockers.set(feature, count);
    }
    const better = (a: FeatureModel, b: FeatureModel) => {
        const byScore = compareScores(effective.get(a)!.score, effective.get(b)!.score);
        return byScore !== 0 ? byScore < 0 : compareTies(a, b) < 0;
    };
    const available = new Heap<FeatureModel>(better);
    for (const feature of ranked) if (blockers.get(feature) === 0) available.push(feature);
    const order: FeatureModel[] = [];
    while (available.size > 0) {
        const next = available.pop()!;
        order.push(next);
        for (const dependent of dependents.get(next) ?? []) {
            const left = blockers.get(dependent)! - 1;
            blockers.set(dependent, left);
            if (left === 0) available.push(dependent);
        }
    }

    const entries: RankedFeature[] = [];
    const byFeature = new Map<FeatureModel, RankedFeature>();
    const add = (feature: FeatureModel, rank: number | null) => {
        const eff = effective.get(feature)!;
        const entry: RankedFeature = { feature, score: own.get(feature)!, effectiveScore: eff.score, inheritedFrom: eff.from, rank };
        entries.push(entry);
        byFeature.set(feature, entry);
    };
    order.forEach((feature, index) => add(feature, index + 1));
    const unranked = features.filter(feature => !isRanked(feature))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const feature of unranked) add(feature, null);
    return { method, entries, byFeature, rankedCount: order.length, weighted };
}

interface Effective { score: number | null; from?: FeatureModel }

/**
 * Effective scores, computed from the features that require others down to their
 * prerequisites (iterative depth-first, so deep chains cannot overflow the stack).
 */
function effectiveScores(features: readonly FeatureModel[], own: Map<FeatureModel, number | null>, inProduct: Set<FeatureModel>): Map<FeatureModel, Effective> {
    const result = new Map<FeatureModel, Effective>();
    for (const root of features) {
        if (result.has(root)) continue;
        const stack: Array<{ feature: FeatureModel; expanded: boolean }> = [{ feature: root, expanded: false }];
        while (stack.length > 0) {
            const top = stack[stack.length - 1];
            const feature = top.feature;
            if (result.has(feature)) { stack.pop(); continue; }
            const requirers = feature.inCycle ? [] : feature.requiredBy.filter(r => r !== feature && inProduct.has(r));
            if (!top.expanded) {
                top.expanded = true;
                for (const requirer of requirers) {
                    if (!result.has(requirer)) stack.push({ feature: requirer, expanded: false });
                }
                continue;
            }
            stack.pop();
            let best: Effective = { score: own.get(feature) ?? null };
            for (const requirer of [...requirers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
                const candidate = result.get(requirer)!;
                if (candidate.score !== null && (best.score === null || candidate.score > best.score)) {
                    best = { score: candidate.score, from: requirer };
                }
            }
            result.set(feature, best);
        }
    }
    return result;
}

/** A binary heap; `before(a, b)` says whether a comes out first. */
class Heap<T> {
    private readonly items: T[] = [];
    constructor(private readonly before: (a: T, b: T) => boolean) { }
    get size(): number { return this.items.length; }
    push(item: T): void {
        const items = this.items;
        items.push(item);
        let i = items.length - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (!this.before(items[i], items[parent])) break;
            [items[i], items[parent]] = [items[parent], items[i]];
            i = parent;
        }
    }
    pop(): T | undefined {
        const items = this.items;
        if (items.length === 0) return undefined;
        const top = items[0];
        const last = items.pop()!;
        if (items.length > 0) {
            items[0] = last;
            let i = 0;
            for (;;) {
                const left = 2 * i + 1;
                const right = left + 1;
                let best = i;
                if (left < items.length && this.before(items[left], items[best])) best = left;
                if (right < items.length && this.before(items[right], items[best])) best = right;
                if (best === i) break;
                [items[i], items[best]] = [items[best], items[i]];
                i = best;
            }
        }
        return top;
    }
}
