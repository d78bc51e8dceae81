import * as vscode from 'vscode';
import { Refresher } from './refresher.js';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import {
    FeatureLocationsRequest, METHODS, RankRequest, methodLabel,
    type FeatureLocations, type Method, type RankReport, type RankReportFeature
} from '../shared/protocol.js';
import { featureDetails, featureLabel, featureScoreText } from './ranking-text.js';

export const RANKING_VIEW_ID = 'productSpec.ranking';
export const REVEAL_FEATURE_COMMAND = 'productSpec.ranking.reveal';

/** `product` = each product's own method (its `scoring` block). */
export type MethodChoice = Method | 'product';

type ProductReport = RankReport['products'][number];

export type RankingNode =
    | { kind: 'product'; product: ProductReport }
    | { kind: 'feature'; product: ProductReport; feature: RankReportFeature };

/** The method the setting `productSpec.scoring.defaultMethod` chooses. */
export function configuredMethod(): MethodChoice {
    const value = vscode.workspace.getConfiguration('productSpec').get<string>('scoring.defaultMethod', 'product');
    return value === 'product' || (METHODS as readonly string[]).includes(value) ? (value as MethodChoice) : 'product';
}

/**
 * "Show Ranking": the ranked backlog of every product (from `productSpec/rank`), products →
 * features with rank, score and effective score. Selecting a feature opens its declaration
 * (from `productSpec/featureLocations`).
 */
export class RankingProvider implements vscode.TreeDataProvider<RankingNode>, vscode.Disposable {
    private readonly changeEmitter = new vscode.EventEmitter<RankingNode | undefined>();
    readonly onDidChangeTreeData = this.changeEmitter.event;
    /** Chosen with "Rank By…" for this session; else the setting. */
    private override: MethodChoice | undefined;
    report: RankReport | undefined;
    locations: FeatureLocations | undefined;
    private readonly refresher = new Refresher(async () => { await this.fetchAll(); });
    private view: vscode.TreeView<RankingNode> | undefined;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly client: () => LanguageClient | undefined, private readonly log: vscode.OutputChannel) {
        this.disposables.push(
            this.refresher,
            vscode.workspace.onDidChangeConfiguration(e => {
                if (e.affectsConfiguration('productSpec.scoring.defaultMethod')) this.scheduleIfVisible(0);
            })
        );
    }

    attach(view: vscode.TreeView<RankingNode>): void {
        this.view = view;
        this.disposables.push(view.onDidChangeVisibility(e => {
            if (e.visible) this.schedule(0);
        }));
    }

    get method(): MethodChoice {
        return this.override ?? configuredMethod();
    }

    /** After a server (re)start: forget a request the old server never answered, and refresh. */
    serverStarted(): void {
        this.refresher.reset();
        this.scheduleIfVisible(0);
    }

    setMethod(method: MethodChoice | undefined): void {
        this.override = method;
    }

    /** Refreshes when the view is on screen (the server's model changed, or a setting). */
    scheduleIfVisible(delay = 0): void {
        if (this.view?.visible) this.schedule(delay);
    }

    private schedule(delay: number): void {
        this.refresher.after(delay);
    }

    private shown: string | undefined;

    /**
     * Asks the server for the ranking and the features' locations. Calls while one is in
     * flight are folded into one more run after it; the view changes only when what it
     * shows changed (a rebuilt tree drops the commands of the rows on screen, so a click
     * at that moment would be lost).
     */
    async refresh(): Promise<RankReport | undefined> {
        await this.refresher.now();
        return this.lastFetched;
    }

    private lastFetched: RankReport | undefined;

    private async fetchAll(): Promise<void> {
        this.lastFetched = await this.fetch();
    }

    private async fetch(): Promise<RankReport | undefined> {
        const client = this.client();
        if (!client || !client.isRunning()) return undefined;
        const method = this.method;
        let report: RankReport;
        let locations: FeatureLocations;
        try {
            [report, locations] = await Promise.all([
                client.sendRequest(RankRequest.type, { ...(method === 'product' ? {} : { method }), uncertainty: true }),
                client.sendRequest(FeatureLocationsRequest.type, {})
            ]);
        } catch (error) {
            this.log.appendLine(`Ranking: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        }
        this.report = report;
        this.locations = locations;
        if (this.view) {
            this.view.description = method === 'product' ? undefined : `by ${methodLabel(method)}`;
            this.view.message = report.products.length === 0 ? 'No product is declared in the workspace\'s .product files.' : undefined;
        }
        const shown = JSON.stringify(report);
        if (shown !== this.shown) {
            this.shown = shown;
            this.changeEmitter.fire(undefined);
        }
        return report;
    }

    getChildren(node?: RankingNode): RankingNode[] {
        if (!this.report) return [];
        if (!node) return this.report.products.map(product => ({ kind: 'product', product }));
        if (node.kind === 'product') return node.product.features.map(feature => ({ kind: 'feature', product: node.product, feature }));
        return [];
    }

    getParent(node: RankingNode): RankingNode | undefined {
        return node.kind === 'feature' ? { kind: 'product', product: node.product } : undefined;
    }

    getTreeItem(node: RankingNode): vscode.TreeItem {
        if (node.kind === 'product') {
            const { product } = node;
            const item = new vscode.TreeItem(product.title ?? product.name, vscode.TreeItemCollapsibleState.Expanded);
            const ranked = product.features.filter(f => f.rank !== null).length;
            item.id = `product:${product.name}`;
            item.description = `${product.name} · by ${methodLabel(product.method)} · ${ranked} ranked`;
            item.iconPath = new vscode.ThemeIcon('package');
            item.contextValue = 'product';
            item.tooltip = `${product.title ?? product.name} (${product.name}): ${ranked} features ranked by ${methodLabel(product.method)}`;
            item.command = this.openCommand('Go to Product', product.name);
            return item;
        }
        const { product, feature } = node;
        const item = new vscode.TreeItem(featureLabel(feature), vscode.TreeItemCollapsibleState.None);
        item.id = `feature:${product.name}.${feature.name}`;
        item.description = featureScoreText(feature, product.method);
        item.iconPath = new vscode.ThemeIcon(feature.rank === null
            ? (feature.status === 'shipped' ? 'pass' : 'circle-slash')
            : feature.score === null ? 'question' : 'circle-filled',
            feature.rank === 1 ? new vscode.ThemeColor('charts.yellow') : undefined);
        item.contextValue = 'feature';
        const tooltip = new vscode.MarkdownString();
        featureDetails(feature, product.method).forEach((line, i) => {
            if (i > 0) tooltip.appendMarkdown('\n\n');
            tooltip.appendText(line); // spec text: escaped
        });
        item.tooltip = tooltip;
        item.accessibilityInformation = { label: `${featureLabel(feature)}, ${featureScoreText(feature, product.method)}` };
        item.command = this.openCommand('Go to Feature', product.name, feature.name);
        return item;
    }

    /**
     * What a click on a row runs: `vscode.open` on the declaration, its name selected. An API
     * command, on purpose: VS Code keeps the arguments of an extension's own command in a
     * cache that it empties whenever it fetches the tree again, so a click in that moment
     * fails with "Actual command not found" (seen in code-server when the view opens).
     */
    private openCommand(title: string, productName: string, featureName?: string): vscode.Command {
        const location = this.location(productName, featureName);
        if (!location) return { command: REVEAL_FEATURE_COMMAND, title, arguments: featureName === undefined ? [productName] : [productName, featureName] };
        const options: vscode.TextDocumentShowOptions = { selection: location.range, preview: false };
        return { command: 'vscode.open', title, arguments: [location.uri, options] };
    }

    /** Where a product (or one of its features) is declared. */
    location(productName: string, featureName?: string): vscode.Location | undefined {
        const product = this.locations?.products.find(p => p.name === productName);
        const target = featureName === undefined ? product : product?.features.find(f => f.name === featureName);
        if (!target) return undefined;
        const { start, end } = target.range;
        return new vscode.Location(vscode.Uri.parse(target.uri),
            new vscode.Range(start.line, start.character, end.line, end.character));
    }

    /** Opens the declaration of a product or feature, with its name selected. */
    async reveal(productName: string, featureName?: string): Promise<vscode.TextEditor | undefined> {
        let location = this.location(productName, featureName);
        if (!location) {
            await this.refresh();
            location = this.location(productName, featureName);
        }
        if (!location) {
            void vscode.window.showWarningMessage(`${featureName ?? productName} is no longer declared.`);
            return undefined;
        }
        return vscode.window.showTextDocument(location.uri, { selection: location.range, preserveFocus: false });
    }

    /** Quick pick of methods; the current one is marked. */
    async pickMethod(): Promise<MethodChoice | undefined> {
        const current = this.method;
        const choices: Array<vscode.QuickPickItem & { method: MethodChoice }> = [
            { method: 'product', label: 'Each product\'s own method', description: 'its scoring block; RICE when it has none' },
            ...METHODS.map((method): vscode.QuickPickItem & { method: MethodChoice } => ({ method, label: methodLabel(method), description: method }))
        ];
        const items = choices.map(item => ({ ...item, detail: item.method === current ? 'current' : undefined }));
        const picked = await vscode.window.showQuickPick(items, { title: 'Rank by', placeHolder: 'The scoring method of the ranking view' });
        return picked?.method;
    }

    dispose(): void {
        this.disposables.forEach(d => d.dispose());
        this.changeEmitter.dispose();
    }
}
