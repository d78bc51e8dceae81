/**
 * Mermaid source that spec text cannot break or inject into.
 *
 * Every diagram type reads its labels with its own lexer (Mermaid 11/12 grammars:
 * `flowchart` node labels in `["..."]` end at a quote; `quadrantChart` point names in
 * `"..."` end at a quote; `gantt` task names end at `:` and a line, task data at `#` or
 * `;`; `%%` starts a comment and `%%{...}%%` a directive anywhere in the text; a label
 * starting with a backtick is a Markdown string; flowchart labels are drawn as HTML).
 * All of them decode Mermaid's entity codes (`#35;` is `#`) when they draw the text, so
 * the one safe form for all three is: spec text on one line, with every character that
 * any of these lexers or the HTML rendering gives meaning to written as a decimal entity
 * code. Identifiers (node and task ids) are generated, never taken from the spec, so a
 * name such as `end` cannot become a keyword.
 */

/** Characters written as `#NN;`: quotes, comment/directive, entity, HTML, Markdown-string, gantt and table syntax. */
const SPECIAL = /["#%&`;:<>[\]{}|\\]/g;

/** Spec text on one line: line breaks and other control characters become single spaces. */
export function oneLine(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Spec text as the content of a Mermaid label (inside quotes, or a gantt name). */
export function mermaidText(text: string): string {
    return oneLine(text).replace(SPECIAL, character => `#${character.codePointAt(0)};`);
}

/** Shortens text for a chart label (whole words where possible), before it is escaped. */
export function shorten(text: string, max: number): string {
    const line = oneLine(text);
    if ([...line].length <= max) return line;
    const cut = [...line].slice(0, max - 1).join('');
    const space = cut.lastIndexOf(' ');
    return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** A flowchart node: a generated id and a quoted label. */
export function flowchartNode(id: string, label: string): string {
    return `${id}["${mermaidText(label)}"]`;
}

/** A quadrant chart point: `"name": [x, y]`, both coordinates in 0..1. */
export function quadrantPoint(label: string, x: number, y: number): string {
    return `"${mermaidText(label)}": [${unitCoordinate(x)}, ${unitCoordinate(y)}]`;
}

/**
 * Words that start a statement in Mermaid's gantt lexer (case-insensitive, matched at the
 * start of a line): a task or section name starting with one would be read as that
 * statement, so its first letter is written as an entity code.
 */
const GANTT_STATEMENT = /^(gantt|title|section|dateformat|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|inclusiveenddates|topaxis|acctitle|accdescr|click|call|href)/i;

/** A gantt task or section name; `fallback` (an identifier) when the text is empty. */
export function ganttText(text: string, fallback: string): string {
    const escaped = mermaidText(text) || fallback;
    return GANTT_STATEMENT.test(escaped) ? `#${escaped.codePointAt(0)};${escaped.slice(1)}` : escaped;
}

/**
 * A coordinate of a quadrant chart. Mermaid's lexer accepts only `1` or `0` followed by
 * optional decimals (so never `1.0` or `.5`).
 */
export function unitCoordinate(value: number): string {
    const rounded = Math.round(Math.min(Math.max(value, 0), 1) * 1000) / 1000;
    if (rounded >= 1) return '1';
    if (rounded <= 0) return '0';
    return rounded.toFixed(3).replace(/0+$/, '');
}

/** A Mermaid block for a markdown file. */
export function mermaidBlock(lines: readonly string[]): string[] {
    return ['```mermaid', ...lines, '```'];
}
