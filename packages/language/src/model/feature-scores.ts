import type * as ast from '../generated/ast.js';
import {
    iceScore, impactOfWord, isImpactNumber, kanoCategory, kanoCoefficients, riceScore, wsjfScore,
    type IceMode, type KanoCounts
} from './formulas.js';
import { RANGES, validValue } from './ranges.js';
import type { KanoResult } from './types.js';

/** The RICE impact multiplier written in a rice block, if it is on the scale. */
export function riceImpact(rice: ast.Rice): number | undefined {
    if (rice.impactWord !== undefined) return impactOfWord(rice.impactWord);
    if (rice.impactNumber !== undefined && isImpactNumber(rice.impactNumber)) return rice.impactNumber;
    return undefined;
}

/** RICE's effort: the one in the rice block, else the feature's own `effort`. */
export function riceEffort(feature: ast.Feature): number | undefined {
    return feature.rice?.effort ?? feature.effort;
}

/** A feature's effort wherever the contract uses it: `effort`, else the RICE effort. */
export function featureEffort(feature: ast.Feature): number | undefined {
    return feature.effort ?? feature.rice?.effort;
}

/** The inputs a score was computed from, so that explanations show exactly that arithmetic. */
export interface RiceInputs { readonly reach: number; readonly impact: number; readonly confidence: number; readonly effort: number }
export interface IceInputs { readonly impact: number; readonly confidence: number; readonly ease: number; readonly mode: IceMode }
export interface WsjfInputs { readonly value: number; readonly criticality: number; readonly risk: number; readonly size: number }

/** RICE's inputs when all are present and valid. */
export function riceInputsOf(feature: ast.Feature): RiceInputs | null {
    const rice = feature.rice;
    if (!rice) return null;
    const reach = validValue(rice.reach, RANGES.reach);
    const impact = riceImpact(rice);
    const confidence = validValue(rice.confidence, RANGES.confidence);
    const effort = validValue(riceEffort(feature), RANGES.effort);
    if (reach === undefined || impact === undefined || confidence === undefined || effort === undefined) return null;
    return { reach, impact, confidence, effort };
}

export function iceInputsOf(feature: ast.Feature, mode: IceMode): IceInputs | null {
    const ice = feature.ice;
    if (!ice) return null;
    const impact = validValue(ice.impact, RANGES.iceInput);
    const confidence = validValue(ice.confidence, RANGES.iceInput);
    const ease = validValue(ice.ease, RANGES.iceInput);
    if (impact === undefined || confidence === undefined || ease === undefined) return null;
    return { impact, confidence, ease, mode };
}

export function wsjfInputsOf(feature: ast.Feature): WsjfInputs | null {
    const wsjf = feature.wsjf;
    if (!wsjf || wsjf.value === undefined || wsjf.criticality === undefined || wsjf.risk === undefined) return null;
    const size = validValue(wsjf.size, RANGES.wsjfSize);
    if (size === undefined) return null;
    return { value: wsjf.value, criticality: wsjf.criticality, risk: wsjf.risk, size };
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
        must: survey.must ?? 0,
        performance: survey.performance ?? 0,
        attractive: survey.attractive ?? 0,
        indifferent: survey.indifferent ?? 0,
        reverse: survey.reverse ?? 0,
        questionable: survey.questionable ?? 0
    };
}

/** The Kano category from a survey (with Berger's coefficients) or as declared. */
export function kanoOf(feature: ast.Feature): KanoResult | null {
    if (feature.kanoSurvey) {
        const counts = kanoCounts(feature.kanoSurvey);
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
    if (feature.kano) {
        return { category: feature.kano, better: null, worse: null, surveyed: false };
    }
    return null;
}

/** What a method needs that a feature does not give (empty when it can be scored). */
export function missingInputs(feature: ast.Feature, method: string): string[] {
    switch (method) {
        case 'rice': {
            const rice = feature.rice;
            const missing: string[] = [];
            if (rice?.reach === undefined) missing.push('reach');
            if (rice?.impactWord === undefined && rice?.impactNumber === undefined) missing.push('impact');
            if (rice?.confidence === undefined && rice?.confidenceWithoutPercent === undefined) missing.push('confidence');
            if (riceEffort(feature) === undefined) missing.push('effort');
            return missing.map(input => `rice ${input}`);
        }
        case 'ice': {
            const ice = feature.ice;
            return (['impact', 'confidence', 'ease'] as const).filter(input => ice?.[input] === undefined).map(input => `ice ${input}`);
        }
        case 'wsjf': {
            const wsjf = feature.wsjf;
            return (['value', 'criticality', 'risk', 'size'] as const).filter(input => wsjf?.[input] === undefined).map(input => `wsjf ${input}`);
        }
        case 'kano':
            return feature.kano === undefined && feature.kanoSurvey === undefined ? ['kano'] : [];
        case 'moscow':
            return feature.moscow === undefined ? ['moscow'] : [];
        default:
            return [];
    }
}
