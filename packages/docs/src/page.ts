import type { ProductModel, WorkspaceModel } from '@product-spec/language';
import { count, plain, PRODUCT_BASE } from './labels.js';
import { markdownLink } from './markdown.js';
import type { DocsProblem } from './problems.js';

/** What a section of a product's page is generated from. */
export interface ProductContext {
    readonly model: WorkspaceModel;
    readonly product: ProductModel;
    /** The spec's diagnostics inside this product's blocks. */
    readonly problems: readonly DocsProblem[];
}

/**
 * One `##` section of a product's page. A page is a list of sections, so a new one (the
 * release plan, say) is one more entry in the lists of `pages/`.
 */
export interface Section {
    /** The heading's anchor (GitHub's rule: lower case, spaces as hyphens). */
    readonly anchor: string;
    readonly heading: string;
    /** The section's lines, after its heading. */
    lines(context: ProductContext): string[];
}

export interface ProductPageOptions {
    /** Whether the breadcrumb counts the open problems (with a link to their section). */
    readonly problemsLink?: boolean;
    /** Lines between the table of contents and the first section. */
    readonly intro?: (context: ProductContext) => string[];
    /** What the link back to `index.md` says (default "Portfolio"). */
    readonly home?: string;
}

/** A product's page: its title, the way back to the portfolio, a table of contents and the sections. */
export function productPage(context: ProductContext, sections: readonly Section[], options: ProductPageOptions = {}): string[] {
    const { product, problems } = context;
    const errors = problems.filter(p => p.severity === 'error').length;
    const problemsText = options.problemsLink && problems.length > 0
        ? ` · ${markdownLink(count(problems.length, 'open problem'), '#open-problems')}${errors > 0 ? ` (${count(errors, 'error')})` : ''}`
        : '';
    const lines = [
        `# ${plain(product)}`,
        '',
        `${markdownLink(options.home ?? 'Portfolio', `${PRODUCT_BASE}index.md`)} › ${plain(product)}${problemsText}`,
        '',
        sections.map(section => markdownLink(section.heading, `#${section.anchor}`)).join(' · ')
    ];
    const intro = options.intro?.(context) ?? [];
    if (intro.length > 0) lines.push('', ...intro);
    for (const section of sections) lines.push('', `## ${section.heading}`, '', ...section.lines(context));
    return lines;
}
