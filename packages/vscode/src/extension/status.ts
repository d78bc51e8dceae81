import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { ProductAtRequest, RankRequest, formatNumber, methodLabel, type ProductAt } from '../shared/protocol.js';
import { LANGUAGE_ID } from './client.js';
import { configuredMethod, type MethodChoice } from './ranking.js';
import { Refresher } from './refresher.js';
import { statusText, type StatusSummary } from './ranking-text.js';

/**
 * The status bar item of a product editor: the product at the cursor, its errors and
 * warnings (the diagnostics inside its `product` blocks, in every file, as the Problems
 * panel shows them) and its top-ranked feature (from `productSpec/rank`, by the
 * `productSpec.scoring.defaultMethod` setting). Clicking it shows the ranking.
 */
export class ProductStatusBar implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('productSpec.status', vscode.StatusBarAlignment.Left, 10);
    private readonly disposables: vscode.Disposable[] = [];
    private readonly refresher = new Refresher(() => this.update());
    private request = 0;
    /** What the item shows (tests read it). */
    summary: StatusSummary | undefined;

    constructor(private readonly client: () => LanguageClient | undefined, showRankingCommand: string, private readonly method: () => MethodChoice = configuredMethod) {
        this.item.name = 'Product Spec';
        this.item.command = showRankingCommand;
        this.disposables.push(
            this.item,
            this.refresher,
            vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
            vscode.window.onDidChangeTextEditorSelection(e => {
                if (e.textEditor === vscode.window.activeTextEditor) this.schedule(250);
            }),
            vscode.workspace.onDidChangeConfiguration(e => {
                if (e.affectsConfiguration('productSpec.scoring.defaultMethod')) this.schedule(0);
            })
        );
    }

    get text(): string | undefined {
        return this.summary ? this.item.text : undefined;
    }

    /** Refreshes now (after a model change, on the server's word) or after the cursor settled. */
    schedule(delay: number): void {
        this.refresher.after(delay);
    }

    async update(): Promise<void> {
        const request = ++this.request;
        const editor = vscode.window.activeTextEditor;
        const client = this.client();
        if (!editor || editor.document.languageId !== LANGUAGE_ID || !client || !client.isRunning()) {
            this.hide();
            return;
        }
        try {
            const position = editor.selection.active;
            const at = await client.sendRequest(ProductAtRequest.type, {
                uri: editor.document.uri.toString(), position: { line: position.line, character: position.character }
            });
            if (request !== this.request) return;
            if (!at.product) {
                this.hide();
                return;
            }
            // The ranking view's method (Rank By… or the setting), so that both show one ranking.
            const method = this.method();
            const report = await client.sendRequest(RankRequest.type, method === 'product' ? { product: at.product.name } : { product: at.product.name, method });
            if (request !== this.request) return;
            const product = report.products[0];
            const top = product?.features.find(f => f.rank === 1);
            const { errors, warnings } = countDiagnostics(at);
            this.summary = { product: at.product.name, errors, warnings, top };
            this.item.text = statusText(this.summary);
            const tooltip = new vscode.MarkdownString();
            tooltip.appendMarkdown('**');
            tooltip.appendText(at.product.title ?? at.product.name);
            tooltip.appendMarkdown(`** (\`${at.product.name}\`)\n\n`);
            tooltip.appendText(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in its product blocks`);
            tooltip.appendMarkdown('\n\n');
            tooltip.appendText(top
                ? `Top-ranked by ${methodLabel(product.method)}: ${top.title ?? top.name} (${top.name}), score ${formatNumber(top.effectiveScore)}`
                : 'No ranked feature yet');
            tooltip.appendMarkdown('\n\n_Click to show the ranking_');
            this.item.tooltip = tooltip;
            this.item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
            this.item.accessibilityInformation = {
                label: `Product ${at.product.name}: ${errors} errors, ${warnings} warnings${top ? `, top-ranked feature ${top.title ?? top.name}` : ''}`
            };
            this.item.show();
        } catch {
            // The server is restarting or the request was cancelled: the next event updates it.
        }
    }

    private hide(): void {
        this.summary = undefined;
        this.item.hide();
    }

    dispose(): void {
        this.disposables.forEach(d => d.dispose());
    }
}

/** Errors and warnings whose range lies in one of the product's blocks. */
function countDiagnostics(at: ProductAt): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    const byUri = new Map<string, vscode.Range[]>();
    for (const block of at.blocks) {
        const range = new vscode.Range(block.range.start.line, block.range.start.character, block.range.end.line, block.range.end.character);
        byUri.set(block.uri, [...(byUri.get(block.uri) ?? []), range]);
    }
    for (const [uri, ranges] of byUri) {
        for (const diagnostic of vscode.languages.getDiagnostics(vscode.Uri.parse(uri))) {
            if (!ranges.some(r => r.intersection(diagnostic.range) !== undefined)) continue;
            if (diagnostic.severity === vscode.DiagnosticSeverity.Error) errors++;
            else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) warnings++;
        }
    }
    return { errors, warnings };
}
