import { visibleControls } from '../model/display.js';
/**
 * Markdown that spec text cannot break or inject into (hovers, completion documentation and
 * the generated docs): newlines become spaces; every character with inline meaning in
 * CommonMark/GFM is backslash-escaped, so `|` cannot end a table cell, a backtick cannot open
 * code, `<script>` shows as text, `$` cannot open math, and since brackets are escaped no
 * link (`javascript:` or other) can form; a leading `#`, `-`, `+`, `>` or `1.` cannot start a
 * heading, list or quote.
 */
export function escapeMarkdown(text: string): string {
    return visibleControls(text.replace(/\r\n?|\n/g, ' '))
        .replace(/[\\`*_[\]<>|~&$]/g, '\\$&')
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
