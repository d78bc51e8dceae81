/**
 * The orders the model and its readers sort by, in one place. Text compares by UTF-16 code
 * units (as `<` does), so that the same names sort the same on every machine and locale.
 */
export function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** Things with a name, by name (`compareText`). */
export function byName<T extends { readonly name: string }>(a: T, b: T): number {
    return compareText(a.name, b.name);
}
