import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { RankOrderer, type RankingFrame } from '../src/model/ranking.js';

/**
 * The orderer that every ranking and every draw of `rank --uncertainty` uses (a radix sort
 * on the score's bits, the tie rules within equal scores, then Kahn's algorithm on sorted
 * positions) against the rules of language.md done the obvious way: repeatedly take, of
 * the features whose prerequisites are placed, the best by effective score (unscored
 * last), then MoSCoW, then smaller effort, then name.
 */
function oracle(frame: RankingFrame, prerequisites: number[][], effective: Float64Array, effort: Float64Array): number[] {
    const better = (a: number, b: number): boolean => {
        const [sa, sb] = [effective[a], effective[b]];
        const [na, nb] = [Number.isNaN(sa), Number.isNaN(sb)];
        if (na !== nb) return nb;
        if (!na && sa !== sb) return sa > sb;
        if (frame.moscowOrder[a] !== frame.moscowOrder[b]) return frame.moscowOrder[a] < frame.moscowOrder[b];
        if (effort[a] !== effort[b]) return effort[a] < effort[b];
        return frame.namePosition[a] < frame.namePosition[b];
    };
    const placed = new Set<number>();
    const order: number[] = [];
    for (;;) {
        let best = -1;
        for (let index = 0; index < frame.count; index++) {
            if (!frame.ranked[index] || placed.has(index) || !prerequisites[index].every(p => placed.has(p))) continue;
            if (best < 0 || better(index, best)) best = index;
        }
        if (best < 0) return order;
        placed.add(best);
        order.push(best);
    }
}

const SCORES = [NaN, 0, -0, -3, 1.5, 2, 2, 7, 1e9, Infinity, 0.1 + 0.2, 0.3];

describe('the rank orderer', () => {
    it('orders as the rules say, with ties, unscored features, -0 and prerequisites, below and above 64 features', () => {
        const spec = fc.integer({ min: 1, max: 150 }).chain(count => fc.record({
            ranked: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
            scores: fc.array(fc.oneof(fc.constantFrom(...SCORES), fc.double({ noNaN: true })), { minLength: count, maxLength: count }),
            efforts: fc.array(fc.constantFrom(0.5, 1, 2, 2, Infinity), { minLength: count, maxLength: count }),
            moscow: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: count, maxLength: count }),
            names: fc.shuffledSubarray([...Array(count).keys()], { minLength: count, maxLength: count }),
            // Edges from a lower index to a higher one: a DAG, as the frame has after leaving out cycles.
            edges: fc.array(fc.tuple(fc.nat(count - 1), fc.nat(count - 1)), { maxLength: count * 2 })
        }));
        fc.assert(fc.property(spec, ({ ranked, scores, efforts, moscow, names, edges }) => {
            const count = ranked.length;
            const prerequisites: number[][] = Array.from({ length: count }, () => []);
            for (const [a, b] of edges) {
                const [prerequisite, dependent] = a < b ? [a, b] : [b, a];
                if (a === b || !ranked[a] || !ranked[b] || prerequisites[dependent].includes(prerequisite)) continue;
                prerequisites[dependent].push(prerequisite);
            }
            const dependents: number[][] = Array.from({ length: count }, () => []);
            prerequisites.forEach((list, dependent) => list.forEach(p => dependents[p].push(dependent)));
            const frame: RankingFrame = {
                count,
                names: names.map(String),
                ranked: Uint8Array.from(ranked, r => (r ? 1 : 0)),
                moscowOrder: Int8Array.from(moscow),
                namePosition: Int32Array.from(names),
                requirers: dependents.map(() => new Int32Array(0)),
                effectiveOrder: Int32Array.from(names.keys()),
                prerequisiteCount: Int32Array.from(prerequisites, list => list.length),
                dependents: dependents.map(list => Int32Array.from(list))
            };
            const effective = Float64Array.from(scores);
            const effort = Float64Array.from(efforts);
            const orderer = new RankOrderer(frame);
            const order = new Int32Array(count);
            // Twice: the orderer reuses its arrays and starts from its last order.
            for (let round = 0; round < 2; round++) {
                const placed = orderer.orderInto(effective, effort, order);
                assert.deepEqual(Array.from(order.subarray(0, placed)), oracle(frame, prerequisites, effective, effort));
                effective.reverse();
            }
        }), { numRuns: 300 });
    });
});
