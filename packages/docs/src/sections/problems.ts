import { count } from '../labels.js';
import { codeName, escapeMarkdown, markdownTable } from '../markdown.js';
import type { ProductContext } from '../page.js';
import type { DocsProblem } from '../problems.js';

export function problemsTable(problems: readonly DocsProblem[]): string[] {
    return markdownTable(['Severity', 'Where', 'Code', 'Problem'], problems.map(p => [
        p.severity === 'error' ? '**error**' : p.severity,
        escapeMarkdown(`${p.file}:${p.line}:${p.column}`),
        p.code ? codeName(p.code) : '–',
        escapeMarkdown(p.message)
    ]));
}

export function openProblems({ problems }: ProductContext): string[] {
    if (problems.length === 0) return ['None: the spec of this product has no errors and no warnings.'];
    const errors = problems.filter(p => p.severity === 'error').length;
    const warnings = problems.filter(p => p.severity === 'warning').length;
    return [
        `What the spec itself reports as unresolved: ${count(errors, 'error')} and ${count(warnings, 'warning')}` +
        `${errors > 0 ? '. With errors, some numbers above may be incomplete' : ''}. Run \`product-spec validate\` for the details.`,
        '',
        ...problemsTable(problems)
    ];
}
