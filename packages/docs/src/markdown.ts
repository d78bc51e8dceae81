/**
 * Markdown that spec text cannot break or inject into: newlines become spaces; every
 * character with inline meaning in CommonMark/GFM is backslash-escaped (so `|` cannot end a
 * table cell, a backtick cannot open code, `<script>` shows as text, and since brackets are
 * escaped no link, `javascript:` or other, can form); a leading `#`, `-`, `+`, `>` or `1.`
 * cannot start a heading, list or quote.
 */
export function escapeMarkdown(text: string): string {
    return text
        .replace(/\r\n?|\n/g, ' ')
        .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
        .replace(/^(\s*)([-+=#>])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A declaration's name as inline code (names are identifiers, so they need no escaping). */
export function codeName(name: string): string {
    return /^[A-Za-z0-9_.]*$/.test(name) ? `\`${name}\`` : escapeMarkdown(name);
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
