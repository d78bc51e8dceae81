import { rankProductBy } from '../src/model/build.js';
import type { FeatureModel, Method, ProductModel, ReleaseModel } from '../src/model/types.js';

/**
 * The release plan by brute force, written from decide.md §1 independently of the planner:
 * every assignment of every open feature that may move to "unplanned" or a release with a
 * capacity is tried, checked against the rules and compared by the objective, exactly.
 * Only for small specs (it tries up to (releases + 1)^features assignments).
 */
export interface OraclePlan {
    /** Each open feature → the release it is planned in (name; qualified if another product's) or null. */
    readonly placement: Map<string, string | null>;
    /** Unplanned feature → reason. */
    readonly reasons: Map<string, string>;
    /** The objective, for messages: per release with a capacity `musts/score`, then moves. */
    readonly objective: string;
}

/** An exact binary fraction: num / 2^exp. */
interface Fraction { num: bigint; exp: number }

function fraction(value: number): Fraction {
    let x = value;
    let exp = 0;
    while (!Number.isInteger(x)) {
        x *= 2;
        exp++;
    }
    return { num: BigInt(x), exp };
}

function add(a: Fraction, b: Fraction): Fraction {
    const exp = Math.max(a.exp, b.exp);
    return { num: (a.num << BigInt(exp - a.exp)) + (b.num << BigInt(exp - b.exp)), exp };
}

function compareFractions(a: Fraction, b: Fraction): number {
    const exp = Math.max(a.exp, b.exp);
    const x = a.num << BigInt(exp - a.exp);
    const y = b.num << BigInt(exp - b.exp);
    return x === y ? 0 : x < y ? -1 : 1;
}

const thousandths = (value: number) => Math.round(value * 1000);

function byName(a: string, b: string): number {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    if (x !== y) return x < y ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
}

export function oraclePlan(product: ProductModel, method: Method): OraclePlan {
    const ranking = rankProductBy(product, method);
    const rank = new Map(ranking.entries.map((entry, index) => [entry.feature, index]));
    const score = (f: FeatureModel) => fraction(ranking.byFeature.get(f)?.score ?? 0);
    const releases = [...product.releases].sort((a, b) => {
        if (a.date !== b.date) return a.date === undefined ? 1 : b.date === undefined ? -1 : a.date < b.date ? -1 : 1;
        return byName(a.name, b.name);
    });
    const position = new Map(releases.map((release, index) => [release, index]));
    const capped = releases.filter(release => release.capacity !== undefined);
    const open = product.features.filter(f => f.status === 'idea' || f.status === 'planned' || f.status === 'building');
    const stays = (f: FeatureModel) => f.release !== undefined && (f.status === 'building' || f.release.capacity === undefined || f.release.product !== product);
    const fixed = open.filter(stays);
    const movers = open.filter(f => !stays(f)).sort((a, b) => rank.get(a)! - rank.get(b)!);
    const isMover = new Set(movers);
    const hasEffort = (f: FeatureModel) => f.effort !== null && f.effort > 0;
    const blocked = (f: FeatureModel) => f.inCycle || f.requires.some(r => r.status === 'dropped') || !hasEffort(f);

    /** Whether the rules of prerequisites that do not move allow release r for f. */
    const fixedPrerequisitesAllow = (f: FeatureModel, r: ReleaseModel) => f.requires.every(b => {
        if (b === f || b.status === 'shipped' || b.status === 'dropped' || isMover.has(b)) return true;
        if (b.product === product && b.release !== undefined && position.has(b.release)) return position.get(r)! >= position.get(b.release)!;
        return b.release?.date !== undefined && r.date !== undefined && r.date >= b.release.date;
    });
    /** Pinned features requiring f keep it in their release or before. */
    const requirersAllow = (f: FeatureModel, r: ReleaseModel) => fixed.every(F =>
        !F.requires.includes(f) || F.release === undefined || !position.has(F.release) || position.get(r)! <= position.get(F.release)!);
    const options = movers.map(f => (blocked(f) ? [null] : [null, ...capped.filter(r => fixedPrerequisitesAllow(f, r) && requirersAllow(f, r))]));

    const assignment: Array<ReleaseModel | null> = movers.map(() => null);
    const index = new Map(movers.map((f, i) => [f, i]));
    const feasible = () => {
        for (let i = 0; i < movers.length; i++) {
            const r = assignment[i];
            if (r === null) continue;
            for (const b of movers[i].requires) {
                if (b === movers[i] || !isMover.has(b)) continue;
                const rb = assignment[index.get(b)!];
                if (rb === null || position.get(rb)! > position.get(r)!) return false;
            }
        }
        for (const r of capped) {
            const placed = movers.filter((_, i) => assignment[i] === r);
            if (placed.length === 0) continue;
            const load = [...placed, ...fixed.filter(f => f.release === r)].reduce((sum, f) => sum + (hasEffort(f) ? thousandths(f.effort!) : 0), 0);
            if (load > thousandths(r.capacity!)) return false;
        }
        return true;
    };
    interface Value { musts: number[]; scores: Fraction[]; moves: number; positions: number[] }
    const value = (): Value => ({
        musts: capped.map(r => [...fixed.filter(f => f.release === r), ...movers.filter((_, i) => assignment[i] === r)].filter(f => f.moscow === 'must').length),
        scores: capped.map(r => [...fixed.filter(f => f.release === r), ...movers.filter((_, i) => assignment[i] === r)].reduce((sum, f) => add(sum, score(f)), { num: 0n, exp: 0 })),
        moves: movers.filter((f, i) => assignment[i] !== (f.release ?? null)).length,
        positions: assignment.map(r => (r === null ? capped.length : capped.indexOf(r)))
    });
    /** > 0 when a is the better plan. */
    const compare = (a: Value, b: Value) => {
        for (let j = 0; j < capped.length; j++) {
            if (a.musts[j] !== b.musts[j]) return a.musts[j] - b.musts[j];
            const c = compareFractions(a.scores[j], b.scores[j]);
            if (c !== 0) return c;
        }
        if (a.moves !== b.moves) return b.moves - a.moves;
        for (let i = 0; i < a.positions.length; i++) if (a.positions[i] !== b.positions[i]) return b.positions[i] - a.positions[i];
        return 0;
    };
    let best: { value: Value; assignment: Array<ReleaseModel | null> } | undefined;
    const visit = (i: number) => {
        if (i === movers.length) {
            if (!feasible()) return;
            const v = value();
            if (!best || compare(v, best.value) > 0) best = { value: v, assignment: assignment.slice() };
            return;
        }
        for (const option of options[i]) {
            assignment[i] = option;
            visit(i + 1);
        }
        assignment[i] = null;
    };
    visit(0);
    const chosen = best!.assignment;

    const name = (r: ReleaseModel | null) => (r === null ? null : r.product === product ? r.name : `${r.product.name}.${r.name}`);
    const placement = new Map<string, string | null>();
    for (const f of fixed) placement.set(f.name, name(f.release!));
    movers.forEach((f, i) => placement.set(f.name, name(chosen[i])));

    // Reasons: the feature's own problem first, then its prerequisites, else capacity.
    const memo = new Map<FeatureModel, ReleaseModel[]>();
    const allowedByPrerequisites = (f: FeatureModel): ReleaseModel[] => {
        if (memo.has(f)) return memo.get(f)!;
        memo.set(f, []);
        const result = blocked(f) ? [] : capped.filter(r => fixedPrerequisitesAllow(f, r) && f.requires.every(b =>
            b === f || !isMover.has(b) || allowedByPrerequisites(b).some(rb => position.get(rb)! <= position.get(r)!)));
        memo.set(f, result);
        return result;
    };
    const reasons = new Map<string, string>();
    movers.forEach((f, i) => {
        if (chosen[i] !== null) return;
        let reason: string;
        if (f.inCycle) reason = 'cycle';
        else if (f.requires.some(r => r.status === 'dropped')) reason = 'requires-dropped';
        else if (!hasEffort(f)) reason = 'no-effort';
        else if (f.requires.some(b => b !== f && isMover.has(b) && chosen[index.get(b)!] === null)) reason = 'prerequisite';
        else if (f.requires.some(b => b !== f && (b.status === 'idea' || b.status === 'planned' || b.status === 'building') && !isMover.has(b)
            && !(b.product === product && b.release !== undefined && position.has(b.release)) && b.release?.date === undefined)) reason = 'prerequisite';
        else if (capped.length > 0 && allowedByPrerequisites(f).length === 0) reason = 'prerequisite';
        else reason = 'capacity';
        reasons.set(f.name, reason);
    });
    const v = best!.value;
    const objective = `${capped.map((r, j) => `${r.name} ${v.musts[j]}/${v.scores[j].num}/2^${v.scores[j].exp}`).join(', ')}; moves ${v.moves}`;
    return { placement, reasons, objective };
}
