import type { CommandInput } from '../arguments.js';
import { Exit } from '../errors.js';
import { diagnosticEntries, loadWorkspace } from '../workspace.js';
import type { Output } from '../output.js';

export async function run({ positionals, options }: CommandInput, out: Output): Promise<number> {
    const workspace = await loadWorkspace(positionals.length > 0 ? positionals : ['.'], { exclude: options.exclude as string[] | undefined });
    const entries = diagnosticEntries(workspace);
    if (options.format === 'json') {
        out.stdout(JSON.stringify({ diagnostics: entries, errors: workspace.errors, warnings: workspace.warnings }, null, 2));
    } else {
        for (const entry of entries) {
            out.stdout(`${entry.file}:${entry.line}:${entry.column} - ${entry.severity} ${entry.code}: ${entry.message}`);
        }
        out.stdout(summary(workspace.errors, workspace.warnings, workspace.files.length));
    }
    return workspace.errors > 0 ? Exit.SpecErrors : Exit.Ok;
}

export function summary(errors: number, warnings: number, files: number): string {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}.`;
}
