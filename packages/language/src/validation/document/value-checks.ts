import { GrammarUtils, type AstNode, type ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver';
import type * as ast from '../../generated/ast.js';
import { IMPACT_SCALE, WSJF_SCALE, isImpactNumber, nearestOnScale } from '../../model/formulas.js';
import { RANGES, isCalendarDate, type InputRange } from '../../model/ranges.js';
import { last, writtenWithoutPercent } from '../../model/values.js';
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

/** A value (an amount or a percentage) as written: its numbers and where each is. */
interface Written {
    readonly node: ast.Amount | ast.Percentage;
    readonly values: readonly number[];
    readonly ranges: Range[];
}

function written(node: ast.Amount | ast.Percentage | undefined): Written | undefined {
    if (!node) return undefined;
    const ranges = GrammarUtils.findNodesForProperty(node.$cstNode, 'values').map(cst => cst.range);
    return { node, values: node.values, ranges };
}

/** `out-of-range`, `bad-impact`, `not-fibonacci`, `effort-mismatch`, `bad-range`, and percents written without `%`. */
export class ValueChecks {
    constructor(private readonly locate: Locator) { }

    /** A number property (not a range): `value` out of its range. */
    private checkNumber(node: AstNode, property: string, label: string, value: number | undefined, range: InputRange, accept: ValidationAcceptor, key = property): void {
        if (value === undefined || range.isValid(value)) return;
        const valueRange = this.locate.value(node, property);
        this.reportOutOfRange(node, label, value, range, valueRange, this.locate.property(node, key) ?? valueRange, accept);
    }

    private reportOutOfRange(node: AstNode, label: string, value: number, range: InputRange, valueRange: Range | undefined, at: Range | undefined, accept: ValidationAcceptor): void {
        const nearest = range.nearest?.(value);
        const data: FixData | undefined = nearest !== undefined && valueRange
            ? { fix: 'replace', range: rangeData(valueRange), options: [{ title: `Change to ${formatInput(nearest, range.percent)}`, text: formatInput(nearest, range.percent) }] }
            : undefined;
        accept('error', `${label} ${formatInput(value, range.percent)} is out of range: it must be ${range.expected}.`,
            { node, range: at, code: Codes.OutOfRange, data });
    }

    /**
     * A number or range property: a range must be low..high or low..mode..high in that order
     * (`bad-range`), and each bound obeys the property's own rule (`out-of-range`).
     */
    private checkValue(node: AstNode, property: string, label: string, values: ReadonlyArray<ast.Amount | ast.Percentage>, range: InputRange | undefined, accept: ValidationAcceptor, key = property): Written | undefined {
        const value = written(last(values));
        if (!value) return undefined;
        if (!this.checkRangeShape(node, property, label, value, range?.percent === true, accept)) return value;
        if (range) {
            value.values.forEach((bound, index) => {
                if (range.isValid(bound)) return;
                const at = value.values.length === 1 ? this.locate.property(node, key) ?? value.ranges[index] : value.ranges[index];
                this.reportOutOfRange(node, label, bound, range, value.ranges[index], at, accept);
            });
        }
        return value;
    }

    /** True when the values form a number or a range in order; else reports `bad-range`. */
    private checkRangeShape(node: AstNode, property: string, label: string, value: Written, percent: boolean, accept: ValidationAcceptor): boolean {
        const values = value.values;
        const whole = value.node.$cstNode?.range ?? this.locate.property(node, property);
        const shown = values.map(v => formatInput(v, percent)).join('..');
        if (values.length > 3) {
            accept('error', `${label} ${shown} has ${values.length} values: a range is low..high or low..most likely..high.`,
                { node, range: whole, code: Codes.BadRange });
            return false;
        }
        const ordered = values.every((v, i) => i === 0 || values[i - 1] <= v);
        if (ordered) return true;
        const sorted = [...values].sort((a, b) => a - b).map(v => formatInput(v, percent)).join('..');
        const what = values.length === 2 ? 'the low bound comes first' : 'the values go low, most likely, high';
        accept('error', `${label} ${shown} is not a range in order: ${what} (${sorted}).`, {
            node, range: whole, code: Codes.BadRange,
            data: whole ? { fix: 'replace', range: rangeData(whole), options: [{ title: `Change to ${sorted}`, text: sorted }] } satisfies FixData : undefined
        });
        return false;
    }

    /**
     * A percent written as a bare number (`confidence 80`): say how to write it, with the fix.
     * A bare number in (0, 1] is a fraction (`confidence 0.8` means 80%, not 0.8%).
     */
    private checkPercentWritten(node: AstNode, key: string, label: string, values: readonly ast.Percentage[], accept: ValidationAcceptor): boolean {
        const percentage = last(values);
        if (!percentage) return true;
        const bare = writtenWithoutPercent(percentage);
        if (!bare.some(Boolean)) return true;
        const asPercent = (value: number, withoutPercent: boolean) => (withoutPercent && value > 0 && value <= 1 ? value : withoutPercent ? value / 100 : value);
        const fixed = percentage.values.map((value, i) => formatInput(asPercent(value, bare[i]), true)).join('..');
        const wrote = percentage.values.map((value, i) => (bare[i] ? formatInput(value) : formatInput(value, true))).join('..');
        const valueRange = percentage.$cstNode?.range;
        accept('error', `${label} is a percent: write ${fixed}, not ${wrote}.`, {
            node, range: this.locate.property(node, key) ?? valueRange, code: Codes.Syntax,
            data: valueRange ? { fix: 'replace', range: rangeData(valueRange), options: [{ title: `Change to ${fixed}`, text: fixed }] } satisfies FixData : undefined
        });
        return false;
    }

    private checkDate(node: AstNode, property: string, key: string, value: string | undefined, accept: ValidationAcceptor): void {
        if (value === undefined || isCalendarDate(value)) return;
        accept('error', `${value} is not a calendar date: write an existing date as YYYY-MM-DD.`,
            { node, range: this.locate.value(node, property) ?? this.locate.property(node, key), code: Codes.OutOfRange });
    }

    checkRice(rice: ast.Rice, accept: ValidationAcceptor): void {
        this.checkValue(rice, 'reach', 'Reach', rice.reach, RANGES.reach, accept);
        if (this.checkPercentWritten(rice, 'confidence', 'Confidence', rice.confidence, accept)) {
            this.checkValue(rice, 'confidence', 'Confidence', rice.confidence, RANGES.confidence, accept);
        }
        this.checkValue(rice, 'effort', 'RICE effort', rice.effort, RANGES.effort, accept);
        const word = last(rice.impactWord);
        if (word !== undefined) {
            if (!Object.prototype.hasOwnProperty.call(IMPACT_SCALE, word)) this.reportImpact(rice, 'impactWord', word, this.locate.value(rice, 'impactWord'), accept);
            return;
        }
        const impact = this.checkValue(rice, 'impactNumber', 'Impact', rice.impactNumber, undefined, accept, 'impact');
        impact?.values.forEach((value, index) => {
            if (!isImpactNumber(value)) this.reportImpact(rice, 'impactNumber', value, impact.ranges[index], accept, impact.values.length > 1);
        });
    }

    private reportImpact(rice: ast.Rice, property: string, value: string | number, valueRange: Range | undefined, accept: ValidationAcceptor, bound = false): void {
        const options = impactSuggestions(value).map(word => ({ title: `Change to ${word}`, text: word }));
        accept('error', `Impact '${value}' is not on the RICE scale: use massive (3), high (2), medium (1), low (0.5) or minimal (0.25).`, {
            node: rice, range: bound ? valueRange : this.locate.property(rice, 'impact') ?? valueRange, code: Codes.BadImpact,
            data: valueRange ? { fix: 'replace', range: rangeData(valueRange), options: bound ? options.map(o => ({ ...o, text: String(IMPACT_SCALE[o.text as keyof typeof IMPACT_SCALE]) })) : options } satisfies FixData : undefined
        });
        void property;
    }

    checkIce(ice: ast.Ice, accept: ValidationAcceptor): void {
        this.checkValue(ice, 'impact', 'ICE impact', ice.impact, RANGES.iceInput, accept);
        this.checkValue(ice, 'confidence', 'ICE confidence', ice.confidence, RANGES.iceInput, accept);
        this.checkValue(ice, 'ease', 'ICE ease', ice.ease, RANGES.iceInput, accept);
    }

    checkWsjf(wsjf: ast.Wsjf, accept: ValidationAcceptor): void {
        this.checkValue(wsjf, 'size', 'WSJF size', wsjf.size, RANGES.wsjfSize, accept);
        for (const property of ['value', 'criticality', 'risk', 'size'] as const) {
            const value = property === 'size' ? written(last(wsjf.size)) : this.checkValue(wsjf, property, `WSJF ${property}`, wsjf[property], undefined, accept);
            if (!value) continue;
            value.values.forEach((bound, index) => {
                if ((WSJF_SCALE as readonly number[]).includes(bound)) return;
                if (property === 'size' && !RANGES.wsjfSize.isValid(bound)) return;
                const nearest = nearestOnScale(bound, WSJF_SCALE);
                const valueRange = value.ranges[index];
                const at = value.values.length === 1 ? this.locate.property(wsjf, property) ?? valueRange : valueRange;
                accept('warning', `WSJF ${property} ${formatInput(bound)} is off the modified Fibonacci scale (${WSJF_SCALE.join(' ')}): use ${nearest}.`,
                    { node: wsjf, range: at, code: Codes.NotFibonacci, data: valueRange ? { fix: 'replace', range: rangeData(valueRange), options: [{ title: `Change to ${nearest}`, text: String(nearest) }] } satisfies FixData : undefined });
            });
        }
    }

    checkKanoSurvey(survey: ast.KanoSurvey, accept: ValidationAcceptor): void {
        for (const property of ['must', 'performance', 'attractive', 'indifferent', 'reverse', 'questionable'] as const) {
            this.checkNumber(survey, property, `The ${property} count`, last(survey[property]), RANGES.count, accept);
        }
    }

    checkNeed(need: ast.Need, accept: ValidationAcceptor): void {
        this.checkValue(need, 'importance', 'Importance', need.importance, RANGES.importance, accept);
        this.checkValue(need, 'satisfaction', 'Satisfaction', need.satisfaction, RANGES.satisfaction, accept);
    }

    checkFeature(feature: ast.Feature, accept: ValidationAcceptor): void {
        const own = this.checkValue(feature, 'effort', 'Effort', feature.effort, RANGES.effort, accept);
        const riceBlock = last(feature.rice);
        const rice = written(last(riceBlock?.effort));
        if (!own || !rice || sameValues(own.values, rice.values)) return;
        const ownText = own.values.map(v => formatInput(v)).join('..');
        const riceText = rice.values.map(v => formatInput(v)).join('..');
        const ownValue = own.node.$cstNode?.range;
        const riceValue = rice.node.$cstNode?.range;
        const data: FixData | undefined = ownValue && riceValue ? {
            fix: 'replace', range: rangeData(ownValue),
            options: [
                { title: `Set effort to the RICE effort (${riceText})`, text: riceText },
                { title: `Set the RICE effort to effort (${ownText})`, text: ownText, range: rangeData(riceValue) }
            ]
        } : undefined;
        accept('warning', `Effort ${ownText} differs from the RICE effort ${riceText}: make them agree (or keep only one).`,
            { node: feature, range: this.locate.property(feature, 'effort') ?? ownValue, code: Codes.EffortMismatch, data });
    }

    checkForecast(forecast: ast.Forecast | ast.Scenario, accept: ValidationAcceptor): void {
        this.checkNumber(forecast, 'months', 'Months', last(forecast.months), RANGES.months, accept);
        if (this.checkPercentWritten(forecast, 'growth', 'Growth', forecast.growth, accept)) {
            this.checkValue(forecast, 'growth', 'Growth', forecast.growth, RANGES.rate, accept);
        }
        if (this.checkPercentWritten(forecast, 'churn', 'Churn', forecast.churn, accept)) {
            this.checkValue(forecast, 'churn', 'Churn', forecast.churn, RANGES.rate, accept);
        }
        this.checkValue(forecast, 'customers', 'Customers', forecast.customers, RANGES.count, accept);
        this.checkValue(forecast, 'price', 'Price', forecast.price, undefined, accept);
        this.checkValue(forecast, 'fixedCost', 'The fixed cost', forecast.fixedCost, undefined, accept, 'cost fixed');
        this.checkValue(forecast, 'variableCost', 'The variable cost', forecast.variableCost, undefined, accept, 'cost variable');
    }

    checkPersona(persona: ast.Persona, accept: ValidationAcceptor): void {
        this.checkNumber(persona, 'size', 'Size', last(persona.size), RANGES.count, accept);
    }

    checkRelease(release: ast.Release, accept: ValidationAcceptor): void {
        this.checkDate(release, 'date', 'date', last(release.date), accept);
        this.checkNumber(release, 'capacity', 'Capacity', last(release.capacity), RANGES.count, accept);
    }

    checkMetric(metric: ast.Metric, accept: ValidationAcceptor): void {
        this.checkDate(metric, 'targetDate', 'target', last(metric.targetDate), accept);
    }
}

function sameValues(a: readonly number[], b: readonly number[]): boolean {
    return a.length === b.length && a.every((v, i) => v === b[i]);
}
