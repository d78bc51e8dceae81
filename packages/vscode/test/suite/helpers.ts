import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ProductSpecApi } from '../../src/extension/main.js';

export const EXTENSION_ID = 'product-spec.product-spec';

let api: ProductSpecApi | undefined;

/** Activates the extension (as opening a .product file would) and waits for its server. */
export async function activate(): Promise<ProductSpecApi> {
    if (api) {
        await api.ready();
        return api;
    }
    const extension = vscode.extensions.getExtension<ProductSpecApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    api = await extension.activate();
    await api.ready();
    return api;
}

export function workspaceFolder(): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests need the examples open as the workspace folder');
    return folder.uri;
}

export function file(relative: string): vscode.Uri {
    return vscode.Uri.joinPath(workspaceFolder(), ...relative.split('/'));
}

export async function open(relative: string): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(file(relative));
    return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** The position of the `occurrence`-th `needle` in the document, `shift` characters in. */
export function positionOf(document: vscode.TextDocument, needle: string, shift = 0, occurrence = 0): vscode.Position {
    const text = document.getText();
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = text.indexOf(needle, index + 1);
        assert.ok(index >= 0, `'${needle}' (occurrence ${occurrence}) not found in ${document.uri.path}`);
    }
    return document.positionAt(index + shift);
}

export const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value that is not undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
        try {
            const value = await probe();
            if (value !== undefined && value !== false) return value;
        } catch (error) {
            lastError = error;
        }
        if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
        await sleep(100);
    }
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
    const code = diagnostic.code;
    return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

/** Every diagnostic of the workspace's .product files. */
export function productDiagnostics(): Array<[vscode.Uri, vscode.Diagnostic]> {
    return vscode.languages.getDiagnostics()
        .filter(([uri]) => uri.path.endsWith('.product'))
        .flatMap(([uri, diagnostics]) => diagnostics.map(d => [uri, d] as [vscode.Uri, vscode.Diagnostic]));
}

/** Replaces the first `from` in the document with `to` (an editor edit, like typing). */
export async function replaceText(editor: vscode.TextEditor, from: string, to: string, occurrence = 0): Promise<vscode.Range> {
    const start = positionOf(editor.document, from, 0, occurrence);
    const range = new vscode.Range(start, start.translate(0, from.length));
    assert.ok(await editor.edit(edit => edit.replace(range, to)), 'the edit was not applied');
    return new vscode.Range(start, start.translate(0, to.length));
}

/** The text of a hover's contents. */
export function hoverText(hovers: vscode.Hover[]): string {
    return hovers.flatMap(h => h.contents).map(c => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}

/**
 * Puts the document back as it is on disk (the tests never save their edits) and waits until
 * the server agrees (no errors). An edit, not the Revert command: that one acts on the active
 * editor, which may be the preview.
 */
export async function revert(editor: vscode.TextEditor): Promise<void> {
    const document = editor.document;
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri));
    if (document.getText() !== onDisk) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), onDisk);
        assert.ok(await vscode.workspace.applyEdit(edit), 'the revert edit was not applied');
    }
    await document.save();
    assert.equal(document.getText(), onDisk);
    await waitFor('the workspace to be free of errors again',
        () => productDiagnostics().every(([, d]) => d.severity !== vscode.DiagnosticSeverity.Error));
}
