/**
 * Texts of the ranking view and the status bar, as pure functions (unit-tested in Node).
 * Numbers are formatted by the language package's display helpers, as hover and code lens do.
 */
import { formatChance, formatNumber, methodLabel, rankBand, rankMoves, scoreText, type Method, type RankReportFeature } from '../shared/protocol.js';

/**
 * `RICE 1,500 → 3,200 (from bulk_export)`, `WSJF 10.33`, `unscored`, `shipped`; a rank that
 * moves in more than a fifth of the draws of its ranges ends in `· draws 2–5` (its 10th to
 * 90th percentile).
 */
export function featureScoreText(feature: RankReportFeature, method: Method): string {
    if (feature.rank === null) return feature.status;
    const score = scoreText(method, feature.score, feature.effectiveScore, feature.inheritedFrom);
    const drawn = feature.uncertainty;
    // Marked only when 80% of the draws do not agree with the rank shown.
    if (!drawn || !rankMoves(feature.rank, drawn)) return score;
    return `${score} · draws ${rankBand(drawn)}`;
}

/** The tooltip's line on the draws: "over 10,000 draws: rank 2 to 4 in 80%, first in 8%". */
function drawnLine(feature: RankReportFeature): string | undefined {
    const drawn = feature.uncertainty;
    if (!drawn) return undefined;
    const draws = `over ${formatNumber(drawn.samples)} draws of the ranges`;
    if (drawn.stable) return `${draws}: rank ${drawn.rankP50} in every draw`;
    const band = drawn.rankP10 === drawn.rankP90 ? `rank ${drawn.rankP50} in 80% of them` : `rank ${drawn.rankP10} to ${drawn.rankP90} in 80% of them`;
    return `${draws}: ${band}, median ${drawn.rankP50}, first in ${formatChance(drawn.pFirst)}`;
}

/** `#3 Single sign-on`, or `– PDF export` for a shipped or dropped feature. */
export function featureLabel(feature: RankReportFeature): string {
    return `${feature.rank === null ? '–' : `#${feature.rank}`} ${feature.title ?? feature.name}`;
}

/** The tooltip's lines (plain text; the caller escapes them for markdown). */
export function featureDetails(feature: RankReportFeature, method: Method): string[] {
    const lines = [
        `${feature.title ?? feature.name} (${feature.name})`,
        feature.rank === null ? `${feature.status}: listed, not ranked` : `rank ${feature.rank} · ${methodLabel(method)} ${formatNumber(feature.score)} · effective ${formatNumber(feature.effectiveScore)}`
    ];
    const drawn = drawnLine(feature);
    if (drawn) lines.push(drawn);
    if (feature.inheritedFrom) lines.push(`effective score inherited from ${feature.inheritedFrom}, which requires it`);
    const facts = [
        feature.moscow && `MoSCoW ${feature.moscow}`,
        feature.kano && `Kano ${feature.kano.category}`,
        `status ${feature.status}`,
        feature.effort !== null && `effort ${formatNumber(feature.effort)}`,
        feature.release && `release ${feature.release}`
    ].filter(Boolean);
    lines.push(facts.join(' · '));
    if (feature.requires.length) lines.push(`requires ${feature.requires.join(', ')}`);
    if (feature.requiredBy.length) lines.push(`required by ${feature.requiredBy.join(', ')}`);
    return lines;
}

/** Shortens a title for the status bar. */
export function shorten(text: string, max = 32): string {
    return [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('').trimEnd()}…`;
}

export interface StatusSummary {
    product: string;
    errors: number;
    warnings: number;
    top?: RankReportFeature;
}

/** The status bar item's text: `$(package) acme  $(error) 0  $(warning) 1  $(arrow-up) Bank feed import`. */
export function statusText(summary: StatusSummary): string {
    const top = summary.top ? `  $(arrow-up) ${shorten(summary.top.title ?? summary.top.name)}` : '  $(arrow-up) no ranked feature';
    return `$(package) ${summary.product}  $(error) ${summary.errors}  $(warning) ${summary.warnings}${top}`;
}
