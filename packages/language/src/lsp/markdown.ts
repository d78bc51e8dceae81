/**
 * Markdown for hovers and completion documentation. Text written in a spec (titles, roles,
 * units) is escaped so that it shows as written: it cannot open emphasis, code, links or
 * HTML, and cannot start a heading, list or quote.
 */
export function escapeMarkdown(text: string): string {
    return text
        .replace(/\r\n?|\n/g, ' ')
        .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
        .replace(/^(\s*)([-+=#>])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/**
 * A declaration name (an identifier, possibly qualified). Underscores inside a word never
 * start emphasis in CommonMark, so `bulk_export` stays as it is; only an underscore at the
 * start or end of a name is escaped.
 */
export function mdName(name: string): string {
    return name.replace(/(^|[^A-Za-z0-9])_|_(?=$|[^A-Za-z0-9])/g, match => match.replace('_', '\\_'));
}

/** Names separated by commas, as a spec writes them: "auth, billing". */
export function nameList(names: readonly string[]): string {
    return names.map(mdName).join(', ');
}
