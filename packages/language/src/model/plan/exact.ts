/**
 * Exact arithmetic for the planner. Efforts and capacities are decimals as written in the
 * spec (0.1 + 0.2 fits a capacity of 0.3), so they become integers of a common decimal
 * unit. Scores are computed doubles: a sum of them is taken exactly, as the integer
 * mantissas of one common binary exponent (BigInt), so that no sum depends on the order
 * of its terms and two plans compare as their exact totals do.
 */

/** At most this many decimal places of an effort or a capacity are kept (1e-9 person-months). */
export const MAX_DECIMALS = 9;

/** How many decimal places a number needs when written out: 2.5 → 1, 0.125 → 3, 1e-7 → 7, 40 → 0. */
export function decimalPlaces(value: number): number {
    if (!Number.isFinite(value)) return 0;
    const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(value)));
    if (!match) return MAX_DECIMALS;
    const fraction = match[2]?.length ?? 0;
    const exponent = match[3] ? Number(match[3]) : 0;
    return Math.max(0, fraction - exponent);
}

/**
 * The decimal unit that makes every value an integer (10^-d for the most decimal places
 * any value needs, at most MAX_DECIMALS), as a scale factor, reduced until the sum of all
 * scaled values stays below 2^53 so that integer arithmetic on doubles is exact.
 */
export function decimalScale(values: readonly number[]): number {
    let places = 0;
    let total = 0;
    for (const value of values) {
        places = Math.max(places, decimalPlaces(value));
        total += Math.abs(value);
    }
    places = Math.min(places, MAX_DECIMALS);
    while (places > 0 && total * Math.pow(10, places) >= 2 ** 52) places--;
    return Math.pow(10, places);
}

/** A value in units of the scale: an integer. */
export function toUnits(value: number, scale: number): number {
    return Math.round(value * scale);
}

const view = new DataView(new ArrayBuffer(8));

/** A finite double as mantissa × 2^exponent with an integer mantissa (0 is 0 × 2^0). */
export function binaryParts(value: number): { mantissa: bigint; exponent: number } {
    if (value === 0 || !Number.isFinite(value)) return { mantissa: 0n, exponent: 0 };
    view.setFloat64(0, value);
    const high = view.getUint32(0);
    const low = view.getUint32(4);
    const biased = (high >>> 20) & 0x7ff;
    let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
    let exponent: number;
    if (biased === 0) {
        exponent = -1074;
    } else {
        mantissa |= 1n << 52n;
        exponent = biased - 1075;
    }
    return { mantissa: high >>> 31 ? -mantissa : mantissa, exponent };
}

/** Exact integers for a list of doubles: value = integer × 2^exponent, one exponent for all. */
export interface ExactValues {
    readonly integers: bigint[];
    readonly exponent: number;
}

export function exactValues(values: readonly number[]): ExactValues {
    const parts = values.map(binaryParts);
    let exponent = Infinity;
    for (const part of parts) if (part.mantissa !== 0n && part.exponent < exponent) exponent = part.exponent;
    if (exponent === Infinity) exponent = 0;
    return {
        integers: parts.map(part => (part.mantissa === 0n ? 0n : part.mantissa << BigInt(part.exponent - exponent))),
        exponent
    };
}

/** An exact integer of an exponent back to the nearest double (for reports and tolerances). */
export function exactToNumber(integer: bigint, exponent: number): number {
    if (integer === 0n) return 0;
    let value = Number(integer);
    if (!Number.isFinite(value)) {
        // Over 1024 bits: drop low bits first (scores spanning 300 orders of magnitude).
        const shift = (integer < 0n ? -integer : integer).toString(16).length * 4 - 64;
        value = Number(integer >> BigInt(shift));
        exponent += shift;
    }
    // Scale in two steps so that neither factor overflows nor underflows on the way.
    const half = Math.trunc(exponent / 2);
    return value * Math.pow(2, half) * Math.pow(2, exponent - half);
}
