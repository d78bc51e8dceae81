import { AstUtils, CstUtils, URI, type AstNode, type IndexManager, type LangiumDocument, type LangiumDocuments } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, TextEdit, type CancellationToken, type Range, type RenameParams, type TextDocumentPositionParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isProduct } from '../generated/ast.js';
import type { ProductSpecServices } from '../product-spec-module.js';
import { qualifiedMemberName } from '../references/scope-computation.js';
import { isReservedWord } from '../syntax/reserved.js';
import { kindWord } from '../validation/messages.js';

/** A name as the grammar's ID terminal reads it. */
const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/**
 * Rename that never breaks a spec (issue 11): a new name must be a name (letters, digits,
 * `_`), not one of the ten reserved words, and not taken in the scope the declaration lives
 * in (its product's members, or the top level); otherwise the rename is refused with a
 * message and no edit. Qualified uses (`acme.auth` in another product) keep their product
 * part; renaming a product renames the product part of every qualified use.
 */
export class ProductSpecRenameProvider extends DefaultRenameProvider {
    private readonly documents: LangiumDocuments;
    private readonly index: IndexManager;

    constructor(services: ProductSpecServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.index = services.shared.workspace.IndexManager;
    }

    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const target = this.declarationAt(document, params);
        if (!target) return undefined;
        const oldName = (target as { name?: string }).name ?? '';
        const newName = params.newName;
        const refusal = this.refusal(target, oldName, newName);
        if (refusal) throw new ResponseError(ErrorCodes.InvalidParams, refusal);
        if (newName === oldName) return { changes: {} };
        const edit = await super.rename(document, params, cancelToken);
        const changes = edit?.changes ?? {};
        // A qualified use keeps its product part: only the member's name changes.
        for (const [uri, edits] of Object.entries(changes)) {
            const text = this.documents.getDocument(URI.parse(uri))?.textDocument;
            if (!text) continue;
            changes[uri] = edits.map(change => {
                const written = text.getText(change.range);
                const dot = written.lastIndexOf('.');
                if (dot < 0) return change;
                const start = text.positionAt(text.offsetAt(change.range.start) + dot + 1);
                return TextEdit.replace({ start, end: change.range.end }, newName);
            });
        }
        if (isProduct(target)) this.renameProductPrefixes(oldName, newName, changes);
        return { changes };
    }

    /** What will be renamed: the declaration's name, or on a qualified use (`acme.auth`) only the member's part. */
    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Range | undefined {
        const range = this.renameNodeRange(document, params.position);
        if (!range || !this.declarationAt(document, params)) return undefined;
        const text = document.textDocument;
        const written = text.getText(range);
        const dot = written.lastIndexOf('.');
        const nameRange = dot < 0 ? range : { start: text.positionAt(text.offsetAt(range.start) + dot + 1), end: range.end };
        return nameRange;
    }

    /** Why `newName` cannot replace `oldName` on this declaration, or undefined. */
    private refusal(target: AstNode, oldName: string, newName: string): string | undefined {
        const kind = kindWord(target.$type);
        if (!IDENTIFIER.test(newName)) return `'${newName}' is not a name: a name is letters, digits and _, starting with a letter or _ (the ${kind} stays '${oldName}').`;
        if (isReservedWord(newName)) return `'${newName}' is a reserved word (it opens a declaration): choose another name for the ${kind} '${oldName}'.`;
        if (newName === oldName) return undefined;
        const product = isProduct(target) ? undefined : AstUtils.getContainerOfType(target.$container, isProduct);
        const taken = this.index.allElements().find(description => isProduct(target)
            ? description.type === 'Product' && description.name === newName
            : description.name === (product ? qualifiedMemberName(product.name, newName) : newName));
        if (taken) {
            const where = product ? `in product ${product.name}` : 'at the top level';
            return `'${newName}' is already declared ${where} (${kindWord(taken.type)} ${newName}): choose another name for the ${kind} '${oldName}'.`;
        }
        return undefined;
    }

    /** `acme.auth` everywhere becomes `newName.auth` when the product acme is renamed. */
    private renameProductPrefixes(oldName: string, newName: string, changes: Record<string, TextEdit[]>): void {
        for (const document of this.documents.all) {
            for (const reference of document.references) {
                const refNode = reference.$refNode;
                if (!refNode || !reference.$refText.startsWith(`${oldName}.`)) continue;
                const start = refNode.range.start;
                const end = document.textDocument.positionAt(refNode.offset + oldName.length);
                const uri = document.uri.toString();
                (changes[uri] ??= []).push(TextEdit.replace({ start, end }, newName));
            }
        }
    }

    private declarationAt(document: LangiumDocument, params: TextDocumentPositionParams): AstNode | undefined {
        const range = this.renameNodeRange(document, params.position);
        if (!range) return undefined;
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        if (!leaf) return undefined;
        const declarations = this.references.findDeclarations(leaf);
        if (declarations.length > 0) return declarations[0];
        return this.isNameNode(leaf) ? leaf.astNode : undefined;
    }
}

