/** How values appear in diagnostic messages and quick fixes. */
import { AstUtils, type AstNode } from 'langium';

/** How a number is written back into a spec. */
export function formatInput(value: number, percent = false): string {
    const shown = percent ? value * 100 : value;
    const text = String(Number(shown.toPrecision(12)));
    return percent ? `${text}%` : text;
}

/**
 * Levenshtein distance (for "did you mean" suggestions). With `limit`, it stops as soon as
 * the distance must exceed it and returns limit + 1: a row whose smallest entry is over
 * the limit can only grow.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = previous[0];
        previous[0] = i;
        let smallest = i;
        for (let j = 1; j <= b.length; j++) {
            const above = previous[j];
            previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
            if (previous[j] < smallest) smallest = previous[j];
        }
        if (smallest > limit) return limit + 1;
    }
    return Math.min(previous[b.length], limit + 1);
}

/** The word a message uses for a declaration's type. */
export const KIND_WORD: Readonly<Record<string, string>> = {
    Product: 'product', Stakeholder: 'stakeholder', Persona: 'persona', Need: 'need', Objective: 'objective',
    Metric: 'metric', Release: 'release', Feature: 'feature', Forecast: 'forecast'
};

/** The word a message uses for a block: a declaration or a nested block. */
export const BLOCK_WORD: Readonly<Record<string, string>> = {
    ...KIND_WORD, Rice: 'rice block', Wsjf: 'wsjf block', Ice: 'ice block', KanoSurvey: 'kano survey', Scoring: 'scoring block'
};

export function kindWord(type: string): string {
    return KIND_WORD[type] ?? type.toLowerCase();
}

export function blockWord(type: string): string {
    return BLOCK_WORD[type] ?? type.toLowerCase();
}

/** `file:line:col` of a node, for messages that point elsewhere (1-based, like the CLI). */
export function whereIs(node: AstNode): string {
    const document = AstUtils.getDocument(node);
    const start = node.$cstNode?.range.start ?? { line: 0, character: 0 };
    const path = document.uri.path;
    return `${path.slice(path.lastIndexOf('/') + 1)}:${start.line + 1}:${start.character + 1}`;
}
