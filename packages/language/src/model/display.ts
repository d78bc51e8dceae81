/**
 * How numbers are shown to people (hover, code lens, CLI tables, docs): rounded to at
 * most 2 decimals, with thousands separators. The model itself never rounds.
 */
export function formatNumber(value: number | null | undefined, decimals = 2): string {
    if (value === null || value === undefined || Number.isNaN(value)) return '–';
    if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
    const factor = Math.pow(10, decimals);
    const rounded = Math.round(Math.abs(value) * factor) / factor;
    const [whole, fraction] = rounded.toFixed(decimals).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const trimmed = fraction ? fraction.replace(/0+$/, '') : '';
    const sign = value < 0 && rounded !== 0 ? '-' : '';
    return `${sign}${grouped}${trimmed ? `.${trimmed}` : ''}`;
}

/** Money and other columns that always show 2 decimals: "9,800.00". */
export function formatFixed(value: number | null | undefined, decimals = 2): string {
    if (value === null || value === undefined || !Number.isFinite(value)) return '–';
    const rounded = Math.round(Math.abs(value) * Math.pow(10, decimals)) / Math.pow(10, decimals);
    const [whole, fraction] = rounded.toFixed(decimals).split('.');
    const sign = value < 0 && rounded !== 0 ? '-' : '';
    return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** A fraction as a percent: 0.7368 → "73.68%". */
export function formatPercent(fraction: number | null | undefined, decimals = 2): string {
    if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
    return `${formatNumber(fraction * 100, decimals)}%`;
}

/**
 * A probability as a whole percent ("62%"), never rounded to a certainty it is not:
 * "<1%" above 0, ">99%" below 1.
 */
export function formatChance(probability: number): string {
    const percent = Math.round(probability * 100);
    if (percent === 0 && probability > 0) return '<1%';
    if (percent === 100 && probability < 1) return '>99%';
    return `${percent}%`;
}

/** The name people use for a method: RICE, ICE, WSJF, Kano, MoSCoW, weighted. */
export function methodLabel(method: string): string {
    switch (method) {
        case 'rice': return 'RICE';
        case 'ice': return 'ICE';
        case 'wsjf': return 'WSJF';
        case 'kano': return 'Kano';
        case 'moscow': return 'MoSCoW';
        default: return 'Weighted';
    }
}

/** The name of a weighted-scoring driver: RICE, ICE, WSJF, Kano, MoSCoW, opportunity. */
export function driverLabel(driver: string): string {
    return driver === 'opportunity' ? 'opportunity' : methodLabel(driver);
}

/**
 * A feature's score as lens, ranking view and tables show it: `RICE 1,500`, or
 * `RICE 1,500 → 3,200 (from bulk_export)` when its effective score is inherited.
 */
export function scoreText(method: string, score: number | null, effectiveScore: number | null, inheritedFrom?: string | null): string {
    const own = `${methodLabel(method)} ${score === null ? 'unscored' : formatNumber(score)}`;
    return inheritedFrom && effectiveScore !== null ? `${own} → ${formatNumber(effectiveScore)} (from ${inheritedFrom})` : own;
}

/** A number or range as people read it: `4,000`, `2,000..6,000`, `50%..90%` (percents as fractions). */
export function rangeText(values: readonly number[], percent = false): string {
    return values.map(value => (percent ? formatPercent(value) : formatNumber(value))).join('..');
}

/** An estimate as people read it: `4,000`, or `2,000..6,000 (mean 4,000)`. */
export function estimateText(estimate: { kind: string; low: number; mode?: number; high: number; mean: number }, percent = false): string {
    if (estimate.kind === 'exact') return rangeText([estimate.mean], percent);
    const bounds = estimate.mode !== undefined ? [estimate.low, estimate.mode, estimate.high] : [estimate.low, estimate.high];
    return `${rangeText(bounds, percent)} (mean ${rangeText([estimate.mean], percent)})`;
}

/**
 * Text with every character that could drive a terminal or hide what it says made
 * visible as `\u001B`: C0 controls but line feed and tab, DEL, C1 controls (U+0080–U+009F,
 * U+009B is a CSI), and the bidirectional controls of "Trojan Source" (U+202A–U+202E,
 * U+2066–U+2069). Everything printed or generated from spec text goes through it.
 */
export function visibleControls(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
        character => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** The ranks 80% of a feature's draws fall in (decide.md §2): "2–5", or "5" when its 10th and 90th percentile agree. */
export function rankBand(drawn: { readonly rankP10: number; readonly rankP90: number }): string {
    return drawn.rankP10 === drawn.rankP90 ? `${drawn.rankP10}` : `${drawn.rankP10}–${drawn.rankP90}`;
}

/** Whether a rank moves over the draws: 80% of them (10th to 90th percentile) do not all hold the rank shown. */
export function rankMoves(rank: number, drawn: { readonly rankP10: number; readonly rankP90: number }): boolean {
    return drawn.rankP10 !== rank || drawn.rankP90 !== rank;
}
