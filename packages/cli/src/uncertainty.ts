import { UNCERTAINTY_LIMITS } from '@product-spec/language/methods';
import type { CommandInput } from './arguments.js';
import { UsageError } from './errors.js';

export interface UncertaintyRequest {
    readonly samples: number;
    readonly seed: number;
    readonly top: number;
}

/** `--samples`, `--seed`, `--top`: whole numbers within the documented bounds, and only with `--uncertainty`. */
export function uncertaintyOptions(options: CommandInput['options']): UncertaintyRequest | undefined {
    const given = (['samples', 'seed', 'top'] as const).filter(name => options[name] !== undefined);
    if (!options.uncertainty) {
        if (given.length > 0) throw new UsageError(`Option --${given[0]} is used with --uncertainty; add --uncertainty or leave it out.`);
        return undefined;
    }
    return {
        samples: wholeNumber('samples', options.samples as string | undefined, UNCERTAINTY_LIMITS.samples),
        seed: wholeNumber('seed', options.seed as string | undefined, UNCERTAINTY_LIMITS.seed),
        top: wholeNumber('top', options.top as string | undefined, UNCERTAINTY_LIMITS.top)
    };
}

function wholeNumber(name: string, value: string | undefined, bounds: { default: number; min: number; max: number }): number {
    if (value === undefined) return bounds.default;
    const number = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(number) || number < bounds.min || number > bounds.max) {
        throw new UsageError(`Option --${name} must be a whole number from ${bounds.min} to ${bounds.max.toLocaleString('en-US')}, not '${value}'.`);
    }
    return number;
}

/**
 * The draws keep each feature's ranks (or each month's figures) in memory; a request
 * beyond the bound is refused up front rather than exhausting memory halfway.
 */
export function checkDrawMemory(cells: number, perDraw: number, bound: number, samples: number, what: string): void {
    if (cells <= bound) return;
    const most = Math.max(1, Math.floor(bound / perDraw));
    throw new UsageError(`--samples ${samples.toLocaleString('en-US')} is too many draws for ${what}; use --samples ${most.toLocaleString('en-US')} or fewer.`);
}
