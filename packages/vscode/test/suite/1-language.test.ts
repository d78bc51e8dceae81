/**
 * The language features, through VS Code's own commands (what the editor calls): the
 * bundled server answers over IPC. The workspace is a copy of examples/ (acme + portfolio).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeOf, file, hoverText, open, positionOf, productDiagnostics, replaceText, revert, waitFor } from './helpers.js';

suite('Language features in VS Code', () => {
    suiteSetup(async () => {
        await open('acme/features.product');
        await activate();
    });

    test('the .product files are the product language, with the extension\'s grammar', async () => {
        const editor = await open('acme/features.product');
        assert.equal(editor.document.languageId, 'product');
        const extension = vscode.extensions.getExtension('product-spec.product-spec')!;
        assert.equal(extension.isActive, true);
        assert.equal(extension.packageJSON.contributes.grammars[0].scopeName, 'source.product');
    });

    test('the examples have no error and no warning', async () => {
        const api = await activate();
        // Requests wait until the workspace is validated; then every file's diagnostics are published.
        const report = await api.ranking.refresh();
        assert.deepEqual(report?.products.map(p => p.name), ['acme', 'notes', 'sync']);
        await waitFor('diagnostics of all ten example files', () => {
            const published = new Set(vscode.languages.getDiagnostics().map(([uri]) => uri.toString()));
            return ['acme/features.product', 'acme/customers.product', 'portfolio/sync.product'].every(f => published.has(file(f).toString())) || undefined;
        }, 10_000).catch(() => undefined); // files without problems may never be published: that is fine
        const problems = productDiagnostics().map(([uri, d]) => `${vscode.workspace.asRelativePath(uri)}:${d.range.start.line + 1} ${codeOf(d)} ${d.message}`);
        assert.deepEqual(problems, []);
    });

    test('an edit that breaks the spec gets the right diagnostic code, at the property', async () => {
        const editor = await open('acme/features.product');
        try {
            // bulk_export's RICE impact: `high` → `huge` (not on the scale).
            const at = positionOf(editor.document, 'impact high confidence 80% effort 2 }', 0, 1);
            const range = await replaceText(editor, 'impact high confidence 80% effort 2 }', 'impact huge confidence 80% effort 2 }', 1);
            const diagnostic = await waitFor('a bad-impact error', () => vscode.languages.getDiagnostics(editor.document.uri).find(d => codeOf(d) === 'bad-impact'));
            assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
            assert.equal(diagnostic.range.start.line, at.line);
            assert.ok(range.contains(diagnostic.range) || diagnostic.range.intersection(range), `the error is on the impact property, got ${JSON.stringify(diagnostic.range)}`);
            assert.match(diagnostic.message, /massive|high|medium|low|minimal/);

            // A requirement cycle: auth requires bulk_export, which requires auth.
            await replaceText(editor, 'feature auth "Single sign-on" {', 'feature auth "Single sign-on" { requires bulk_export');
            const cycle = await waitFor('dependency-cycle errors', () => {
                const found = vscode.languages.getDiagnostics(editor.document.uri).filter(d => codeOf(d) === 'dependency-cycle');
                return found.length >= 2 ? found : undefined;
            });
            assert.ok(cycle.every(d => d.severity === vscode.DiagnosticSeverity.Error));
        } finally {
            await revert(editor);
        }
    });

    test('hover on a feature shows its RICE arithmetic and rank', async () => {
        const editor = await open('acme/features.product');
        const hovers = await waitFor('a hover', async () => {
            const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'bulk_export "', 2));
            return result.length > 0 ? result : undefined;
        });
        const text = hoverText(hovers);
        assert.match(text, /\*\*Bulk export to CSV\*\* · feature bulk_export of acme/);
        assert.match(text, /RICE = 4,000 × 2 × 0\.8 ÷ 2 = 3,200/);
        assert.match(text, /rank 4 of 16/);
    });

    test('completion after `impact` offers RICE\'s impact words', async () => {
        const editor = await open('acme/features.product');
        const position = positionOf(editor.document, 'impact high confidence 80%', 'impact '.length, 1);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
        const labels = list.items.map(i => (typeof i.label === 'string' ? i.label : i.label.label));
        for (const word of ['massive', 'high', 'medium', 'low', 'minimal']) assert.ok(labels.includes(word), `${word} in ${labels.join(', ')}`);
    });

    test('go to definition crosses files', async () => {
        const editor = await open('acme/features.product');
        const definitions = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
            'vscode.executeDefinitionProvider', editor.document.uri, positionOf(editor.document, 'addresses quick_report', 'addresses '.length + 2));
        assert.equal(definitions.length, 1);
        const target = definitions[0];
        const uri = 'targetUri' in target ? target.targetUri : target.uri;
        const range = 'targetUri' in target ? (target.targetSelectionRange ?? target.targetRange) : target.range;
        assert.equal(uri.toString(), file('acme/customers.product').toString());
        const declaration = await vscode.workspace.openTextDocument(uri);
        assert.equal(declaration.getText(range), 'quick_report');
        assert.equal(range.start.line, positionOf(declaration, 'need quick_report').line);
    });

    test('code lenses show rank, score and inheritance', async () => {
        const editor = await open('acme/features.product');
        const lenses = await waitFor('code lenses', async () => {
            const result = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 100);
            return result.length > 0 ? result : undefined;
        });
        const titles = lenses.map(l => l.command?.title);
        assert.ok(titles.includes('#3 · RICE 1,500 → 3,200 (from bulk_export)'), titles.join('\n'));
        assert.ok(titles.includes('#1 · RICE 4,500'), titles.join('\n'));
        const auth = lenses.find(l => l.command?.title.startsWith('#3 '))!;
        assert.equal(auth.range.start.line, positionOf(editor.document, 'feature auth').line);
    });

    test('find references, rename, outline, folding, inlay hints and a quick fix work', async () => {
        const editor = await open('acme/features.product');
        const document = editor.document;
        const at = positionOf(document, 'feature auth "', 'feature '.length + 1);
        const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, at);
        assert.ok(references.length >= 3, `references to auth: ${references.length}`);

        const rename = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, at, 'single_sign_on');
        const edits = rename.entries().flatMap(([, e]) => e);
        assert.ok(edits.length >= 3 && edits.every(e => e.newText === 'single_sign_on'), `rename edits: ${edits.length}`);

        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
        const names = symbols.flatMap(s => [s.name, ...s.children.map(c => c.name)]);
        assert.ok(names.includes('bulk_export'), names.join(', '));

        const folding = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
        assert.ok(folding.some(r => r.start === positionOf(document, 'feature bulk_export').line), 'a feature folds');

        const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0));
        const labels = hints.map(h => (typeof h.label === 'string' ? h.label : h.label.map(p => p.value).join('')));
        assert.ok(labels.some(l => l.includes('3,200')), labels.slice(0, 10).join(' | '));

        try {
            const range = await replaceText(editor, 'impact high confidence 80% effort 2 }', 'impact hihg confidence 80% effort 2 }', 1);
            await waitFor('a bad-impact error', () => vscode.languages.getDiagnostics(document.uri).find(d => codeOf(d) === 'bad-impact'));
            const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range);
            const fix = actions.find(a => a.kind?.value.startsWith('quickfix') && /high/.test(a.title));
            assert.ok(fix?.edit, `quick fixes: ${actions.map(a => a.title).join(', ')}`);
            assert.ok(await vscode.workspace.applyEdit(fix.edit));
            await waitFor('the fix to clear the error', () => !vscode.languages.getDiagnostics(document.uri).some(d => codeOf(d) === 'bad-impact'));
            assert.match(document.getText(), /impact high confidence 80% effort 2 \}\n\s*wsjf/);
        } finally {
            await revert(editor);
        }
    });

    test('the language configuration: comments, auto-closing, indentation; the snippets', async () => {
        const document = await vscode.workspace.openTextDocument({ language: 'product', content: 'product demo "Demo" ' });
        const editor = await vscode.window.showTextDocument(document);
        try {
            editor.selection = new vscode.Selection(0, 0, 0, 0);
            await vscode.commands.executeCommand('editor.action.commentLine');
            assert.equal(document.getText(), '// product demo "Demo" ');
            await vscode.commands.executeCommand('editor.action.commentLine');
            editor.selection = new vscode.Selection(0, document.lineAt(0).text.length, 0, document.lineAt(0).text.length);
            await vscode.commands.executeCommand('type', { text: '{' });
            assert.equal(document.getText(), 'product demo "Demo" {}', 'a brace closes itself');
            await vscode.commands.executeCommand('type', { text: '\n' });
            assert.match(document.lineAt(1).text, /^\s+$/, 'the line after { is indented');
            assert.equal(document.lineAt(2).text, '}');
            // A quote closes itself (no completion list open: it could take the keystroke).
            await vscode.commands.executeCommand('hideSuggestWidget');
            await vscode.commands.executeCommand('type', { text: '"' });
            assert.match(document.lineAt(1).text, /^\s+""$/, `a quote closes itself: ${JSON.stringify(document.lineAt(1).text)}`);

            const items = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(1, 0));
            const snippets = items.items.filter(i => i.kind === vscode.CompletionItemKind.Snippet).map(i => (typeof i.label === 'string' ? i.label : i.label.label));
            for (const prefix of ['product', 'feature', 'rice-feature', 'stakeholder', 'release', 'forecast']) {
                assert.ok(snippets.includes(prefix), `snippet ${prefix} in ${snippets.join(', ')}`);
            }
        } finally {
            await vscode.window.showTextDocument(document);
            await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        }
    });

    test('closing an untitled spec, then editing the workspace, does not crash the server', async () => {
        const api = await activate();
        const before = api.client.initializeResult;
        const untitled = await vscode.workspace.openTextDocument({ language: 'product', content: 'product scratch "Scratch" { feature x "X" { requestedBy nobody } }' });
        await vscode.window.showTextDocument(untitled);
        await waitFor('the untitled document\'s error', () => vscode.languages.getDiagnostics(untitled.uri).some(d => codeOf(d) === 'unresolved-reference'));
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await waitFor('the closed document to leave the workspace', async () => {
            const r = await api.ranking.refresh();
            return r && !r.products.some(p => p.name === 'scratch');
        });
        // Any rebuild used to visit the closed document and kill the server (Langium 4.2.1 keeps it).
        const editor = await open('acme/features.product');
        try {
            await replaceText(editor, 'impact high confidence 80% effort 2 }', 'impact huge confidence 80% effort 2 }', 1);
            await waitFor('a bad-impact error', () => vscode.languages.getDiagnostics(editor.document.uri).some(d => codeOf(d) === 'bad-impact'));
            assert.equal(api.client.initializeResult, before, 'the server was restarted: it stopped');
        } finally {
            await revert(editor);
        }
    });

    test('semantic tokens come from the server', async () => {
        const editor = await open('acme/features.product');
        const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', editor.document.uri);
        const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', editor.document.uri);
        assert.ok(legend.tokenTypes.length > 0);
        assert.ok(tokens.data.length > 0);
    });
});
