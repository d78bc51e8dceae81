import { DOCS_AUDIENCES, type DocsAudience } from '@product-spec/language';
/**
 * Who the docs are for. `full` (the default) is every section for everyone; the others are
 * the view of one community (`product-spec docs --audience`). Every audience writes the same
 * file names (`index.md`, `<product>/PRODUCT.md`), so each goes to a folder of its own;
 * `board` writes `index.md` only: one page.
 */
/** The audiences, declared in the server protocol (clients name them too). */
export type Audience = DocsAudience;

export const AUDIENCES: readonly Audience[] = DOCS_AUDIENCES;

export function isAudience(value: unknown): value is Audience {
    return typeof value === 'string' && (AUDIENCES as readonly string[]).includes(value);
}

export interface DocsOptions {
    /** Default `full`. */
    readonly audience?: Audience;
}
