/**
 * The Product Spec extension: the language client (the bundled server over Node IPC), the
 * commands, the ranking view, the docs preview and the status bar item.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node.js';
import { createLanguageClient } from './client.js';
import { Commands, generateDocs, newSpecFromTemplate, type GenerateDocsOptions, type NewSpecOptions } from './commands.js';
import { ChangesPanel } from './changes.js';
import { PREVIEW_VIEW_TYPE, PreviewManager } from './preview.js';
import { RANKING_VIEW_ID, REVEAL_FEATURE_COMMAND, RankingProvider, type MethodChoice } from './ranking.js';
import { ProductStatusBar } from './status.js';
import { ModelChangedNotification, type DocsAudience } from '../shared/protocol.js';

/** What `activate` returns: for tests and for other extensions. */
export interface ProductSpecApi {
    readonly client: LanguageClient;
    readonly preview: PreviewManager;
    readonly ranking: RankingProvider;
    readonly rankingView: vscode.TreeView<unknown>;
    readonly status: ProductStatusBar;
    readonly changes: ChangesPanel;
    /** Resolves when the language server is running (after start or restart). */
    ready(): Promise<void>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ProductSpecApi> {
    const log = createLog();
    context.subscriptions.push(log);
    const languageClient = createLanguageClient(context, log);
    client = languageClient;
    const current = () => client;

    const preview = new PreviewManager(context.extensionUri, current, log);
    const ranking = new RankingProvider(current, log);
    const rankingView = vscode.window.createTreeView(RANKING_VIEW_ID, { treeDataProvider: ranking, showCollapseAll: true });
    ranking.attach(rankingView);
    const status = new ProductStatusBar(current, Commands.showRanking, () => ranking.method);
    const changes = new ChangesPanel(context.extensionUri, current, log);
    context.subscriptions.push(preview, ranking, rankingView, status, changes);

    context.subscriptions.push(
        vscode.commands.registerCommand(Commands.generateDocs, (options?: GenerateDocsOptions) => generateDocs(languageClient, options)),
        vscode.commands.registerCommand(Commands.showRanking, async (options?: { method?: MethodChoice }) => {
            ranking.setMethod(options?.method);
            status.schedule(0);
            await vscode.commands.executeCommand('setContext', 'productSpec.active', true);
            await vscode.commands.executeCommand(`${RANKING_VIEW_ID}.focus`);
            return ranking.refresh();
        }),
        vscode.commands.registerCommand(Commands.rankBy, async (method?: MethodChoice) => {
            const choice = method ?? await ranking.pickMethod();
            if (choice === undefined) return undefined;
            ranking.setMethod(choice);
            status.schedule(0);
            return ranking.refresh();
        }),
        vscode.commands.registerCommand(Commands.refreshRanking, () => ranking.refresh()),
        vscode.commands.registerCommand(Commands.compareWithHead, (folder?: vscode.WorkspaceFolder) => changes.compareWithHead(folder)),
        vscode.commands.registerCommand(REVEAL_FEATURE_COMMAND, (product: string, feature?: string) => ranking.reveal(product, feature)),
        vscode.commands.registerCommand(Commands.openPreview, (uri?: vscode.Uri) => preview.open(uri instanceof vscode.Uri ? uri : undefined)),
        vscode.commands.registerCommand(Commands.previewAudience, (audience?: DocsAudience) => preview.chooseAudience(typeof audience === 'string' ? audience : undefined)),
        vscode.commands.registerCommand(Commands.newSpec, (options?: NewSpecOptions) => newSpecFromTemplate(options)),
        vscode.commands.registerCommand(Commands.restartServer, async () => {
            log.appendLine('Restarting the language server.');
            await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Restarting the Product Spec server' },
                () => languageClient.restart());
            status.schedule(0);
            preview.schedule(0);
            if (rankingView.visible) await ranking.refresh();
        }),
        vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
            deserializeWebviewPanel: async (panel, state) => preview.restore(panel, state)
        })
    );

    // Also after the client restarted a server that stopped: the views ask the new one.
    context.subscriptions.push(languageClient.onDidChangeState(({ newState }) => {
        if (newState !== State.Running) return;
        ranking.serverStarted();
        status.schedule(0);
        preview.schedule(0);
    }));

    // The server says when its model changed; the views that show it refresh then.
    context.subscriptions.push(languageClient.onNotification(ModelChangedNotification.type, () => {
        status.schedule(0);
        preview.schedule(0);
        ranking.scheduleIfVisible(0);
    }));

    void vscode.commands.executeCommand('setContext', 'productSpec.active', true);
    const started = languageClient.start().then(() => {
        status.schedule(0);
        if (rankingView.visible) void ranking.refresh();
    }, error => {
        // A server that cannot start must say so, not fail silently.
        log.appendLine(`The language server did not start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        void vscode.window.showErrorMessage('The Product Spec language server did not start; see the "Product Spec" output.', 'Show Output')
            .then(choice => { if (choice) log.show(); });
        throw error;
    });

    return {
        client: languageClient,
        preview,
        ranking,
        rankingView: rankingView as vscode.TreeView<unknown>,
        status,
        changes,
        ready: async () => {
            await started;
            for (let i = 0; i < 200 && languageClient.state !== State.Running; i++) await new Promise(r => setTimeout(r, 50));
            if (languageClient.state !== State.Running) throw new Error('The Product Spec language server is not running.');
        }
    };
}

/** The "Product Spec" output channel; with PRODUCT_SPEC_DEBUG=1 also the console (tests see it). */
function createLog(): vscode.OutputChannel {
    const channel = vscode.window.createOutputChannel('Product Spec');
    if (process.env.PRODUCT_SPEC_DEBUG !== '1') return channel;
    return new Proxy(channel, {
        get(target, property, receiver) {
            if (property === 'appendLine') return (line: string) => { console.log(`[product-spec] ${line}`); target.appendLine(line); };
            if (property === 'append') return (text: string) => { console.log(`[product-spec] ${text.replace(/\n$/, '')}`); target.append(text); };
            const value = Reflect.get(target, property, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
        }
    });
}

export async function deactivate(): Promise<void> {
    const stopping = client;
    client = undefined;
    if (stopping?.isRunning()) await stopping.stop();
}
