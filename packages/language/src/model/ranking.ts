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
    const frame = rankingFrame(features);
    const own = Float64Array.from(features, feature => ownScore(feature, method, weighted) ?? NaN);
    const effort = Float64Array.from(features, feature => feature.effort ?? Infinity);
    const effective = new Float64Array(features.length);
    const from = new Int32Array(features.length);
    effectiveScoresInto(frame, own, effective, from);
    const order = new Int32Array(features.length);
    const rankedCount = new RankOrderer(frame).orderInto(effective, effort, order);

    const entries: RankedFeature[] = [];
    const byFeature = new Map<FeatureModel, RankedFeature>();
    const score = (value: number) => (Number.isNaN(value) ? null : value);
    const add = (index: number, rank: number | null) => {
        const feature = features[index];
        const entry: RankedFeature = { feature, score: score(own[index]), effectiveScore: score(effective[index]), inheritedFrom: from[index] < 0 ? undefined : features[from[index]], rank };
        entries.push(entry);
        byFeature.set(feature, entry);
    };
    for (let position = 0; position < rankedCount; position++) add(order[position], position + 1);
    const unranked = features.map((_, index) => index).filter(index => !frame.ranked[index])
        .sort((a, b) => compareText(features[a].name, features[b].name));
    for (const index of unranked) add(index, null);
    return { method, entries, byFeature, rankedCount, weighted };
}

/**
 * What ranking needs of a product's features that no score changes: which are ranked, the
 * dependency edges, the static tie rules. Built once per ranking, and once for all the
 * draws of `rank --uncertainty` (model/uncertainty.ts), which rank by the same rules.
 */
export interface RankingFrame {
    readonly count: number;
    readonly names: readonly string[];
    /** 1 for a feature that gets a rank (not shipped, not dropped). */
    readonly ranked: Uint8Array;
    /** MoSCoW as a tie rule: must 0, should 1, could 2, won't 3, none 4. */
    readonly moscowOrder: Int8Array;
    /** The position of each feature in name order A→Z (the last tie rule). */
    readonly namePosition: Int32Array;
    /** Per feature, the features requiring it that pass it their score (none on a cycle). */
    readonly requirers: readonly Int32Array[];
    /** An order in which every feature comes after all features requiring it. */
    readonly effectiveOrder: Int32Array;
    /** Per ranked feature, how many ranked prerequisites come first; and who waits on it. */
    readonly prerequisiteCount: Int32Array;
    readonly dependents: readonly Int32Array[];
}

export function rankingFrame(features: readonly FeatureModel[]): RankingFrame {
    const count = features.length;
    const indexOf = new Map<FeatureModel, number>();
    features.forEach((feature, index) => indexOf.set(feature, index));
    const ranked = Uint8Array.from(features, feature => (isRanked(feature) ? 1 : 0));
    const moscowOrder = Int8Array.from(features, feature => MOSCOW_ORDER[feature.moscow ?? ''] ?? 4);
    const namePosition = new Int32Array(count);
    features.map((_, index) => index)
        .sort((a, b) => compareNames(features[a].name, features[b].name) || a - b)
        .forEach((index, position) => { namePosition[index] = position; });
    const requirers = features.map((feature, index) => {
        if (feature.inCycle) return new Int32Array(0);
        const result: number[] = [];
        for (const requirer of feature.requiredBy) {
            const r = indexOf.get(requirer);
            if (r !== undefined && r !== index) result.push(r);
        }
        return Int32Array.from(result);
    });
    // Iterative depth-first from the requirers down, so deep chains cannot overflow the stack.
    const effectiveOrder = new Int32Array(count);
    let finished = 0;
    const done = new Uint8Array(count);
    for (let root = 0; root < count; root++) {
        if (done[root]) continue;
        const stack: Array<{ index: number; expanded: boolean }> = [{ index: root, expanded: false }];
        while (stack.length > 0) {
            const top = stack[stack.length - 1];
            if (done[top.index]) { stack.pop(); continue; }
            if (!top.expanded) {
                top.expanded = true;
                for (const requirer of requirers[top.index]) if (!done[requirer]) stack.push({ index: requirer, expanded: false });
                continue;
            }
            stack.pop();
            done[top.index] = 1;
            effectiveOrder[finished++] = top.index;
        }
    }
    const prerequisiteCount = new Int32Array(count);
    const dependents: number[][] = features.map(() => []);
    features.forEach((feature, index) => {
        if (!ranked[index]) return;
        const seen = new Set<number>();
        for (const prerequisite of feature.requires) {
            const p = indexOf.get(prerequisite);
            // Edges into a cycle are ignored: its features rank by their own scores.
            if (p === undefined || p === index || prerequisite.inCycle || !ranked[p] || seen.has(p)) continue;
            seen.add(p);
            prerequisiteCount[index]++;
            dependents[p].push(index);
        }
    });
    return {
        count, names: features.map(feature => feature.name), ranked, moscowOrder, namePosition, requirers, effectiveOrder,
        prerequisiteCount, dependents: dependents.map(list => Int32Array.from(list))
    };
}

/**
 * Effective scores from own scores (NaN: unscored). Among requirers with the same best
 * score, the first by name is the one inherited from (`from`, -1 for none).
 */
export function effectiveScoresInto(frame: RankingFrame, own: Float64Array, effective: Float64Array, from?: Int32Array): void {
    const { effectiveOrder, requirers, names } = frame;
    for (let k = 0; k < frame.count; k++) {
        const index = effectiveOrder[k];
        let best = own[index];
        let bestFrom = -1;
        for (const r of requirers[index]) {
            const candidate = effective[r];
            if (Number.isNaN(candidate)) continue;
            if (Number.isNaN(best) || candidate > best || (bestFrom >= 0 && candidate === best && names[r] < names[bestFrom])) {
                best = candidate;
                bestFrom = r;
            }
        }
        effective[index] = best;
        if (from) from[index] = bestFrom;
    }
}

/**
 * Orders ranked features: the best available feature each step, a prerequisite before
 * what requires it (Kahn's algorithm). It sorts by the tie rules first, then places the
 * features by their sorted position, so the heap compares integers and holds only the
 * features a prerequisite held back. The sort is a radix sort on the effective score's
 * bits, then the tie rules within runs of equal scores: 1,000 features × 10,000 draws
 * of `rank --uncertainty` took 2.2 s with a comparator sort, about 0.3 s so.
 */
export class RankOrderer {
    private readonly heap: Int32Array;
    private readonly waiting: Int32Array;
    private readonly position: Int32Array;
    private readonly sorted: Int32Array;
    private readonly spare: Int32Array;
    /** The effective score as an unsigned 64-bit key, ascending = best first (high and low words). */
    private readonly keyHigh: Uint32Array;
    private readonly keyLow: Uint32Array;
    private readonly counts = new Int32Array(8 * 256);
    private readonly bits = new Float64Array(1);
    private readonly words = new Uint32Array(this.bits.buffer);
    private readonly run: number[] = [];
    private readonly compare = (a: number, b: number): number => (this.before(a, b) ? -1 : 1);
    private readonly hasEdges: boolean;
    private effective: Float64Array = new Float64Array(0);
    private effort: Float64Array = new Float64Array(0);

    constructor(private readonly frame: RankingFrame) {
        const count = frame.count;
        this.heap = new Int32Array(count);
        this.waiting = new Int32Array(count);
        this.position = new Int32Array(count);
        this.keyHigh = new Uint32Array(count);
        this.keyLow = new Uint32Array(count);
        const ranked: number[] = [];
        for (let index = 0; index < count; index++) if (frame.ranked[index]) ranked.push(index);
        this.sorted = Int32Array.from(ranked);
        this.spare = new Int32Array(ranked.length);
        this.hasEdges = frame.prerequisiteCount.some(n => n > 0);
    }

    /** Writes the ranked features' indexes, best first, into `order`; returns how many. */
    orderInto(effective: Float64Array, effort: Float64Array, order: Int32Array): number {
        const { frame, sorted, position, waiting } = this;
        this.effective = effective;
        this.effort = effort;
        this.sortByRules();
        const count = sorted.length;
        if (!this.hasEdges) {
            order.set(sorted);
            return count;
        }
        for (let i = 0; i < count; i++) position[sorted[i]] = i;
        // Kahn's algorithm taking the smallest sorted position available: a scan takes the
        // positions in order, skipping features still waiting; one released after the scan
        // passed it goes on the heap, whose positions are all before the scan's.
        waiting.set(frame.prerequisiteCount);
        let size = 0;
        let scan = 0;
        let placed = 0;
        for (;;) {
            let next: number;
            if (size > 0) {
                next = sorted[this.heap[0]];
                size = this.popTop(size);
            } else {
                while (scan < count && waiting[sorted[scan]] > 0) scan++;
                if (scan === count) break;
                next = sorted[scan++];
            }
            order[placed++] = next;
            for (const dependent of frame.dependents[next]) {
                if (--waiting[dependent] === 0 && position[dependent] < scan) size = this.push(size, position[dependent]);
            }
        }
        return placed;
    }

    /** Sorts `sorted` by `before`: least-significant-digit radix on the score's key, then the tie rules within equal scores. */
    private sortByRules(): void {
        const { sorted, effective } = this;
        const count = sorted.length;
        if (count < 64) {
            const list = Array.from(sorted).sort(this.compare);
            for (let i = 0; i < count; i++) sorted[i] = list[i];
            return;
        }
        const { keyHigh, keyLow, counts, bits, words } = this;
        counts.fill(0);
        for (let i = 0; i < count; i++) {
            const index = sorted[i];
            const score = effective[index];
            let high: number, low: number;
            if (Number.isNaN(score)) {
                // Unscored: after every score.
                high = 0xffffffff; low = 0xffffffff;
            } else {
                bits[0] = score;
                // IEEE 754 bits made to sort ascending as numbers (flip all if negative, else the sign), then inverted: best first.
                const negative = words[1] >>> 31 === 1;
                high = negative ? words[1] : (words[1] ^ 0x80000000) >>> 0;
                low = negative ? words[0] : ~words[0] >>> 0;
                if (!negative) high = ~high >>> 0;
            }
            keyHigh[index] = high;
            keyLow[index] = low;
            for (let digit = 0; digit < 4; digit++) counts[digit * 256 + ((low >>> (8 * digit)) & 255)]++;
            for (let digit = 0; digit < 4; digit++) counts[(digit + 4) * 256 + ((high >>> (8 * digit)) & 255)]++;
        }
        let from = sorted;
        let to = this.spare;
        for (let digit = 0; digit < 8; digit++) {
            const base = digit * 256;
            const key = digit < 4 ? keyLow : keyHigh;
            const shift = 8 * (digit & 3);
            // A digit all keys share moves nothing.
            if (counts[base + ((key[from[0]] >>> shift) & 255)] === count) continue;
            let total = 0;
            for (let bucket = 0; bucket < 256; bucket++) { const n = counts[base + bucket]; counts[base + bucket] = total; total += n; }
            for (let i = 0; i < count; i++) { const index = from[i]; to[counts[base + ((key[index] >>> shift) & 255)]++] = index; }
            const swap = from; from = to; to = swap;
        }
        if (from !== sorted) sorted.set(from);
        // Equal scores (0 and -0 too, and every unscored feature) are one run, ordered by the tie rules.
        for (let start = 0; start < count;) {
            let end = start + 1;
            const score = effective[sorted[start]];
            while (end < count && (effective[sorted[end]] === score || (Number.isNaN(score) && Number.isNaN(effective[sorted[end]])))) end++;
            if (end - start > 1) this.sortRun(start, end);
            start = end;
        }
    }

    private sortRun(start: number, end: number): void {
        const { sorted, run } = this;
        if (end - start <= 16) {
            for (let i = start + 1; i < end; i++) {
                const item = sorted[i];
                let j = i - 1;
                while (j >= start && this.before(item, sorted[j])) { sorted[j + 1] = sorted[j]; j--; }
                sorted[j + 1] = item;
            }
            return;
        }
        run.length = 0;
        for (let i = start; i < end; i++) run.push(sorted[i]);
        run.sort(this.compare);
        for (let i = start; i < end; i++) sorted[i] = run[i - start];
    }

    /** Whether feature a comes before b: higher effective score (unscored last), then MoSCoW, smaller effort, name. */
    private before(a: number, b: number): boolean {
        const sa = this.effective[a];
        const sb = this.effective[b];
        if (sa !== sb) {
            const nanA = Number.isNaN(sa);
            const nanB = Number.isNaN(sb);
            if (!nanA || !nanB) {
                if (nanA) return false;
                if (nanB) return true;
                return sa > sb;
            }
        }
        const frame = this.frame;
        if (frame.moscowOrder[a] !== frame.moscowOrder[b]) return frame.moscowOrder[a] < frame.moscowOrder[b];
        const ea = this.effort[a];
        const eb = this.effort[b];
        if (ea !== eb) return ea < eb;
        return frame.namePosition[a] < frame.namePosition[b];
    }

    private push(size: number, item: number): number {
        const heap = this.heap;
        let i = size;
        heap[i] = item;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (heap[i] > heap[parent]) break;
            const swap = heap[i]; heap[i] = heap[parent]; heap[parent] = swap;
            i = parent;
        }
        return size + 1;
    }

    private popTop(size: number): number {
        const heap = this.heap;
        const last = size - 1;
        heap[0] = heap[last];
        let i = 0;
        for (;;) {
            const left = 2 * i + 1;
            const right = left + 1;
            let best = i;
            if (left < last && heap[left] < heap[best]) best = left;
            if (right < last && heap[right] < heap[best]) best = right;
            if (best === i) break;
            const swap = heap[i]; heap[i] = heap[best]; heap[best] = swap;
            i = best;
        }
        return last;
    }
}
