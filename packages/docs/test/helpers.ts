import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import { buildWorkspace, createProductSpecServices, URI, type WorkspaceModel } from '@product-spec/language';
import * as assert from 'node:assert/strict';
import { GENERATED_MARKER, toDocsProblem, type DocsProblem } from '../src/index.js';
import { parseDiagram, type ParsedDiagram } from './mermaid-check.js';

/** The repository root (tests run from packages/docs/out/test). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const { shared, ProductSpec } = createProductSpecServices(EmptyFileSystem);

export interface Loaded {
    readonly model: WorkspaceModel;
    readonly problems: DocsProblem[];
    readonly documents: LangiumDocument[];
}

/**
 * Loads spec texts (file name → text) as one workspace in `root` (nothing is read from
 * disk), as the CLI does, with their diagnostics as DocsProblems.
 */
export async function loadSpec(files: Record<string, string>, root = '/ws'): Promise<Loaded> {
    await clearDocuments(shared);
    const names = Object.keys(files);
    const documents = await buildWorkspace(shared, names.map(name => ({ uri: URI.file(path.join(root, name)), text: files[name] })));
    const problems = documents.flatMap((document, i) => (document.diagnostics ?? []).map(d => toDocsProblem(names[i], document.uri.toString(), d)));
    return { model: ProductSpec.model.ModelService.model, problems, documents };
}

/** The example specs of the repository (examples/**\/*.product), keyed by their path inside examples/. */
export async function exampleFiles(): Promise<Record<string, string>> {
    const files: Record<string, string> = {};
    const walk = async (folder: string): Promise<void> => {
        for (const entry of (await fs.readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory()) await walk(full);
            else if (entry.name.endsWith('.product')) files[path.relative(path.join(ROOT, 'examples'), full)] = await fs.readFile(full, 'utf8');
        }
    };
    await walk(path.join(ROOT, 'examples'));
    return files;
}

/** The ```mermaid blocks of a markdown text. */
export function mermaidBlocks(markdown: string): string[] {
    return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map(match => match[1]);
}

/**
 * Text in the hostile spec: every title carries what could break markdown or Mermaid —
 * a table pipe, a backtick, raw HTML, a javascript: link, quotes, a newline (\n escape),
 * Mermaid's `end`, comment and directive starts, entity codes, statement keywords.
 */
export const HOSTILE = {
    product: 'Evil | Co ` <script>alert(1)</script> [x](javascript:alert(1)) "q"\nnext end %% #35; ; : {}',
    vision: '# not a heading <img src=x onerror=alert(1)> | `code` $x$',
    stakeholder: 'end',
    directive: '%%{init: {"theme":"dark"}}%% boss',
    colon: 'Title: with colon; and # hash & <b>bold</b>',
    featureEnd: 'end',
    featureSection: 'section Hack',
    featurePipe: 'a | b ` c <script>alert(1)</script>',
    featureLink: '[x](javascript:alert(1)) "quoted" \\ back',
    featureTitle: 'title: click me %% not a comment',
    release: '<b>R</b> : "x"\nnext ]] end',
    need: '| need | with pipes |',
    metric: 'Metric `tick` <i>',
    unit: '<u>',
    persona: '> quote persona',
    objective: '1. not a list',
    forecast: '*bold* _it_ ~~strike~~'
};

/** A spec whose every title is hostile text (see HOSTILE), written with the language's string escapes. */
export function hostileSpec(): string {
    const s = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
    return `product evil ${s(HOSTILE.product)} {
  vision ${s(HOSTILE.vision)}
  manager boss
  stage launch
  currency EUR
  stakeholder end ${s(HOSTILE.stakeholder)} { group engineering role ${s(HOSTILE.featurePipe)} influence high interest high }
  stakeholder boss ${s(HOSTILE.directive)} { group commercial influence high interest low }
  stakeholder colon ${s(HOSTILE.colon)} { group customer influence low interest high }
  persona style ${s(HOSTILE.persona)} { size 10 description ${s(HOSTILE.featureLink)} }
  need graph ${s(HOSTILE.need)} { persona style importance 9 satisfaction 2 }
  objective subgraph ${s(HOSTILE.objective)} { metrics click }
  metric click ${s(HOSTILE.metric)} { unit ${s(HOSTILE.unit)} baseline 1 current 2 target 3 by 2027-12-31 }
  release r1 ${s(HOSTILE.release)} { date 2027-01-31 phase launch capacity 10 description ${s(HOSTILE.product)} }
  feature end ${s(HOSTILE.featureEnd)} {
    release r1 moscow must kano { must 1 performance 2 attractive 3 indifferent 1 reverse 0 questionable 0 }
    rice { reach 100 impact high confidence 80% effort 2 }
    addresses graph moves click requestedBy end description ${s(HOSTILE.vision)}
  }
  feature section ${s(HOSTILE.featureSection)} {
    release r1 moscow should rice { reach 50 impact low confidence 50% effort 1 }
    requires end moves click requestedBy colon
  }
  feature pipe ${s(HOSTILE.featurePipe)} {
    status building release r1 moscow could rice { reach 80 impact medium confidence 100% effort 3 }
    requires section addresses graph requestedBy boss
  }
  feature link ${s(HOSTILE.featureLink)} {
    moscow could rice { reach 10 impact minimal confidence 10% effort 1 } requires pipe moves click requestedBy end
  }
  feature title ${s(HOSTILE.featureTitle)} {
    status shipped release r1 moscow must rice { reach 300 impact massive confidence 100% effort 1 } moves click requestedBy end
  }
  forecast fy ${s(HOSTILE.forecast)} { months 3 price 10 customers 5 growth 10% churn 1% cost fixed 100 cost variable 1 }
  scoring { method rice }
}
`;
}

/** The lines a markdown reader sees as markdown: without the marker and the Mermaid blocks. */
export function markdownLines(content: string): string[] {
    return content.replace(/^```mermaid\n[\s\S]*?\n```$/gm, '').split('\n').filter(line => line !== GENERATED_MARKER);
}

/** Positions of `char` not escaped by a backslash (an odd run of backslashes before it escapes it). */
export function unescaped(line: string, char: string): number[] {
    const found: number[] = [];
    for (let i = 0; i < line.length; i++) {
        if (line[i] !== char) continue;
        let slashes = 0;
        for (let j = i - 1; j >= 0 && line[j] === '\\'; j--) slashes++;
        if (slashes % 2 === 0) found.push(i);
    }
    return found;
}

/** Every table's rows have as many cells as its header: no spec text broke a row. */
export function assertTablesWhole(content: string): number {
    let tables = 0;
    let width = -1;
    for (const line of markdownLines(content)) {
        if (!line.startsWith('|')) {
            width = -1;
            continue;
        }
        const cells = unescaped(line, '|').length - 1;
        if (width === -1) {
            width = cells;
            tables++;
        } else assert.equal(cells, width, `a table row has ${cells} cells, its header ${width}: ${line}`);
    }
    return tables;
}

/** Nothing HTML, no link but ours, no code span but names, no math: the spec text stayed text. */
export function assertNoInjection(content: string): void {
    for (const line of markdownLines(content)) {
        assert.deepEqual(unescaped(line, '<'), [], `raw < in: ${line}`);
        assert.deepEqual(unescaped(line, '$'), [], `raw $ in: ${line}`);
        const ticks = unescaped(line, '`');
        assert.equal(ticks.length % 2, 0, `odd backticks in: ${line}`);
        for (let i = 0; i < ticks.length; i += 2) {
            const code = line.slice(ticks[i] + 1, ticks[i + 1]);
            assert.match(code, /^[A-Za-z0-9_.-]+$|^product-spec (validate|docs)$/, `code span that is not a name or a code: ${code}`);
        }
        for (const match of line.matchAll(/\]\(([^)]*)\)/g)) {
            if (unescaped(line.slice(0, match.index! + 1), ']').includes(match.index!)) {
                assert.match(match[1], /^(\.\.\/)?([a-z_]+\/PRODUCT\.md|index\.md)?(#[a-z-]+)?$/i, `a link to something else than a generated page: ${match[1]}`);
            }
        }
    }
}

/** Every Mermaid block of a page, parsed by Mermaid (the test fails on the first it rejects). */
export async function diagrams(content: string): Promise<ParsedDiagram[]> {
    const parsed: ParsedDiagram[] = [];
    for (const block of mermaidBlocks(content)) {
        try {
            parsed.push(await parseDiagram(block));
        } catch (error) {
            assert.fail(`Mermaid rejects a diagram: ${(error as Error).message}\n${block}`);
        }
    }
    return parsed;
}

