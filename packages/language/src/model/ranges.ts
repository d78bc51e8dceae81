/**
 * The valid range of each numeric input (language contract, `out-of-range`). The model
 * treats a value outside its range as missing; the validator reports it with `expected`.
 */
export interface InputRange {
    /** What a valid value is, for messages: "between 0 and 10". */
    readonly expected: string;
    readonly isValid: (value: number) => boolean;
    /** The nearest valid value when there is an obvious one (used by the quick fix). */
    readonly nearest?: (value: number) => number | undefined;
    /** How to write a value back in the spec (percents as `80%`). */
    readonly percent?: boolean;
}

function between(min: number, max: number): InputRange {
    return {
        expected: `between ${min} and ${max}`,
        isValid: v => v >= min && v <= max,
        nearest: v => (v < min ? min : v > max ? max : undefined)
    };
}

/** The longest forecast, in months. */
export const MAX_FORECAST_MONTHS = 600;

export const RANGES = {
    /** RICE confidence: a percent in (0, 100]. */
    confidence: {
        expected: 'above 0% and at most 100%',
        isValid: v => v > 0 && v <= 1,
        nearest: v => (v > 1 ? 1 : undefined),
        percent: true
    },
    effort: { expected: 'more than 0 (person-months)', isValid: v => v > 0 },
    reach: { expected: '0 or more', isValid: v => v >= 0, nearest: v => (v < 0 ? 0 : undefined) },
    importance: between(0, 10),
    satisfaction: between(0, 10),
    iceInput: between(1, 10),
    wsjfSize: { expected: 'more than 0', isValid: v => v > 0 },
    rate: { expected: 'below 100%', isValid: v => v < 1, percent: true },
    /** Bounded so that a forecast is bounded work (50 years by month; issue 12): 10^9 months once took the server's memory. */
    months: { expected: `a whole number from 1 to ${MAX_FORECAST_MONTHS}`, isValid: v => v >= 1 && v <= MAX_FORECAST_MONTHS && Number.isInteger(v) },
    count: { expected: '0 or more', isValid: v => v >= 0, nearest: v => (v < 0 ? 0 : undefined) },
} satisfies Record<string, InputRange>;

export type RangeName = keyof typeof RANGES;

/** The value if present and valid, else undefined. */
export function validValue(value: number | undefined, range: InputRange): number | undefined {
    return value !== undefined && range.isValid(value) ? value : undefined;
}

/** A real calendar date in ISO form (the lexer only checks the shape). */
export function isCalendarDate(text: string): boolean {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
