import { DRIVERS, KANO_DRIVER_VALUE, weightedTerms, type Driver, type WeightedTerm } from './formulas.js';
import type { FeatureModel, Method, ProductModel, RankedFeature, Ranking, WeightedBreakdown } from './types.js';
import { compareText } from './order.js';

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

/** Names A→Z case-insensitively, then as written (`Auth` before `auth`). */
export function compareNames(a: string, b: string): number {
    const lowerA = a.toLowerCase();
    const lowerB = b.toLowerCase();
    if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
    return compareText(a, b);
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
    const count = features.length;
    const indexOf = new Map<FeatureModel, number>();
    features.forEach((feature, index) => indexOf.set(feature, index));
    const own = features.map(feature => ownScore(feature, method, weighted));
    const { effective, from } = effectiveScores(features, own, indexOf);

    // The tie rules as one precomputed order: MoSCoW (must first), smaller effort (unknown
    // last), name A→Z. "Prerequisite first" is enforced by the topological order below.
    const byTies = features.map((_, index) => index).sort((a, b) => {
        const fa = features[a];
        const fb = features[b];
        const moscow = (MOSCOW_ORDER[fa.moscow ?? ''] ?? 4) - (MOSCOW_ORDER[fb.moscow ?? ''] ?? 4);
        if (moscow !== 0) return moscow;
        const effortA = fa.effort ?? Infinity;
        const effortB = fb.effort ?? Infinity;
        if (effortA !== effortB) return effortA < effortB ? -1 : 1;
        return compareNames(fa.name, fb.name) || a - b;
    });
    const tieRank = new Int32Array(count);
    byTies.forEach((index, position) => { tieRank[index] = position; });
    const before = (a: number, b: number): boolean => {
        const sa = effective[a];
        const sb = effective[b];
        if (sa !== sb) {
            if (sa === null) return false;
            if (sb === null) return true;
            return sa > sb;
        }
        return tieRank[a] < tieRank[b];
    };

    // Kahn's algorithm over the ranked features, taking the best available feature each step.
    const ranked = new Uint8Array(count);
    features.forEach((feature, index) => { ranked[index] = isRanked(feature) ? 1 : 0; });
    const blockers = new Int32Array(count);
    const dependents: number[][] = features.map(() => []);
    features.forEach((feature, index) => {
        if (!ranked[index]) return;
        const seen = new Set<number>();
        for (const prerequisite of feature.requires) {
            const p = indexOf.get(prerequisite);
            // Edges into a cycle are ignored: its features rank by their own scores.
            if (p === undefined || p === index || prerequisite.inCycle || !ranked[p] || seen.has(p)) continue;
            seen.add(p);
            blockers[index]++;
            dependents[p].push(index);
        }
    });
    const available = new Heap<number>(before);
    for (let index = 0; index < count; index++) if (ranked[index] && blockers[index] === 0) available.push(index);
    const order: number[] = [];
    while (available.size > 0) {
        const next = available.pop()!;
        order.push(next);
        for (const dependent of dependents[next]) {
            if (--blockers[dependent] === 0) available.push(dependent);
        }
    }

    const entries: RankedFeature[] = [];
    const byFeature = new Map<FeatureModel, RankedFeature>();
    const add = (index: number, rank: number | null) => {
        const feature = features[index];
        const entry: RankedFeature = { feature, score: own[index], effectiveScore: effective[index], inheritedFrom: from[index], rank };
        entries.push(entry);
        byFeature.set(feature, entry);
    };
    order.forEach((index, position) => add(index, position + 1));
    const unranked = features.map((_, index) => index).filter(index => !ranked[index])
        .sort((a, b) => compareText(features[a].name, features[b].name));
    for (const index of unranked) add(index, null);
    return { method, entries, byFeature, rankedCount: order.length, weighted };
}

/**
 * Effective scores, computed from the features that require others down to their
 * prerequisites (iterative depth-first, so deep chains cannot overflow the stack). Among
 * requirers with the same best score, the first by name is the one inherited from.
 */
function effectiveScores(features: readonly FeatureModel[], own: ReadonlyArray<number | null>, indexOf: ReadonlyMap<FeatureModel, number>): { effective: Array<number | null>; from: Array<FeatureModel | undefined> } {
    const count = features.length;
    const effective: Array<number | null> = new Array(count).fill(null);
    const from: Array<FeatureModel | undefined> = new Array(count).fill(undefined);
    const done = new Uint8Array(count);
    const requirersOf = (index: number): number[] => {
        const feature = features[index];
        if (feature.inCycle) return [];
        const result: number[] = [];
        for (const requirer of feature.requiredBy) {
            const r = indexOf.get(requirer);
            if (r !== undefined && r !== index) result.push(r);
        }
        return result;
    };
    for (let root = 0; root < count; root++) {
        if (done[root]) continue;
        const stack: Array<{ index: number; requirers: number[] | undefined }> = [{ index: root, requirers: undefined }];
        while (stack.length > 0) {
            const top = stack[stack.length - 1];
            if (done[top.index]) { stack.pop(); continue; }
            if (!top.requirers) {
                top.requirers = requirersOf(top.index);
                for (const requirer of top.requirers) if (!done[requirer]) stack.push({ index: requirer, requirers: undefined });
                continue;
            }
            stack.pop();
            let best = own[top.index];
            let bestFrom: FeatureModel | undefined;
            for (const r of top.requirers) {
                const candidate = effective[r];
                if (candidate === null) continue;
                const requirer = features[r];
                if (best === null || candidate > best || (bestFrom && candidate === best && requirer.name < bestFrom.name)) {
                    best = candidate;
                    bestFrom = requirer;
                }
            }
            effective[top.index] = best;
            from[top.index] = bestFrom;
            done[top.index] = 1;
        }
    }
    return { effective, from };
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
