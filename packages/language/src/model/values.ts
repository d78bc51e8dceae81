import { GrammarUtils, isLeafCstNode } from 'langium';
import type * as ast from '../generated/ast.js';

/**
 * How the model reads what a spec says. Every property is a list in the syntax tree (the
 * grammar keeps a property written twice, for `duplicate-property`); its value is the last
 * one written. A number that feeds a score or a forecast may be a range (decide.md, "Ranges").
 */
export function last<T>(values: readonly T[] | undefined): T | undefined {
    return values && values.length > 0 ? values[values.length - 1] : undefined;
}

/**
 * A number as written: exact (`4000`), uniform between two bounds (`2000..6000`), or
 * triangular (`2..3..5`: low, most likely, high). Everything deterministic uses the mean:
 * (low + high) ÷ 2, or (low + mode + high) ÷ 3 (decide.md §2).
 */
export interface Estimate {
    readonly kind: 'exact' | 'uniform' | 'triangular';
    readonly low: number;
    /** The most likely value of a triangular range. */
    readonly mode?: number;
    readonly high: number;
    readonly mean: number;
    /** The written value it came from: a range used by two scores (RICE's and the feature's effort) is one draw (decide.md §2). */
    readonly source?: ast.Amount | ast.Percentage;
}

export function isRange(estimate: Estimate | undefined): boolean {
    return estimate !== undefined && estimate.kind !== 'exact';
}

/** The bounds of a range as written (low, then mode, then high). */
export function boundsOf(estimate: Estimate): number[] {
    return estimate.kind === 'exact' ? [estimate.low] : estimate.kind === 'uniform' ? [estimate.low, estimate.high] : [estimate.low, estimate.mode!, estimate.high];
}

/**
 * The estimate of written values, or undefined when they do not form one: more than three
 * values, or out of order (low ≤ mode ≤ high), which the validator reports as `bad-range`.
 */
export function estimateOfValues(values: readonly number[]): Estimate | undefined {
    switch (values.length) {
        case 1:
            return { kind: 'exact', low: values[0], high: values[0], mean: values[0] };
        case 2: {
            const [low, high] = values;
            return low <= high ? { kind: 'uniform', low, high, mean: (low + high) / 2 } : undefined;
        }
        case 3: {
            const [low, mode, high] = values;
            return low <= mode && mode <= high ? { kind: 'triangular', low, mode, high, mean: (low + mode + high) / 3 } : undefined;
        }
        default:
            return undefined;
    }
}

/** The last-written amount of a property, as an estimate. */
export function amount(values: readonly ast.Amount[] | undefined): Estimate | undefined {
    const written = last(values);
    return written ? withSource(estimateOfValues(written.values), written) : undefined;
}

function withSource(estimate: Estimate | undefined, source: ast.Amount | ast.Percentage): Estimate | undefined {
    return estimate && estimate.kind !== 'exact' ? { ...estimate, source } : estimate;
}

/** The mean of the last-written amount (what scores and forecasts use). */
export function amountMean(values: readonly ast.Amount[] | undefined): number | undefined {
    return amount(values)?.mean;
}

/**
 * Which values of a percentage were written without `%` (`confidence 80`): the value
 * converter reads both as numbers, so the tokens tell.
 */
export function writtenWithoutPercent(percentage: ast.Percentage): boolean[] {
    return GrammarUtils.findNodesForProperty(percentage.$cstNode, 'values')
        .map(node => isLeafCstNode(node) && node.tokenType.name === 'NUMBER');
}

/** The last-written percentage, as fractions (80% is 0.8); undefined when a part lacks its `%` (an error). */
export function percentage(values: readonly ast.Percentage[] | undefined): Estimate | undefined {
    const written = last(values);
    if (!written || writtenWithoutPercent(written).some(Boolean)) return undefined;
    return withSource(estimateOfValues(written.values), written);
}
