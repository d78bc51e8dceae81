import type { LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import type { FixData } from '../validation/codes.js';
import type { ProductSpecServices } from '../product-spec-module.js';
import { planCodeActions } from './plan-actions.js';

/** The fixes a diagnostic carries: validators put them in `data` (one fix, or `{ fixes }`). */
export function fixesOf(diagnostic: Diagnostic): FixData[] {
    const data = diagnostic.data as { fix?: string; fixes?: FixData[] } | undefined;
    if (!data) return [];
    if (Array.isArray(data.fixes)) return data.fixes;
    return data.fix ? [data as FixData] : [];
}

/**
 * Quick fixes for mechanical repairs. Each diagnostic says in its data what to change,
 * so the fix is computed once, where the problem is found; on over-capacity, the release
 * plan adds its moves (plan-actions.ts).
 */
export class ProductSpecCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: ProductSpecServices) { }

    async getCodeActions(document: LangiumDocument, params: CodeActionParams, cancelToken?: CancellationToken): Promise<Array<Command | CodeAction>> {
        const uri = document.textDocument.uri;
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            fixesOf(diagnostic).forEach((fix, fixIndex) => {
                const preferred = fixIndex === 0;
                switch (fix.fix) {
                    case 'replace':
                        fix.options.forEach((option, index) => actions.push({
                            title: option.title,
                            kind: CodeActionKind.QuickFix,
                            diagnostics: [diagnostic],
                            isPreferred: preferred && index === 0,
                            edit: { changes: { [uri]: [{ range: option.range ?? fix.range, newText: option.text }] } }
                        }));
                        break;
                    case 'remove': {
                        // Also remove the whitespace before the property, so no blank gap is left.
                        const text = document.textDocument.getText();
                        let start = document.textDocument.offsetAt(fix.range.start);
                        while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
                        actions.push({
                            title: fix.title,
                            kind: CodeActionKind.QuickFix,
                            diagnostics: [diagnostic],
                            isPreferred: preferred,
                            edit: { changes: { [uri]: [{ range: { start: document.textDocument.positionAt(start), end: fix.range.end }, newText: '' }] } }
                        });
                        break;
                    }
                    case 'declare':
                        actions.push({
                            title: `Declare ${fix.kind} ${fix.name} in product ${fix.container}`,
                            kind: CodeActionKind.QuickFix,
                            diagnostics: [diagnostic],
                            isPreferred: false,
                            edit: {
                                changes: {
                                    [uri]: [{
                                        range: { start: fix.insertAt, end: fix.insertAt },
                                        newText: fix.indent === ' ' ? ` ${fix.kind} ${fix.name} ` : `${fix.indent}${fix.kind} ${fix.name}\n`
                                    }]
                                }
                            }
                        });
                        break;
                }
            });
        }
        // The release plan's fixes for over-capacity (plan-actions.ts).
        actions.push(...await planCodeActions(document, params.context.diagnostics, this.services, cancelToken));
        return actions;
    }
}
