import type { FeatureModel, ProductModel, Ranking, ReleaseModel } from '../types.js';
import { decimalScale, exactValues, toUnits } from './exact.js';
import type { SolverInput } from './solver.js';
import { compareNames } from '../ranking.js';

/** Why the plan leaves an open feature out (decide.md §1). */
export type UnplannedReason = 'capacity' | 'no-effort' | 'prerequisite' | 'requires-dropped' | 'cycle';

/**
 * A product's planning problem: which open features are kept where the spec puts them,
 * which cannot be placed and why, and the rest as the solver's items, in rank order.
 */
export interface PlanProblem {
    readonly product: ProductModel;
    readonly ranking: Ranking;
    /** The releases a plan lists, in plan order: the product's own, then others' that hold its features, by date. */
    readonly releases: ReleaseModel[];
    /** The releases with a capacity (the solver's stages), in plan order. */
    readonly stages: ReleaseModel[];
    /** Open features that stay where the spec puts them: `building` ones, and those in a release without capacity. */
    readonly fixed: FeatureModel[];
    /** Open features the planner cannot place, with the reason. */
    readonly excluded: ReadonlyMap<FeatureModel, UnplannedReason>;
    /** The features the solver places (its items), in rank order. */
    readonly items: FeatureModel[];
    /** Units per person-month of the exact effort arithmetic. */
    readonly scale: number;
    readonly input: SolverInput;
}

export function isOpen(feature: FeatureModel): boolean {
    return feature.status === 'idea' || feature.status === 'planned' || feature.status === 'building';
}

/** An effort the planner can count: known, finite and above 0. */
export function knownEffort(feature: FeatureModel): number | null {
    return feature.effort !== null && Number.isFinite(feature.effort) && feature.effort > 0 ? feature.effort : null;
}

/** Names A→Z case-insensitively, then by code point (as the ranking compares them). */
export { compareNames };

/** Plan order of releases: by date, undated ones last; ties by name (then product name). */
export function compareReleases(a: ReleaseModel, b: ReleaseModel): number {
    if (a.date !== b.date) {
        if (a.date === undefined) return 1;
        if (b.date === undefined) return -1;
        return a.date < b.date ? -1 : 1;
    }
    return compareNames(a.name, b.name) || compareNames(a.product.name, b.product.name);
}

export function buildProblem(product: ProductModel, ranking: Ranking): PlanProblem {
    const own = [...product.releases].sort(compareReleases);
    const orderOf = new Map(own.map((release, index) => [release, index]));
    const stages = own.filter(release => release.capacity !== undefined);
    const stageOf = new Map(stages.map((release, index) => [release, index]));
    const K = stages.length;
    // Dated stages come first, in date order.
    const datedStages = stages.filter(release => release.date !== undefined).length;
    const firstDatedOnOrAfter = (date: string) => {
        const index = stages.findIndex(release => release.date !== undefined && release.date >= date);
        return index < 0 ? K : index;
    };
    const firstStageFrom = (order: number) => {
        const index = stages.findIndex(release => orderOf.get(release)! >= order);
        return index < 0 ? K : index;
    };
    const lastStageUpTo = (order: number) => {
        let last = -1;
        stages.forEach((release, index) => { if (orderOf.get(release)! <= order) last = index; });
        return last;
    };

    const open = ranking.entries.map(entry => entry.feature).filter(isOpen);
    const fixed = open.filter(feature => feature.release !== undefined && (feature.status === 'building' || !stageOf.has(feature.release)));
    const fixedSet = new Set(fixed);
    const movable = open.filter(feature => !fixedSet.has(feature));
    const movableSet = new Set(movable);

    const excluded = new Map<FeatureModel, UnplannedReason>();
    const lo = new Map<FeatureModel, number>();
    /** The last stage the prerequisites allow, and the last one a pinned feature requiring it allows. */
    const hiPrerequisite = new Map<FeatureModel, number>();
    const hi = new Map<FeatureModel, number>();
    const prerequisiteFails = new Set<FeatureModel>();

    // 1. Each feature's own reasons and the constraints from prerequisites that do not move.
    for (const feature of movable) {
        if (feature.inCycle) excluded.set(feature, 'cycle');
        else if (feature.requires.some(required => required.status === 'dropped')) excluded.set(feature, 'requires-dropped');
        else if (knownEffort(feature) === null) excluded.set(feature, 'no-effort');
        let low = 0;
        let high = K - 1;
        for (const required of new Set(feature.requires)) {
            if (required === feature || !isOpen(required) || movableSet.has(required)) continue;
            // A prerequisite that stays where its spec puts it: this product's pinned feature, or another product's.
            const release = required.release;
            if (required.product === product && release !== undefined && orderOf.has(release)) {
                low = Math.max(low, firstStageFrom(orderOf.get(release)!));
            } else if (release?.date !== undefined) {
                low = Math.max(low, firstDatedOnOrAfter(release.date));
                high = Math.min(high, datedStages - 1);
            } else {
                prerequisiteFails.add(feature);
            }
        }
        lo.set(feature, low);
        hiPrerequisite.set(feature, high);
        hi.set(feature, high);
    }
    // A pinned feature keeps its movable prerequisites in its release or an earlier one.
    for (const feature of fixed) {
        const order = orderOf.get(feature.release!);
        if (order === undefined) continue;
        for (const required of feature.requires) {
            if (movableSet.has(required)) hi.set(required, Math.min(hi.get(required)!, lastStageUpTo(order)));
        }
    }
    // 2. In rank order (prerequisites first): unplaceable prerequisites, and domains after theirs.
    for (const feature of movable) {
        if (excluded.has(feature)) continue;
        let low = lo.get(feature)!;
        let failed = prerequisiteFails.has(feature);
        for (const required of feature.requires) {
            if (required === feature || !movableSet.has(required)) continue;
            if (excluded.has(required)) failed = true;
            else low = Math.max(low, lo.get(required)!);
        }
        lo.set(feature, low);
        // No release at all is a matter of capacity; none late enough for the prerequisites, of prerequisites.
        if (failed || (K > 0 && low > hiPrerequisite.get(feature)!)) excluded.set(feature, 'prerequisite');
        else if (low > hi.get(feature)!) excluded.set(feature, 'capacity');
    }

    const items = movable.filter(feature => !excluded.has(feature));
    const itemIndex = new Map(items.map((feature, index) => [feature, index]));
    const fixedInStages = fixed.filter(feature => stageOf.has(feature.release!));
    const scale = decimalScale([
        ...stages.map(release => release.capacity!),
        ...items.map(feature => feature.effort!),
        ...fixedInStages.map(feature => knownEffort(feature) ?? 0)
    ]);
    const capacity = stages.map(release => toUnits(release.capacity!, scale));
    for (const feature of fixedInStages) capacity[stageOf.get(feature.release!)!] -= toUnits(knownEffort(feature) ?? 0, scale);
    const scores = items.map(feature => {
        const score = ranking.byFeature.get(feature)?.score ?? null;
        return score !== null && Number.isFinite(score) ? score : 0;
    });
    const exact = exactValues(scores);
    const input: SolverInput = {
        stages: K,
        capacity,
        effort: items.map(feature => toUnits(feature.effort!, scale)),
        score: scores,
        scoreExact: exact.integers,
        scoreExponent: exact.exponent,
        must: items.map(feature => feature.moscow === 'must'),
        lo: items.map(feature => lo.get(feature)!),
        hi: items.map(feature => hi.get(feature)!),
        spec: items.map(feature => (feature.release !== undefined ? stageOf.get(feature.release) ?? -1 : -1)),
        prereqs: items.map(feature => [...new Set(feature.requires.filter(r => r !== feature && itemIndex.has(r)).map(r => itemIndex.get(r)!))])
    };

    const foreign = new Set<ReleaseModel>();
    for (const feature of fixed) if (!orderOf.has(feature.release!)) foreign.add(feature.release!);
    const releases = [...own, ...[...foreign].sort(compareReleases)].sort(compareReleases);
    return { product, ranking, releases, stages, fixed, excluded, items, scale, input };
}
