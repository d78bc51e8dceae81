import type * as ast from '../generated/ast.js';
import {
    iceScore, impactOfWord, isImpactNumber, kanoCategory, kanoCoefficients, riceScore, wsjfScore,
    type IceMode, type KanoCounts
} from './formulas.js';
import { RANGES, type InputRange } from './ranges.js';
import type { KanoResult } from './types.js';
import { amount, boundsOf, last, percentage, type Estimate } from './values.js';

/** An estimate whose every bound is valid for its property (one out of range is reported, and the input counts as missing). */
export function validEstimate(estimate: Estimate | undefined, range: InputRange): Estimate | undefined {
    return estimate && boundsOf(estimate).every(range.isValid) ? estimate : undefined;
}

/**
 * The RICE impact multiplier written in a rice block, if it is on the scale (each bound of a
 * range too). Given both as a word and as a number (a duplicate-property error), the word counts.
 */
export function riceImpact(rice: ast.Rice): Estimate | undefined {
    const word = last(rice.impactWord);
    if (word !== undefined) {
        const multiplier = impactOfWord(word);
        return multiplier === undefined ? undefined : { kind: 'exact', low: multiplier, high: multiplier, mean: multiplier };
    }
    const written = amount(rice.impactNumber);
    return written && boundsOf(written).every(isImpactNumber) ? written : undefined;
}

/** RICE's effort: the one in the rice block, else the feature's own `effort`. */
export function riceEffort(feature: ast.Feature): Estimate | undefined {
    const rice = last(feature.rice);
    return amount(rice?.effort) ?? amount(feature.effort);
}

/** A feature's effort wherever the contract uses it: `effort`, else the RICE effort. */
export function featureEffort(feature: ast.Feature): Estimate | undefined {
    return amount(feature.effort) ?? amount(last(feature.rice)?.effort);
}

/**
 * The inputs a score was computed from, so that explanations show exactly that arithmetic
 * (the means), with the ranges they came from where an input was written as one.
 */
export interface RiceInputs {
    readonly reach: number; readonly impact: number; readonly confidence: number; readonly effort: number;
    readonly ranges: Partial<Record<'reach' | 'impact' | 'confidence' | 'effort', Estimate>>;
}
export interface IceInputs {
    readonly impact: number; readonly confidence: number; readonly ease: number; readonly mode: IceMode;
    readonly ranges: Partial<Record<'impact' | 'confidence' | 'ease', Estimate>>;
}
export interface WsjfInputs {
    readonly value: number; readonly criticality: number; readonly risk: number; readonly size: number;
    readonly ranges: Partial<Record<'value' | 'criticality' | 'risk' | 'size', Estimate>>;
}

/** The means of estimates, with those that are ranges. */
function means<K extends string>(estimates: Record<K, Estimate | undefined>): { values: Record<K, number>; ranges: Partial<Record<K, Estimate>> } | undefined {
    const values = {} as Record<K, number>;
    const ranges: Partial<Record<K, Estimate>> = {};
    for (const key of Object.keys(estimates) as K[]) {
        const estimate = estimates[key];
        if (!estimate) return undefined;
        values[key] = estimate.mean;
        if (estimate.kind !== 'exact') ranges[key] = estimate;
    }
    return { values, ranges };
}

/** RICE's inputs when all are present and valid. */
export function riceInputsOf(feature: ast.Feature): RiceInputs | null {
    const rice = last(feature.rice);
    if (!rice) return null;
    const inputs = means({
        reach: validEstimate(amount(rice.reach), RANGES.reach),
        impact: riceImpact(rice),
        confidence: validEstimate(percentage(rice.confidence), RANGES.confidence),
        effort: validEstimate(riceEffort(feature), RANGES.effort)
    });
    return inputs ? { ...inputs.values, ranges: inputs.ranges } : null;
}

export function iceInputsOf(feature: ast.Feature, mode: IceMode): IceInputs | null {
    const ice = last(feature.ice);
    if (!ice) return null;
    const inputs = means({
        impact: validEstimate(amount(ice.impact), RANGES.iceInput),
        confidence: validEstimate(amount(ice.confidence), RANGES.iceInput),
        ease: validEstimate(amount(ice.ease), RANGES.iceInput)
    });
    return inputs ? { ...inputs.values, mode, ranges: inputs.ranges } : null;
}

export function wsjfInputsOf(feature: ast.Feature): WsjfInputs | null {
    const wsjf = last(feature.wsjf);
    if (!wsjf) return null;
    const inputs = means({
        value: amount(wsjf.value),
        criticality: amount(wsjf.criticality),
        risk: amount(wsjf.risk),
        size: validEstimate(amount(wsjf.size), RANGES.wsjfSize)
    });
    return inputs ? { ...inputs.values, ranges: inputs.ranges } : null;
}

export function riceOf(inputs: RiceInputs | null): number | null {
    return inputs ? riceScore(inputs.reach, inputs.impact, inputs.confidence, inputs.effort) : null;
}

export function iceOf(inputs: IceInputs | null): number | null {
    return inputs ? iceScore(inputs.impact, inputs.confidence, inputs.ease, inputs.mode) : null;
}

export function wsjfOf(inputs: WsjfInputs | null): number | null {
    return inputs ? wsjfScore(inputs.value, inputs.criticality, inputs.risk, inputs.size) : null;
}

export function kanoCounts(survey: ast.KanoSurvey): KanoCounts {
    return {
        must: last(survey.must) ?? 0,
        performance: last(survey.performance) ?? 0,
        attractive: last(survey.attractive) ?? 0,
        indifferent: last(survey.indifferent) ?? 0,
        reverse: last(survey.reverse) ?? 0,
        questionable: last(survey.questionable) ?? 0
    };
}

/** The Kano category from a survey (with Berger's coefficients) or as declared; given both (a duplicate-property error), the survey counts. */
export function kanoOf(feature: ast.Feature): KanoResult | null {
    const survey = last(feature.kanoSurvey);
    if (survey) {
        const counts = kanoCounts(survey);
        if (Object.values(counts).some(count => !RANGES.count.isValid(count))) return null;
        if (Object.values(counts).every(count => count === 0)) return null;
        const coefficients = kanoCoefficients(counts);
        return {
            category: kanoCategory(counts),
            better: coefficients?.better ?? null,
            worse: coefficients?.worse ?? null,
            surveyed: true
        };
    }
    const declared = last(feature.kano);
    return declared ? { category: declared, better: null, worse: null, surveyed: false } : null;
}

/** What a method needs that a feature does not give (empty when it can be scored). */
export function missingInputs(feature: ast.Feature, method: string): string[] {
    switch (method) {
        case 'rice': {
            const rice = last(feature.rice);
            const missing: string[] = [];
            if (last(rice?.reach) === undefined) missing.push('reach');
            if (last(rice?.impactWord) === undefined && last(rice?.impactNumber) === undefined) missing.push('impact');
            if (last(rice?.confidence) === undefined) missing.push('confidence');
            if (last(rice?.effort) === undefined && last(feature.effort) === undefined) missing.push('effort');
            return missing.map(input => `rice ${input}`);
        }
        case 'ice': {
            const ice = last(feature.ice);
            return (['impact', 'confidence', 'ease'] as const).filter(input => last(ice?.[input]) === undefined).map(input => `ice ${input}`);
        }
        case 'wsjf': {
            const wsjf = last(feature.wsjf);
            return (['value', 'criticality', 'risk', 'size'] as const).filter(input => last(wsjf?.[input]) === undefined).map(input => `wsjf ${input}`);
        }
        case 'kano':
            return last(feature.kano) === undefined && last(feature.kanoSurvey) === undefined ? ['kano'] : [];
        case 'moscow':
            return last(feature.moscow) === undefined ? ['moscow'] : [];
        default:
            return [];
    }
}
