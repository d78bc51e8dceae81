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

function width(text: string): number {
    return [...text].length;
}

function pad(text: string, size: number, left: boolean): string {
    const fill = ' '.repeat(Math.max(0, size - width(text)));
    return left ? fill + text : text + fill;
}

/** RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvLine(fields: ReadonlyArray<string | number | null>): string {
    return fields.map(field => {
        const text = field === null ? '' : String(field);
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    }).join(',');
}
