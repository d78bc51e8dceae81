import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { DOCS_AUDIENCES, DocsPreviewRequest, type DocsAudience, type DocsPreview } from '../shared/protocol.js';
import { Refresher } from './refresher.js';
import { LANGUAGE_ID } from './client.js';
import { parseDocLink, previewPage, renderMarkdown } from './preview-html.js';

export const PREVIEW_VIEW_TYPE = 'productSpec.preview';

/** What the preview's script reports after each render (read by the tests, too). */
export interface RenderReport {
    version: number;
    diagrams: number;
    svgs: number;
    errors: string[];
    violations: string[];
    scripts: number;
    title: string;
    text: string;
}

/** The product editor the preview follows. */
interface Source {
    uri: vscode.Uri;
    position?: vscode.Position;
}

const DEBOUNCE_MS = 300;

/** How the preview names each audience (the CLI's `--audience` words in its descriptions). */
export const AUDIENCE_LABELS: Record<DocsAudience, { label: string; detail: string }> = {
    full: { label: 'Full docs', detail: 'every section, for everyone' },
    engineering: { label: 'Engineering', detail: 'the backlog, scores, plan, dependencies and problems' },
    commercial: { label: 'Commercial', detail: 'positioning, roadmap dates and the business case' },
    customer: { label: 'Customers', detail: 'what is coming and why: no scores, efforts, costs or internal names' },
    board: { label: 'Board', detail: 'one page for the portfolio: the business case, risks and decisions' }
};

/**
 * "Open Preview": the generated docs page of the current product in a webview beside the
 * editor, refreshed when the server's model changes and as the cursor moves to another
 * product. One preview at a time; it follows the active product editor.
 */
export class PreviewManager implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;
    private source: Source | undefined;
    /** A product chosen by following a link in the preview; cleared when the cursor moves in an editor. */
    private pinned: string | null | undefined;
    /** Whose view the preview shows (as the CLI's `--audience`); the full docs by default. */
    private audienceShown: DocsAudience = 'full';
    private readonly refresher = new Refresher(() => this.refresh());
    private ready = false;
    private version = 0;
    private requests = 0;
    private lastHtml: string | undefined;
    private lastPreview: DocsPreview | undefined;
    private readonly disposables: vscode.Disposable[] = [];
    private readonly renderEmitter = new vscode.EventEmitter<RenderReport>();
    /** Fires after the webview has drawn an update (tests wait on it). */
    readonly onDidRender = this.renderEmitter.event;
    lastRender: RenderReport | undefined;

    constructor(private readonly extensionUri: vscode.Uri, private readonly client: () => LanguageClient | undefined, private readonly log: vscode.OutputChannel) {
        this.disposables.push(
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (!this.panel || !editor || editor.document.languageId !== LANGUAGE_ID) return;
                this.follow(editor);
                this.schedule(0);
            }),
            vscode.window.onDidChangeTextEditorSelection(e => {
                if (!this.panel || e.textEditor.document.languageId !== LANGUAGE_ID) return;
                this.follow(e.textEditor);
                this.schedule();
            }),
            this.refresher
        );
    }

    get isOpen(): boolean {
        return this.panel !== undefined;
    }

    get current(): DocsPreview | undefined {
        return this.lastPreview;
    }

    get audience(): DocsAudience {
        return this.audienceShown;
    }

    /**
     * "Preview for Audience…": shows the preview as `audience` sees it (asks with a quick pick
     * when not given), opening the preview if it is closed. Returns the audience shown.
     */
    async chooseAudience(audience?: DocsAudience): Promise<DocsAudience | undefined> {
        const choice = audience !== undefined && DOCS_AUDIENCES.includes(audience) ? audience : await this.pickAudience();
        if (choice === undefined) return undefined;
        this.audienceShown = choice;
        this.lastHtml = undefined;
        if (this.panel) await this.refresh();
        else await this.open();
        return choice;
    }

    private async pickAudience(): Promise<DocsAudience | undefined> {
        const items = DOCS_AUDIENCES.map(audience => ({
            audience,
            label: AUDIENCE_LABELS[audience].label,
            description: audience === this.audienceShown ? 'shown now' : undefined,
            detail: AUDIENCE_LABELS[audience].detail
        }));
        const picked = await vscode.window.showQuickPick(items, { title: 'Preview for audience', placeHolder: 'Whose view of the docs the preview shows (as product-spec docs --audience)' });
        return picked?.audience;
    }

    /** Opens (or reveals) the preview beside the editor, for `uri` or the active product editor. */
    async open(uri?: vscode.Uri): Promise<void> {
        const editor = vscode.window.activeTextEditor;
        if (uri) {
            const shown = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri.toString());
            this.source = { uri, position: shown?.selection.active };
        } else if (editor?.document.languageId === LANGUAGE_ID) {
            this.source = { uri: editor.document.uri, position: editor.selection.active };
        } else {
            const visible = vscode.window.visibleTextEditors.find(e => e.document.languageId === LANGUAGE_ID);
            this.source = visible ? { uri: visible.document.uri, position: visible.selection.active } : this.source;
        }
        this.pinned = undefined;
        if (this.panel) {
            this.panel.reveal(vscode.ViewColumn.Beside, true);
        } else {
            const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Product Preview',
                { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.webviewOptions());
            this.attach(panel);
        }
        await this.refresh();
    }

    /** Takes over a panel VS Code restored after a reload (see the serializer in main.ts). */
    restore(panel: vscode.WebviewPanel, state: unknown): void {
        const product = (state as { product?: unknown } | undefined)?.product;
        this.pinned = typeof product === 'string' ? product : undefined;
        panel.webview.options = this.webviewOptions();
        this.attach(panel);
        this.schedule(0);
    }

    private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
        return {
            enableScripts: true,
            enableFindWidget: true,
            // Only the extension's media folder: Mermaid, the preview script and stylesheet.
            localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')]
        };
    }

    private attach(panel: vscode.WebviewPanel): void {
        this.panel = panel;
        this.ready = false;
        this.lastHtml = undefined;
        showPreviewPage(panel, this.extensionUri);
        const webview = panel.webview;
        const subscriptions = [
            webview.onDidReceiveMessage(message => this.onMessage(message)),
            panel.onDidChangeViewState(() => {
                if (panel.visible) this.schedule(0);
            })
        ];
        panel.onDidDispose(() => {
            subscriptions.forEach(d => d.dispose());
            if (this.panel === panel) {
                this.panel = undefined;
                this.lastPreview = undefined;
                this.lastRender = undefined;
            }
        });
    }

    private onMessage(message: { type?: string; href?: string } & Partial<RenderReport>): void {
        switch (message.type) {
            case 'ready':
                this.ready = true;
                this.lastHtml = undefined;
                this.schedule(0);
                break;
            case 'rendered':
                this.lastRender = message as RenderReport;
                if (message.errors?.length) this.log.appendLine(`Preview: Mermaid could not draw a diagram: ${message.errors.join(' | ')}`);
                if (message.violations?.length) this.log.appendLine(`Preview: Content Security Policy violations: ${message.violations.join(' | ')}`);
                this.renderEmitter.fire(this.lastRender);
                break;
            case 'open': {
                const link = typeof message.href === 'string' ? parseDocLink(message.href) : undefined;
                if (!link) return;
                this.pinned = link.product;
                this.schedule(0);
                break;
            }
        }
    }

    private follow(editor: vscode.TextEditor): void {
        this.source = { uri: editor.document.uri, position: editor.selection.active };
        this.pinned = undefined;
    }

    /** Refreshes now (the server's model changed) or once the cursor settled (`delay` ms). */
    schedule(delay = DEBOUNCE_MS): void {
        if (!this.panel) return;
        this.debug(`preview: refresh in ${delay} ms`);
        this.refresher.after(delay);
    }

    /** Asks the server for the page and sends it to the webview when it changed. */
    async refresh(): Promise<void> {
        const panel = this.panel;
        const client = this.client();
        if (!panel || !client || !client.isRunning()) return;
        this.debug(`preview: refreshing (ready ${this.ready})`);
        const where = this.pinned !== undefined
            ? (this.pinned === null ? {} : { product: this.pinned })
            : this.source
                ? { uri: this.source.uri.toString(), position: this.source.position && { line: this.source.position.line, character: this.source.position.character } }
                : {};
        const audience = this.audienceShown;
        const params = audience === 'full' ? where : { ...where, audience };
        let preview: DocsPreview;
        const sequence = ++this.requests;
        // Only the newest request's answer is shown (answers to older ones may arrive later).
        try {
            this.debug(`preview: request ${sequence} ${JSON.stringify(params)}`);
            preview = await client.sendRequest(DocsPreviewRequest.type, params);
            this.debug(`preview: response ${sequence} ${preview.path} ${preview.markdown.length} chars`);
        } catch (error) {
            this.log.appendLine(`Preview: ${error instanceof Error ? error.message : String(error)}`);
            return;
        }
        if (this.panel !== panel || sequence !== this.requests) return;
        this.lastPreview = preview;
        const name = preview.product ? (preview.product.title ?? preview.product.name) : 'Portfolio';
        panel.title = audience === 'full' ? `Preview: ${name}` : `Preview: ${name} (${AUDIENCE_LABELS[audience].label})`;
        if (!this.ready) return;
        const html = renderMarkdown(preview.markdown);
        if (html === this.lastHtml) {
            this.debug(`preview: ${preview.path} unchanged`);
            return;
        }
        this.debug(`preview: ${preview.path} update ${this.version + 1}`);
        this.lastHtml = html;
        await panel.webview.postMessage({ type: 'update', html, version: ++this.version, product: preview.product?.name ?? null });
    }

    private debug(line: string): void {
        if (process.env.PRODUCT_SPEC_DEBUG === '1') this.log.appendLine(line);
    }

    /** Resolves with the first render report that satisfies `test` (tests use it). */
    waitForRender(test: (report: RenderReport) => boolean, timeoutMs = 20_000): Promise<RenderReport> {
        if (this.lastRender && test(this.lastRender)) return Promise.resolve(this.lastRender);
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                sub.dispose();
                reject(new Error(`The preview did not render as expected within ${timeoutMs} ms; last report: ${JSON.stringify(this.lastRender && { ...this.lastRender, text: this.lastRender.text.slice(0, 300) })}`));
            }, timeoutMs);
            const sub = this.onDidRender(report => {
                if (!test(report)) return;
                clearTimeout(timer);
                sub.dispose();
                resolve(report);
            });
        });
    }

    dispose(): void {
        this.panel?.dispose();
        this.disposables.forEach(d => d.dispose());
        this.renderEmitter.dispose();
    }
}

/**
 * Gives a panel the preview's page (its script, styles, Mermaid and Content Security
 * Policy) and icon: the docs preview and "Compare with HEAD" draw their markdown alike.
 */
export function showPreviewPage(panel: vscode.WebviewPanel, extensionUri: vscode.Uri): void {
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'images', 'product-file.svg');
    const webview = panel.webview;
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
    webview.html = previewPage({
        cspSource: webview.cspSource,
        nonce: randomBytes(18).toString('base64url'),
        mermaidUri: media('mermaid.min.js'),
        scriptUri: media('preview.js'),
        styleUri: media('preview.css')
    });
}
