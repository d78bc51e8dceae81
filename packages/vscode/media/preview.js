// The docs preview's script (loaded with the page's nonce, after media/mermaid.min.js).
// The extension sends { type: 'update', html, version }: `html` is markdown-it's output
// (html: false) of the generated docs, whose spec text is escaped. This script puts it in
// place, draws the Mermaid diagrams (securityLevel 'strict'), follows links between
// generated pages through the extension, and reports what it drew ({ type: 'rendered' }).
(function () {
  'use strict';
  /* global acquireVsCodeApi, mermaid */
  const vscode = acquireVsCodeApi();
  const content = /** @type {HTMLElement} */ (document.getElementById('content'));

  /** CSP violations seen by this page (reported with each render, for the tests). */
  const violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    violations.push(`${e.violatedDirective} ${e.blockedURI || ''}`.trim());
  });

  const themeOf = () => {
    const c = document.body.classList;
    return c.contains('vscode-high-contrast-light') ? 'default'
      : (c.contains('vscode-dark') || c.contains('vscode-high-contrast')) ? 'dark' : 'default';
  };
  let theme = themeOf();
  const mermaidReady = typeof mermaid !== 'undefined';
  if (mermaidReady) mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme });

  /** SVG by diagram source, so that typing elsewhere does not redraw (and flicker) every diagram. */
  const drawn = new Map();
  let sequence = 0;
  let generation = 0;
  let last = null;

  async function draw(version) {
    const mine = ++generation;
    const blocks = [...content.querySelectorAll('.mermaid-diagram')];
    const errors = [];
    for (const block of blocks) {
      const pre = block.querySelector('.mermaid-source');
      if (!pre) continue; // drawn already, from the cache (see update)
      const source = pre.textContent ?? '';
      let svg = drawn.get(source);
      if (svg === undefined) {
        if (!mermaidReady) { errors.push('Mermaid did not load'); continue; }
        const id = `mermaid-svg-${++sequence}`;
        try {
          ({ svg } = await mermaid.render(id, source));
          drawn.set(source, svg);
        } catch (e) {
          document.getElementById(id)?.remove();
          document.getElementById(`d${id}`)?.remove();
          errors.push(String(e && e.message ? e.message : e));
        }
        if (mine !== generation) return; // a newer update replaced the page meanwhile
      }
      if (svg !== undefined) {
        const holder = document.createElement('div');
        holder.className = 'mermaid-svg';
        holder.innerHTML = svg; // Mermaid's own output (strict: labels sanitised)
        block.replaceChildren(holder);
      } else {
        pre.classList.add('mermaid-error');
      }
    }
    // Violation events are dispatched as tasks after the insertion that caused them.
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (mine !== generation) return;
    vscode.postMessage({
      type: 'rendered',
      version,
      diagrams: blocks.length,
      svgs: content.querySelectorAll('.mermaid-svg svg').length,
      errors,
      violations: violations.slice(),
      scripts: content.querySelectorAll('script').length,
      title: content.querySelector('h1')?.textContent ?? '',
      text: (content.textContent ?? '').slice(0, 500000),
    });
  }

  function update(message) {
    // The same product refreshed keeps its place; another product starts at its top.
    const sameProduct = last !== null && last.product === message.product;
    last = message;
    const y = sameProduct ? window.scrollY : 0;
    content.innerHTML = message.html; // markdown-it output, html: false: see preview-html.ts
    // Diagrams already drawn appear at once; new ones are drawn below.
    for (const block of content.querySelectorAll('.mermaid-diagram')) {
      const svg = drawn.get(block.querySelector('.mermaid-source')?.textContent ?? '');
      if (svg !== undefined) {
        const holder = document.createElement('div');
        holder.className = 'mermaid-svg';
        holder.innerHTML = svg;
        block.replaceChildren(holder);
      }
    }
    window.scrollTo(0, y);
    vscode.setState({ product: message.product ?? null });
    void draw(message.version);
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'update' && typeof message.html === 'string') update(message);
  });

  // Links: in-page anchors scroll; links to other generated pages ask the extension to show
  // that page. Capture phase, so that the webview host never navigates anywhere.
  document.addEventListener('click', (event) => {
    const target = /** @type {Element} */ (event.target);
    const link = target && target.closest ? target.closest('a') : null;
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    const dataHref = link.getAttribute('data-href');
    const href = link.getAttribute('href');
    if (dataHref) vscode.postMessage({ type: 'open', href: dataHref });
    else if (href && href.startsWith('#')) document.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
  }, true);
  document.addEventListener('keydown', (event) => {
    const target = /** @type {Element} */ (event.target);
    if (event.key === 'Enter' && target && target.getAttribute && target.getAttribute('data-href')) {
      vscode.postMessage({ type: 'open', href: target.getAttribute('data-href') });
    }
  });

  // Follow the editor's theme.
  new MutationObserver(() => {
    const next = themeOf();
    if (next === theme || !mermaidReady) return;
    theme = next;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme });
    drawn.clear();
    if (last) update(last);
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });

  vscode.postMessage({ type: 'ready' });
})();
