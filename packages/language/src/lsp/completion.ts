import { AstUtils, GrammarAST, isReference, type AstNodeDescription, type LangiumDocument, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, CompletionTriggerKind, type CancellationToken, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import type { ModelService } from '../model/model-service.js';
import type { ProductSpecServices } from '../product-spec-module.js';
import { hoverMarkdown } from './hover.js';
import { DECLARATION_DOCS, IMPACT_WORDS, VALUE_DOCS, VALUE_KINDS, keywordDoc } from './vocabulary.js';

function ruleOf(element: GrammarAST.AbstractElement): string | undefined {
    return AstUtils.getContainerOfType(element, GrammarAST.isParserRule)?.name;
}

/**
 * Completion: property keywords with one line of documentation; value words (stages,
 * levels, phases, statuses, MoSCoW, Kano categories, methods, and RICE's impact scale,
 * which the grammar accepts as any name) as enum members with what they mean; names in
 * scope for references, with what the model says about them. Keywords that are only
 * possible because a name may be any word are not offered.
 */
/** The properties whose value is a word of a list or a name: after them, a space opens completion. */
export const VALUE_TRIGGERS: ReadonlySet<string> = new Set([
    'impact', 'kano', 'moscow', 'status', 'stage', 'phase', 'group', 'influence', 'interest', 'method',
    'addresses', 'manager', 'metrics', 'moves', 'persona', 'release', 'requestedBy', 'requires'
]);

/** Whether a typed space or comma should open completion here. */
function opensOnTrigger(document: LangiumDocument, params: CompletionParams): boolean {
    const line = document.textDocument.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
    // Inside a string (an odd number of quotes before the cursor) nothing opens.
    const inString = ((line.match(/(?<!\\)"/g)?.length ?? 0) % 2) === 1;
    if (inString) return false;
    if (params.context?.triggerCharacter === ',') return /[\p{L}\p{N}_]\s*,$/u.test(line);
    const word = /([\p{L}_][\p{L}\p{N}_]*) $/u.exec(line)?.[1];
    return word !== undefined && VALUE_TRIGGERS.has(word);
}

export class ProductSpecCompletionProvider extends DefaultCompletionProvider {
    private readonly models: ModelService;
    private readonly impactOffered = new WeakSet<CompletionContext>();

    constructor(services: ProductSpecServices) {
        super(services);
        this.models = services.model.ModelService;
    }

    /**
     * Completion opens by itself after a space that follows a property whose value is a word
     * or a name (`impact `, `requires `, `release `), and after the comma of a list; a space
     * anywhere else opens nothing (issue 11).
     */
    override readonly completionOptions = { triggerCharacters: [' ', ','] };

    /** Waits for the build in progress: the items' documentation reads the whole workspace's model. */
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        if (params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && !opensOnTrigger(document, params)) return { items: [], isIncomplete: false };
        await this.models.ready(cancelToken);
        return super.getCompletion(document, params, cancelToken);
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        // After `impact` in a rice block the grammar takes any name: offer RICE's impact scale.
        if (AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment)?.feature === 'impactWord' && !this.impactOffered.has(context)) {
            this.impactOffered.add(context);
            IMPACT_WORDS.forEach(({ word, multiplier, doc }, index) => acceptor(context, {
                label: word,
                kind: CompletionItemKind.EnumMember,
                detail: `RICE impact × ${multiplier}`,
                documentation: doc,
                sortText: `0${index}`
            }));
            return;
        }
        // A property keyword still without its value parses as an unknown word (the text ends
        // there): complete the value for the block around it.
        if (context.node && context.node.$type === 'Unknown' && context.node.$container) {
            return super.completionFor({ ...context, node: context.node.$container }, next, acceptor);
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        const rule = ruleOf(keyword) ?? '';
        const values = VALUE_DOCS[rule];
        // Right after a property keyword its value comes (the grammar lets it be missing only
        // so that a block with a gap still parses): offer values, not the next properties.
        if (!values && this.afterPropertyKeyword(context)) return;
        if (values) {
            const index = Object.keys(values).indexOf(keyword.value);
            acceptor(context, {
                label: keyword.value,
                kind: CompletionItemKind.EnumMember,
                detail: VALUE_KINDS[rule] ?? rule,
                documentation: values[keyword.value],
                sortText: `0${String(Math.max(index, 0)).padStart(2, '0')}`
            });
            return;
        }
        const declaration = keyword.value in DECLARATION_DOCS && keyword.value === ruleOf(keyword)?.toLowerCase();
        acceptor(context, {
            label: keyword.value,
            kind: CompletionItemKind.Keyword,
            detail: declaration ? 'declaration' : 'property',
            documentation: keywordDoc(rule, keyword.value),
            sortText: '1'
        });
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        // Not the declaration itself (a feature does not require itself), nor a name the list already has.
        const listed = (refInfo.container as unknown as Record<string, unknown>)[refInfo.property];
        const taken = new Set(Array.isArray(listed)
            ? listed.filter(isReference)
                .filter(reference => !reference.$refNode || context.offset < reference.$refNode.offset || context.offset > reference.$refNode.end)
                .map(reference => reference.$refText)
            : []);
        return super.getReferenceCandidates(refInfo, context)
            .filter(description => (description.node === undefined || description.node !== refInfo.container) && !taken.has(description.name));
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        const title = node && 'title' in node && typeof node.title === 'string' ? node.title : undefined;
        const kind = description.type.toLowerCase();
        const hover = node ? hoverMarkdown(this.models.model, node) : undefined;
        return {
            ...item,
            detail: title ? `${kind} · ${title}` : kind,
            documentation: hover ? { kind: 'markdown', value: hover } : item.documentation
        };
    }

    /** Whether the word before the cursor is a property keyword that takes a value. */
    private afterPropertyKeyword(context: CompletionContext): boolean {
        const before = context.textDocument.getText().slice(Math.max(0, context.tokenOffset - 100), context.tokenOffset);
        const word = /([\p{L}_][\p{L}\p{N}_]*)\s+$/u.exec(before)?.[1];
        return word !== undefined && this.valueTaking.has(word);
    }

    /** Property keywords followed by a value that the grammar marks optional (`moscow`, `reach`, ...). */
    private readonly valueTaking = new Set<string>(
        AstUtils.streamAllContents(this.grammar).filter(GrammarAST.isKeyword)
            .filter(keyword => {
                const group = keyword.$container as GrammarAST.AbstractElement | undefined;
                if (!group || !GrammarAST.isGroup(group)) return false;
                const next = group.elements[group.elements.indexOf(keyword) + 1];
                return next !== undefined && next.cardinality === '?' && !GrammarAST.isKeyword(next);
            })
            .map(keyword => keyword.value).toArray()
    );
}
