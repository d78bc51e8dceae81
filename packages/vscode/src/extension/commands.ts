import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node.js';
import { GENERATE_DOCS_COMMAND, type GenerateDocsArgs, type GenerateDocsResult } from '../shared/protocol.js';
import { LANGUAGE_ID } from './client.js';
import { productNameProblem, suggestProductName, TEMPLATES, type SpecTemplate } from './templates.js';

/** The command ids this extension contributes (package.json lists the same). */
export const Commands = {
    generateDocs: 'productSpec.docs.generate',
    showRanking: 'productSpec.ranking.show',
    openPreview: 'productSpec.preview.open',
    previewAudience: 'productSpec.preview.audience',
    newSpec: 'productSpec.spec.new',
    restartServer: 'productSpec.server.restart',
    refreshRanking: 'productSpec.ranking.refresh',
    rankBy: 'productSpec.ranking.rankBy',
    compareWithHead: 'productSpec.diff.compareWithHead'
} as const;

export interface GenerateDocsOptions {
    /** Relative to the first workspace folder, or absolute; default: the setting. */
    outputFolder?: string;
    force?: boolean;
}

/**
 * "Generate Docs": the server's `productSpec.generateDocs` (docs package) into the folder of
 * `productSpec.docs.outputFolder` (default `docs`) in the first workspace folder. In an
 * untrusted workspace, a folder outside the workspace is refused (the setting could come
 * from the workspace itself).
 */
export async function generateDocs(client: LanguageClient, options: GenerateDocsOptions = {}): Promise<GenerateDocsResult | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder || folder.uri.scheme !== 'file') {
        void vscode.window.showErrorMessage('Generate Docs needs a folder on disk: open the folder that holds your .product files.');
        return undefined;
    }
    const setting = vscode.workspace.getConfiguration('productSpec', folder.uri).get<string>('docs.outputFolder', 'docs').trim() || 'docs';
    const root = folder.uri.fsPath;
    const outputDir = path.resolve(root, options.outputFolder ?? setting);
    const relative = path.relative(root, outputDir);
    if (!vscode.workspace.isTrusted && (relative.startsWith('..') || path.isAbsolute(relative))) {
        void vscode.window.showErrorMessage(`The docs folder ${outputDir} lies outside the workspace, which is not trusted: trust the workspace or choose a folder inside it.`);
        return undefined;
    }
    const args: GenerateDocsArgs = { outputDir, force: options.force === true };
    let result: GenerateDocsResult;
    try {
        result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Generating the product docs' },
            () => client.sendRequest(ExecuteCommandRequest.type, { command: GENERATE_DOCS_COMMAND, arguments: [args] }) as Promise<GenerateDocsResult>);
    } catch (error) {
        void vscode.window.showErrorMessage(`Generate Docs failed: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
    }
    void announce(client, result, options);
    return result;
}

async function announce(client: LanguageClient, result: GenerateDocsResult, options: GenerateDocsOptions): Promise<void> {
    if (result.skipped.length > 0) {
        const choice = await vscode.window.showWarningMessage(result.message, 'Overwrite Them');
        if (choice === 'Overwrite Them') await generateDocs(client, { ...options, force: true });
        return;
    }
    const choice = await vscode.window.showInformationMessage(result.message, 'Open index.md');
    if (choice === 'Open index.md') {
        await vscode.window.showTextDocument(vscode.Uri.file(path.join(result.outputDir, 'index.md')));
    }
}

export interface NewSpecOptions {
    /** A template id (`product`, `weighted`, `shared`); asked when absent. */
    template?: string;
    /** The product's name; asked when absent. */
    product?: string;
    /** Where to write, relative to the first workspace folder or absolute; asked when absent. */
    file?: string;
}

/**
 * "New Spec from Template": a template, a product name and a file name; the file is created
 * (never overwritten) and opened. Without a folder open, it opens as an untitled document.
 */
export async function newSpecFromTemplate(options: NewSpecOptions = {}): Promise<vscode.TextEditor | undefined> {
    let template: SpecTemplate | undefined = TEMPLATES.find(t => t.id === options.template);
    if (!template) {
        const picked = await vscode.window.showQuickPick(
            TEMPLATES.map(t => ({ label: t.label, detail: t.description, template: t })),
            { title: 'New Spec from Template', placeHolder: 'Choose what the new .product file starts with' });
        template = picked?.template;
    }
    if (!template) return undefined;

    let product = options.product ?? '';
    if (template.needsProduct && !options.product) {
        const answer = await vscode.window.showInputBox({
            title: 'New Spec from Template', prompt: 'The product\'s name (an identifier; other files reopen it by this name)',
            value: suggestProductName('my_product'), validateInput: value => productNameProblem(value.trim())
        });
        if (answer === undefined) return undefined;
        product = answer.trim();
    }
    if (template.needsProduct && productNameProblem(product)) {
        void vscode.window.showErrorMessage(productNameProblem(product)!);
        return undefined;
    }
    const text = template.text(product);

    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
        const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
        return vscode.window.showTextDocument(document);
    }
    let file = options.file;
    if (file === undefined) {
        file = await vscode.window.showInputBox({
            title: 'New Spec from Template', prompt: `File to create in ${folder.name}`,
            value: template.defaultFile(product),
            validateInput: async value => {
                if (!value.trim().endsWith('.product')) return 'The file name ends with .product.';
                return await exists(vscode.Uri.joinPath(folder.uri, value.trim())) ? 'That file exists already: choose another name.' : undefined;
            }
        });
        if (file === undefined) return undefined;
    }
    const target = path.isAbsolute(file) ? vscode.Uri.file(file) : vscode.Uri.joinPath(folder.uri, file.trim());
    if (await exists(target)) {
        void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(target)} exists already; New Spec from Template never overwrites a file.`);
        return undefined;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    const document = await vscode.workspace.openTextDocument(target);
    return vscode.window.showTextDocument(document);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}
