import { escapeMarkdown } from '@product-spec/language';

// One escaping rule for hovers and docs: it lives in the language package.
export { escapeMarkdown };

/** A declaration's name (or a diagnostic code) as inline code; anything but identifier characters is escaped text instead. */
export function codeName(name: string): string {
    return /^[\p{L}\p{N}_.-]+$/u.test(name) ? `\`${name}\`` : escapeMarkdown(name);
}

export type Align = 'left' | 'right' | 'center';

/** A GFM table; cells are markdown already (escape spec text with escapeMarkdown first). */
export function markdownTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, align?: readonly Align[]): string[] {
    const cell = (text: string) => text.replace(/\r\n?|\n/g, ' ');
    const rule = headers.map((_, i) => (align?.[i] === 'right' ? '---:' : align?.[i] === 'center' ? ':---:' : '---'));
    return [
        `| ${headers.map(cell).join(' | ')} |`,
        `| ${rule.join(' | ')} |`,
        ...rows.map(row => `| ${row.map(cell).join(' | ')} |`)
    ];
}

/**
 * A link to another generated file. The text is markdown already (escape spec text first);
 * the target is built by the generator from names (identifiers in any script), never from
 * spec text; letters outside ASCII are percent-encoded, as CommonMark link destinations expect.
 */
export function markdownLink(text: string, target: string): string {
    if (!/^[\p{L}\p{N}_./#-]+$/u.test(target)) throw new Error(`Unsafe link target: ${target}`);
    return `[${text}](${encodeURI(target)})`;
}

/** Items as prose: "a, b and c" (items are markdown already); `none` when there are none. */
export function listText(items: readonly string[], none = '–'): string {
    if (items.length === 0) return none;
    if (items.length === 1) return items[0];
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
