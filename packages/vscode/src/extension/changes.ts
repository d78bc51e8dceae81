import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { renderMarkdown } from './preview-html.js';
import { showPreviewPage, type RenderReport } from './preview.js';

/** The server's `productSpec/diff` (the CLI package's diff-request.ts): the folder's saved files against a revision. */
export const DIFF_REQUEST = 'productSpec/diff';

/**
 * "Product Spec: Compare with HEAD": what changed in the specs since the last commit and why
 * (decide.md §4), the same markdown as `product-spec diff HEAD --format markdown`, shown in a
 * panel drawn like the preview (same page, script, styles and Content Security Policy).
 * It compares the files as saved: unsaved edits are not in the working tree git sees.
 */
export class ChangesPanel implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;
    private ready: Promise<void> | undefined;
    private version = 0;
    private readonly renderEmitter = new vscode.EventEmitter<RenderReport>();
    /** Fires after the panel has drawn (tests wait on it). */
    readonly onDidRender = this.renderEmitter.event;
    lastRender: RenderReport | undefined;

    constructor(private readonly extensionUri: vscode.Uri, private readonly client: () => LanguageClient | undefined, private readonly log: vscode.OutputChannel) { }

    async compareWithHead(folder?: vscode.WorkspaceFolder): Promise<void> {
        const target = folder ?? await pickFolder();
        if (!target) return;
        const client = this.client();
        if (!client || !client.isRunning()) {
            void vscode.window.showWarningMessage('The Product Spec language server is not running yet; try again in a moment.');
            return;
        }
        let result: { markdown: string; base: string };
        try {
            result = await client.sendRequest(DIFF_REQUEST, { folder: target.uri.fsPath, base: 'HEAD' });
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            this.log.appendLine(`Compare with HEAD: ${message}`);
            void vscode.window.showErrorMessage(`Compare with HEAD: ${message}`);
            return;
        }
        await this.show(`Changes since ${result.base}`, result.markdown);
    }

    private async show(title: string, markdown: string): Promise<void> {
        if (!this.panel) this.create();
        const panel = this.panel!;
        panel.title = title;
        panel.reveal(vscode.ViewColumn.Beside, true);
        await this.ready;
        await panel.webview.postMessage({ type: 'update', html: renderMarkdown(markdown), version: ++this.version, product: null });
    }

    private create(): void {
        const panel = vscode.window.createWebviewPanel('productSpec.changes', 'Changes', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
            enableScripts: true,
            localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')]
        });
        const webview = panel.webview;
        let markReady: () => void = () => undefined;
        this.ready = new Promise(resolve => { markReady = resolve; });
        const subscription = webview.onDidReceiveMessage((message: { type?: string } & Partial<RenderReport>) => {
            if (message.type === 'ready') markReady();
            if (message.type === 'rendered') {
                this.lastRender = message as RenderReport;
                this.renderEmitter.fire(this.lastRender);
            }
        });
        showPreviewPage(panel, this.extensionUri);
        panel.onDidDispose(() => {
            subscription.dispose();
            if (this.panel === panel) this.panel = undefined;
        });
        this.panel = panel;
    }

    dispose(): void {
        this.panel?.dispose();
        this.renderEmitter.dispose();
    }
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
        void vscode.window.showWarningMessage('Compare with HEAD needs a folder open: the specs are compared with the folder\'s last commit.');
        return undefined;
    }
    if (folders.length === 1) return folders[0];
    return vscode.window.showWorkspaceFolderPick({ placeHolder: 'The folder whose specs to compare with HEAD' });
}
