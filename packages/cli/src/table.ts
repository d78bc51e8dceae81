/** Column alignment: numbers right, text left. */
export type Align = 'left' | 'right';

/** A plain-text table with aligned columns, as a product manager would paste into a chat. */
export function textTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, align: readonly Align[]): string[] {
    const widths = headers.map((header, i) => Math.max(width(header), ...rows.map(row => width(row[i] ?? ''))));
    const line = (cells: readonly string[]) => cells
        .map((cell, i) => (align[i] === 'right' ? pad(cell, widths[i], true) : pad(cell, widths[i], false)))
        .join('  ')
        .replace(/\s+$/, '');
    return [line(headers), line(widths.map(w => '─'.repeat(w))), ...rows.map(line)];
}

/**
 * The columns a text takes in a terminal: East Asian wide and fullwidth characters take two
 * (東京), combining marks none (Unicode UAX #11, the ranges terminals use).
 */
export function width(text: string): number {
    let columns = 0;
    for (const char of text) {
        const code = char.codePointAt(0)!;
        if (/\p{Mn}|\p{Me}|\u200B|\u200D/u.test(char)) continue;
        columns += isWide(code) ? 2 : 1;
    }
    return columns;
}

function isWide(code: number): boolean {
    return (code >= 0x1100 && code <= 0x115F) || (code >= 0x2E80 && code <= 0x303E) || (code >= 0x3041 && code <= 0x33FF)
        || (code >= 0x3400 && code <= 0x4DBF) || (code >= 0x4E00 && code <= 0x9FFF) || (code >= 0xA000 && code <= 0xA4CF)
        || (code >= 0xAC00 && code <= 0xD7A3) || (code >= 0xF900 && code <= 0xFAFF) || (code >= 0xFE30 && code <= 0xFE4F)
        || (code >= 0xFF00 && code <= 0xFF60) || (code >= 0xFFE0 && code <= 0xFFE6) || (code >= 0x1F300 && code <= 0x1F64F)
        || (code >= 0x1F900 && code <= 0x1F9FF) || (code >= 0x20000 && code <= 0x3FFFD);
}

function pad(text: string, size: number, left: boolean): string {
    const fill = ' '.repeat(Math.max(0, size - width(text)));
    return left ? fill + text : text + fill;
}

/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. A text
 * field that a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a
 * carriage return) gets a leading apostrophe, as OWASP's "CSV Injection" advises; numbers
 * are written as numbers.
 */
export function csvLine(fields: ReadonlyArray<string | number | null>): string {
    return fields.map(field => {
        const raw = field === null ? '' : String(field);
        const text = typeof field === 'string' && /^[=+\-@\t\r]/.test(field) ? `'${raw}` : raw;
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    }).join(',');
}
