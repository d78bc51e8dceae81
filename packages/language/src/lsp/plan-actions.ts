import { AstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import { CodeActionKind, type CancellationToken, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type * as ast from '../generated/ast.js';
import { isRelease } from '../generated/ast.js';
import { formatNumber } from '../model/display.js';
import type { PlanMove, ProductPlan } from '../model/plan/plan.js';
import type { ReleaseModel } from '../model/types.js';
import type { ProductSpecServices } from '../product-spec-module.js';
import { Codes } from '../validation/codes.js';
import { INDENT } from './formatter.js';

/**
 * The release plan in the editor (decide.md §1): a code lens on each release with a
 * capacity, and on `over-capacity` a quick fix per feature the plan moves out of the
 * release, plus one action applying the whole plan of the product as one workspace edit.
 * Edits add, change or remove `release` properties as the formatter writes them.
 */

/** "plan: load 3 / 5 · 2 moves" (moves into or out of the release); "· not proven" when the search was stopped. */
export function planLensTitle(plan: ProductPlan, release: ReleaseModel): string | undefined {
    const entry = plan.releases.find(r => r.release === release);
    if (!entry || entry.capacity === null) return undefined;
    const moves = `${entry.moves} move${entry.moves === 1 ? '' : 's'}`;
    return `plan: load ${formatNumber(entry.load)} / ${formatNumber(entry.capacity)} · ${moves}${plan.optimal ? '' : ' · not proven'}`;
}

/** The quick fixes of the plan for the over-capacity diagnostics among `diagnostics`. */
export async function planCodeActions(document: LangiumDocument, diagnostics: readonly Diagnostic[], services: ProductSpecServices, cancelToken?: CancellationToken): Promise<CodeAction[]> {
    const overCapacity = diagnostics.filter(d => d.code === Codes.OverCapacity);
    if (overCapacity.length === 0) return [];
    const model = await services.model.ModelService.ready(cancelToken);
    const actions: CodeAction[] = [];
    for (const diagnostic of overCapacity) {
        const node = releaseAt(document, diagnostic);
        const release = node && model.releases.get(node);
        if (!release) continue;
        let plan: ProductPlan;
        try {
            plan = await services.model.PlanService.plan(release.product);
        } catch {
            return actions; // the documents changed meanwhile: these diagnostics are outdated
        }
        for (const move of plan.moves.filter(m => m.from === release)) {
            actions.push({
                title: move.to ? `Move ${move.feature.name} to ${move.to.name}` : `Remove ${move.feature.name} from ${release.name}`,
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
                edit: releaseEdits([move])
            });
        }
        if (plan.moves.length > 0) {
            actions.push({
                title: `Apply the release plan of product ${plan.product.name}`,
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
                edit: releaseEdits(plan.moves)
            });
        }
    }
    return actions;
}

function releaseAt(document: LangiumDocument, diagnostic: Diagnostic): ast.Release | undefined {
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
        const cst = node.$cstNode;
        if (isRelease(node) && cst && cst.offset <= offset && offset < cst.end) return node;
    }
    return undefined;
}

/** One workspace edit for the moves, in whichever files hold the features. */
export function releaseEdits(moves: readonly PlanMove[]): WorkspaceEdit {
    const changes: Record<string, TextEdit[]> = {};
    for (const move of moves) {
        const document = AstUtils.getDocument(move.feature.node);
        const edit = releaseEdit(document, move.feature.node, move.to);
        if (edit) (changes[document.uri.toString()] ??= []).push(edit);
    }
    return { changes };
}

/** The edit that gives a feature the release `to` (its own product's: named short), or none (removes the property). */
export function releaseEdit(document: LangiumDocument, feature: ast.Feature, to: ReleaseModel | null): TextEdit | undefined {
    const text = document.textDocument.getText();
    const at = (offset: number) => document.textDocument.positionAt(offset);
    const cst = feature.$cstNode;
    if (!cst) return undefined;
    const keyword = GrammarUtils.findNodeForKeyword(cst, 'release');
    const reference = GrammarUtils.findNodeForProperty(cst, 'release');
    const name = to ? (to.product.name === feature.$container.name ? to.name : `${to.product.name}.${to.name}`) : undefined;
    if (keyword && reference) {
        if (name !== undefined) return { range: { start: at(reference.offset), end: at(reference.end) }, newText: name };
        // Remove `release r1`: with its whole line when it stands alone there, else with the space before it.
        const lineStart = text.lastIndexOf('\n', keyword.offset - 1) + 1;
        let lineEnd = text.indexOf('\n', reference.end);
        if (lineEnd < 0) lineEnd = text.length;
        const before = text.slice(lineStart, keyword.offset);
        const after = text.slice(reference.end, lineEnd).replace(/\r$/, '');
        if (/^[ \t]*$/.test(before) && /^[ \t]*$/.test(after) && lineEnd < text.length) {
            return { range: { start: at(lineStart), end: at(lineEnd + 1) }, newText: '' };
        }
        let start = keyword.offset;
        while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
        return { range: { start: at(start), end: at(reference.end) }, newText: '' };
    }
    if (name === undefined) return undefined;
    const open = GrammarUtils.findNodeForKeyword(cst, '{');
    const close = GrammarUtils.findNodeForKeyword(cst, '}');
    // A feature without a block has no effort, so the plan never places it.
    if (!open || !close) return undefined;
    if (open.range.start.line !== close.range.start.line) {
        // A block over several lines: a line of its own at the end of the `{` line, indented as the formatter does.
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        let end = text.indexOf('\n', open.end);
        if (end < 0) end = text.length;
        if (text[end - 1] === '\r') end--;
        return { range: { start: at(end), end: at(end) }, newText: `${eol}${INDENT.repeat(2)}release ${name}` };
    }
    // A block on one line: first after the `{`, with single spaces.
    const next = text[open.end];
    return { range: { start: at(open.end), end: at(open.end) }, newText: next === ' ' ? ` release ${name}` : ` release ${name} ` };
}
