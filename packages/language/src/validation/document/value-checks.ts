import type { AstNode, ValidationAcceptor } from 'langium';
import type * as ast from '../../generated/ast.js';
import { IMPACT_SCALE, WSJF_SCALE, isImpactNumber, nearestOnScale } from '../../model/formulas.js';
import { RANGES, isCalendarDate, type InputRange } from '../../model/ranges.js';
import { Codes, type FixData } from '../codes.js';
import { rangeData, type Locator } from '../locate.js';
import { editDistance, formatInput } from '../messages.js';

/** Words for the RICE impact scale, nearest first for a misspelled or unknown value. */
function impactSuggestions(written: string | number): string[] {
    const words = Object.keys(IMPACT_SCALE);
    if (typeof written === 'number') {
        return [...words].sort((a, b) => Math.abs(IMPACT_SCALE[a as keyof typeof IMPACT_SCALE] - written) - Math.abs(IMPACT_SCALE[b as keyof typeof IMPACT_SCALE] - written));
    }
    return [...words].sort((a, b) => editDistance(a, written.toLowerCase()) - editDistance(b, written.toLowerCase()));
}

/** `out-of-range`, `bad-impact`, `not-fibonacci`, `effort-mismatch`. */
export class ValueChecks {
    constructor(private readonly locate: Locator) { }

    private checkRange(node: AstNode, property: string, label: string, value: number | undefined, range: InputRange, accept: ValidationAcceptor, key = property): void {
        if (value === undefined || range.isValid(value)) return;
        const nearest = range.nearest?.(value);
        const valueRange = this.locate.value(node, property);
        const data: FixData | undefined = nearest !== undefined && valueRange
            ? { fix: 'replace', range: rangeData(valueRange), options: [{ title: `Change to ${formatInput(nearest, range.percent)}`, text: formatInput(nearest, range.percent) }] }
            : undefined;
        accept('error', `${label} ${formatInput(value, range.percent)} is out of range: it must be ${range.expected}.`,
            { node, range: this.locate.property(node, key) ?? valueRange, code: Codes.OutOfRange, data });
    }

    /** A percent written as a bare number (`confidence 80`): say how to write it, with the fix. */
    private checkPercentWritten(node: AstNode, property: string, key: string, label: string, value: number | undefined, accept: ValidationAcceptor): void {
        if (value === undefined) return;
        const valueRange = this.locate.value(node, property);
        const written = `${formatInput(value)}%`;
        accept('error', `${label} is a percent: write ${written}, not ${formatInput(value)}.`, {
            node, range: this.locate.property(node, key) ?? valueRange, code: Codes.Syntax,
            data: valueRange ? { fix: 'replace', range: rangeData(valueRange), options: [{ title: `Change to ${written}`, text: written }] } satisfies FixData : undefined
        });
    }

    private checkDate(node: AstNode, property: string, key: string, value: string | undefined, accept: ValidationAcceptor): void {
        if (value === undefined || isCalendarDate(value)) return;
        accept('error', `${value} is not a calendar date: write an existing date as YYYY-MM-DD.`,
            { node, range: this.locate.value(node, property) ?? this.locate.property(node, key), code: Codes.OutOfRange });
    }

    checkRice(rice: ast.Rice, accept: ValidationAcceptor): void {
        this.checkRange(rice, 'reach', 'Reach', rice.reach, RANGES.reach, accept);
        this.checkRange(rice, 'confidence', 'Confidence', rice.confidence, RANGES.confidence, accept);
        this.checkPercentWritten(rice, 'confidenceWithoutPercent', 'confidence', 'Confidence', rice.confidenceWithoutPercent, accept);
        this.checkRange(rice, 'effort', 'RICE effort', rice.effort, RANGES.effort, accept);
        const written = rice.impactWord ?? rice.impactNumber;
        const onScale = rice.impactWord !== undefined ? Object.prototype.hasOwnProperty.call(IMPACT_SCALE, rice.impactWord) : rice.impactNumber !== undefined && isImpactNumber(rice.impactNumber);
        if (written !== undefined && !onScale) {
            const property = rice.impactWord !== undefined ? 'impactWord' : 'impactNumber';
            const valueRange = this.locate.value(rice, property);
            const options = impactSuggestions(written).map(word => ({ title: `Change to ${word}`, text: word }));
            accept('error', `Impact '${written}' is not on the RICE scale: use massive (3), high (2), medium (1), low (0.5) or minimal (0.25).`,
                { node: rice, range: this.locate.property(rice, 'impact') ?? valueRange, code: Codes.BadImpact, data: valueRange ? { fix: 'replace', range: rangeData(valueRange), options } satisfies FixData : undefined });
        }
    }

    checkIce(ice: ast.Ice, accept: ValidationAcceptor): void {
        this.checkRange(ice, 'impact', 'ICE impact', ice.impact, RANGES.iceInput, accept);
        this.checkRange(ice, 'confidence', 'ICE confidence', ice.confidence, RANGES.iceInput, accept);
        this.checkRange(ice, 'ease', 'ICE ease', ice.ease, RANGES.iceInput, accept);
    }

    checkWsjf(wsjf: ast.Wsjf, accept: ValidationAcceptor): void {
        this.checkRange(wsjf, 'size', 'WSJF size', wsjf.size, RANGES.wsjfSize, accept);
        for (const property of ['value', 'criticality', 'risk', 'size'] as const) {
            const value = wsjf[property];
            if (value === undefined || (WSJF_SCALE as readonly number[]).includes(value)) continue;
            if (property === 'size' && !RANGES.wsjfSize.isValid(value)) continue;
            const nearest = nearestOnScale(value, WSJF_SCALE);
            const valueRange = this.locate.value(wsjf, property);
            accept('warning', `WSJF ${property} ${formatInput(value)} is off the modified Fibonacci scale (${WSJF_SCALE.join(' ')}): use ${nearest}.`,
                { node: wsjf, range: this.locate.property(wsjf, property) ?? valueRange, code: Codes.NotFibonacci, data: valueRange ? { fix: 'replace', range: rangeData(valueRange), options: [{ title: `Change to ${nearest}`, text: String(nearest) }] } satisfies FixData : undefined });
        }
    }

    checkKanoSurvey(survey: ast.KanoSurvey, accept: ValidationAcceptor): void {
        for (const property of ['must', 'performance', 'attractive', 'indifferent', 'reverse', 'questionable'] as const) {
            this.checkRange(survey, property, `The ${property} count`, survey[property], RANGES.count, accept);
        }
    }

    checkNeed(need: ast.Need, accept: ValidationAcceptor): void {
        this.checkRange(need, 'importance', 'Importance', need.importance, RANGES.importance, accept);
        this.checkRange(need, 'satisfaction', 'Satisfaction', need.satisfaction, RANGES.satisfaction, accept);
    }

    checkFeature(feature: ast.Feature, accept: ValidationAcceptor): void {
        this.checkRange(feature, 'effort', 'Effort', feature.effort, RANGES.effort, accept);
        const own = feature.effort;
        const rice = feature.rice?.effort;
        if (own === undefined || rice === undefined || own === rice) return;
        const ownValue = this.locate.value(feature, 'effort');
        const riceValue = feature.rice ? this.locate.value(feature.rice, 'effort') : undefined;
        const data: FixData | undefined = ownValue && riceValue ? {
            fix: 'replace', range: rangeData(ownValue),
            options: [
                { title: `Set effort to the RICE effort (${formatInput(rice)})`, text: formatInput(rice) },
                { title: `Set the RICE effort to effort (${formatInput(own)})`, text: formatInput(own), range: rangeData(riceValue) }
            ]
        } : undefined;
        accept('warning', `Effort ${formatInput(own)} differs from the RICE effort ${formatInput(rice)}: make them agree (or keep only one).`,
            { node: feature, range: this.locate.property(feature, 'effort') ?? ownValue, code: Codes.EffortMismatch, data });
    }

    checkForecast(forecast: ast.Forecast, accept: ValidationAcceptor): void {
        this.checkRange(forecast, 'months', 'Months', forecast.months, RANGES.months, accept);
        this.checkRange(forecast, 'growth', 'Growth', forecast.growth, RANGES.rate, accept);
        this.checkRange(forecast, 'churn', 'Churn', forecast.churn, RANGES.rate, accept);
        this.checkPercentWritten(forecast, 'growthWithoutPercent', 'growth', 'Growth', forecast.growthWithoutPercent, accept);
        this.checkPercentWritten(forecast, 'churnWithoutPercent', 'churn', 'Churn', forecast.churnWithoutPercent, accept);
        this.checkRange(forecast, 'customers', 'Customers', forecast.customers, RANGES.count, accept);
    }

    checkPersona(persona: ast.Persona, accept: ValidationAcceptor): void {
        this.checkRange(persona, 'size', 'Size', persona.size, RANGES.count, accept);
    }

    checkRelease(release: ast.Release, accept: ValidationAcceptor): void {
        this.checkDate(release, 'date', 'date', release.date, accept);
        this.checkRange(release, 'capacity', 'Capacity', release.capacity, RANGES.count, accept);
    }

    checkMetric(metric: ast.Metric, accept: ValidationAcceptor): void {
        this.checkDate(metric, 'targetDate', 'target', metric.targetDate, accept);
    }
}
