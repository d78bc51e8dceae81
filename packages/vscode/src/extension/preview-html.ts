/**
 * The HTML of the docs preview, as pure functions (no `vscode` import: unit-tested in Node).
 *
 * Safety, in layers:
 *  1. the markdown comes from the docs generator, which escapes every spec string;
 *  2. markdown-it runs with `html: false`, so raw HTML in the markdown is shown as text, and
 *     its link validation drops `javascript:`/`vbscript:`/`file:`/`data:` links;
 *  3. links are not followed by the webview: in-page anchors scroll, links to other generated
 *     pages become `data-href` handled by the preview script (it shows that product), and any
 *     other link loses its target;
 *  4. Mermaid sources are put into the page as escaped text and drawn by Mermaid with
 *     `securityLevel: 'strict'` (labels sanitised, no click handlers);
 *  5. the Content Security Policy allows scripts only with this page's nonce.
 */
import MarkdownIt from 'markdown-it';

export interface PreviewPage {
    /** `webview.cspSource`. */
    cspSource: string;
    /** A fresh random nonce for this page. */
    nonce: string;
    mermaidUri: string;
    scriptUri: string;
    styleUri: string;
}

/**
 * The Content Security Policy of the preview:
 *  - scripts: only this page's nonce (Mermaid's bundle and the preview script, both from the
 *    extension's media folder) — and `cspSource` as VS Code's webview guide asks, so nothing from the page;
 *  - styles: the extension's stylesheet, plus `'unsafe-inline'` because Mermaid needs it.
 *    Measured in the preview (the suite's CSP check): with `style-src 'nonce-…'` instead,
 *    Chromium reports `style-src-elem` violations for the `<style>` element Mermaid puts in
 *    every SVG (it inserts the SVG and measures its text at once, before a nonce could be
 *    added: labels would be measured unstyled) and `style-src-attr` violations for the ~70
 *    `style` attributes of the acme page's diagrams (nonces never apply to attributes).
 *    The page takes no HTML from the spec (markdown-it `html: false`, Mermaid `strict`), so
 *    inline styles can only come from Mermaid and from our own script;
 *  - images and fonts: the extension's own resources only;
 *  - nothing else: no connections, frames, objects, forms.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
    return [
        `default-src 'none'`,
        `script-src 'nonce-${nonce}' ${cspSource}`,
        `style-src ${cspSource} 'unsafe-inline'`,
        `img-src ${cspSource}`,
        `font-src ${cspSource}`,
        `base-uri 'none'`,
        `form-action 'none'`,
        `frame-src 'none'`
    ].join('; ');
}

/** The preview's page; its content arrives later by message (`{ type: 'update', html }`). */
export function previewPage(page: PreviewPage): string {
    const attr = escapeHtml;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(page.cspSource, page.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(page.styleUri)}">
<title>Product Spec Preview</title>
</head>
<body>
<main id="content" class="markdown-body" aria-live="polite"><p class="loading">Generating the docs…</p></main>
<script nonce="${attr(page.nonce)}" src="${attr(page.mermaidUri)}"></script>
<script nonce="${attr(page.nonce)}" src="${attr(page.scriptUri)}"></script>
</body>
</html>
`;
}

/** Text for element content or a double-quoted attribute. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/**
 * GitHub's heading anchors (what the generated docs link to, e.g. `#personas-and-needs`):
 * lower case, punctuation dropped, spaces to hyphens.
 */
export function githubSlug(text: string): string {
    return text.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** A link between generated pages: `../index.md`, `notes/PRODUCT.md#needs`, `../sync/PRODUCT.md`. */
const DOC_LINK = /^(?:\.\.\/)?(?:(index)\.md|([A-Za-z_][A-Za-z0-9_]*)\/PRODUCT\.md)(#[\p{L}\p{N}_-]*)?$/u;

/** What a `data-href` of the preview points to: a product's page (or the portfolio, product null), and an anchor. */
export function parseDocLink(href: string): { product: string | null; anchor?: string } | undefined {
    const m = DOC_LINK.exec(href);
    if (!m) return undefined;
    return { product: m[2] ?? null, anchor: m[3] ? m[3].slice(1) : undefined };
}

function createRenderer(): MarkdownIt {
    const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

    // Headings get GitHub's anchors, so that the docs' own `[Backlog](#backlog)` links work.
    md.core.ruler.push('heading_anchors', state => {
        const used = new Map<string, number>();
        state.tokens.forEach((token, i) => {
            if (token.type !== 'heading_open') return;
            const inline = state.tokens[i + 1];
            const text = (inline?.children ?? []).filter(c => c.type === 'text' || c.type === 'code_inline').map(c => c.content).join('');
            const base = githubSlug(text);
            const n = used.get(base) ?? 0;
            used.set(base, n + 1);
            token.attrSet('id', n === 0 ? base : `${base}-${n}`);
        });
    });

    // Links: anchors stay; links to other generated pages become data-href; others lose their target.
    md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
        const token = tokens[idx];
        const href = token.attrGet('href') ?? '';
        const attrs = (token.attrs ?? []).filter(([name]) => name !== 'href');
        if (href.startsWith('#')) attrs.push(['href', href]);
        else if (parseDocLink(href)) attrs.push(['data-href', href], ['class', 'doc-link'], ['tabindex', '0'], ['role', 'link']);
        token.attrs = attrs;
        return self.renderToken(tokens, idx, options);
    };

    // Mermaid blocks: the source as escaped text, drawn by the preview script.
    const fence = md.renderer.rules.fence!;
    md.renderer.rules.fence = (tokens, idx, options, env, self) => {
        const token = tokens[idx];
        if (token.info.trim().split(/\s+/)[0] === 'mermaid') {
            return `<div class="mermaid-diagram"><pre class="mermaid-source">${md.utils.escapeHtml(token.content)}</pre></div>\n`;
        }
        return fence(tokens, idx, options, env, self);
    };
    return md;
}

let renderer: MarkdownIt | undefined;

/** The generated markdown as the HTML of the preview's `<main>`. */
export function renderMarkdown(markdown: string): string {
    renderer ??= createRenderer();
    // The generated-file marker is an HTML comment, which html: false would show as text.
    return renderer.render(markdown.replace(/^<!--[^\n]*-->[ \t]*$/gm, ''));
}
