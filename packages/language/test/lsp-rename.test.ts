import * as assert from 'node:assert/strict';
import type { LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { createServices, open } from './lsp-helpers.js';

/** Rename as an editor drives it (issue 11): refusals that keep the spec valid, qualified uses, products. */
const services = createServices();
const rename = services.ProductSpec.lsp.RenameProvider!;

const FILES = {
    'acme.product': 'product acme {\n  feature auth "Single sign-on" { }\n  feature bulk_export { requires auth }\n  stakeholder priya\n}\n',
    'notes.product': 'product notes {\n  feature sync { requires acme.auth }\n}\n'
};

function at(document: LangiumDocument, needle: string, shift = 1) {
    const index = document.textDocument.getText().indexOf(needle);
    assert.ok(index >= 0, needle);
    return document.textDocument.positionAt(index + shift);
}

function applied(documents: LangiumDocument[], edit: WorkspaceEdit | undefined): Record<string, string> {
    return Object.fromEntries(documents.map(document => {
        const edits = edit?.changes?.[document.uri.toString()] ?? [];
        return [document.uri.path.split('/').pop()!, TextDocument.applyEdits(document.textDocument, edits)];
    }));
}

async function refusal(promise: unknown): Promise<string> {
    try {
        await promise;
        return 'renamed';
    } catch (error) {
        return (error as Error).message;
    }
}

describe('LSP rename', () => {
    let documents: LangiumDocument[];
    beforeEach(async () => { documents = await open(services, FILES); });
    afterEach(() => clearDocuments(services.shared));

    it('renames a feature everywhere, keeping the product part of qualified uses', async () => {
        const [acme] = documents;
        const edit = await rename.rename(acme, { textDocument: { uri: acme.uri.toString() }, position: at(acme, 'auth "'), newName: 'sso' });
        assert.deepEqual(applied(documents, edit), {
            'acme.product': 'product acme {\n  feature sso "Single sign-on" { }\n  feature bulk_export { requires sso }\n  stakeholder priya\n}\n',
            'notes.product': 'product notes {\n  feature sync { requires acme.sso }\n}\n'
        });
    });

    it('renames a product and the product part of every qualified use', async () => {
        const [acme] = documents;
        const edit = await rename.rename(acme, { textDocument: { uri: acme.uri.toString() }, position: at(acme, 'acme {'), newName: 'acme2' });
        assert.deepEqual(applied(documents, edit)['notes.product'], 'product notes {\n  feature sync { requires acme2.auth }\n}\n');
        assert.ok(applied(documents, edit)['acme.product'].startsWith('product acme2 {'));
    });

    it('refuses a name that is not one, a reserved word, or a name taken in the scope, with a message and no edit', async () => {
        const [acme] = documents;
        const params = (newName: string) => ({ textDocument: { uri: acme.uri.toString() }, position: at(acme, 'auth "'), newName });
        assert.equal(await refusal(rename.rename(acme, params('single sign'))), "'single sign' is not a name: a name is letters, digits and _, starting with a letter or _ (the feature stays 'auth').");
        assert.equal(await refusal(rename.rename(acme, params('feature'))), "'feature' is a reserved word (it opens a declaration): choose another name for the feature 'auth'.");
        assert.equal(await refusal(rename.rename(acme, params('bulk_export'))), "'bulk_export' is already declared in product acme (feature bulk_export): choose another name for the feature 'auth'.");
        assert.equal(await refusal(rename.rename(acme, params('priya'))), "'priya' is already declared in product acme (stakeholder priya): choose another name for the feature 'auth'.");
        assert.equal(await refusal(rename.rename(acme, params('sync'))), 'renamed', 'a name used in another product is free here');
    });

    it('says what will be renamed: the name, or on a qualified use only the member part', async () => {
        const [acme, notes] = documents;
        const onQualified = await rename.prepareRename(notes, { textDocument: { uri: notes.uri.toString() }, position: at(notes, 'acme.auth', 6) });
        assert.equal(notes.textDocument.getText(onQualified!), 'auth');
        const onName = await rename.prepareRename(acme, { textDocument: { uri: acme.uri.toString() }, position: at(acme, 'auth "') });
        assert.equal(acme.textDocument.getText(onName!), 'auth');
        assert.equal(await rename.prepareRename(acme, { textDocument: { uri: acme.uri.toString() }, position: at(acme, '"Single', 2) }), undefined, 'a title is no name');
    });
});
