/**
 * Mermaid's own parser, run in Node: mermaid 11 needs a DOM only for DOMPurify, which it
 * sets up when imported, so a happy-dom window is present while it loads and removed
 * right after (the rest of the test process never sees a global `window`).
 */
import { Window } from 'happy-dom';

interface MermaidApi {
    parse(text: string): Promise<unknown>;
    mermaidAPI: { getDiagramFromText(text: string): Promise<{ type: string; db: Record<string, (...args: unknown[]) => unknown> }> };
}

let loading: Promise<MermaidApi> | undefined;

async function load(): Promise<MermaidApi> {
    const window = new Window();
    const global = globalThis as Record<string, unknown>;
    global.window = window;
    global.document = window.document;
    try {
        const module = await import('mermaid');
        return module.default as unknown as MermaidApi;
    } finally {
        delete global.window;
        delete global.document;
    }
}

export function mermaid(): Promise<MermaidApi> {
    loading ??= load();
    return loading;
}

/** Mermaid's entity placeholders (what `#35;` becomes while parsing) back to the characters it draws. */
export function decodeMermaid(text: string): string {
    const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: '\u00a0' };
    return text
        .replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)))
        .replace(/ﬂ°(\w+)¶ß/g, (match, name: string) => named[name] ?? match)
        .trim();
}

/** What Mermaid understood of a diagram: its type and the texts it will draw. */
export interface ParsedDiagram {
    readonly type: string;
    /** Flowchart node labels, quadrant point names, gantt task names, or xychart line titles, decoded. */
    readonly labels: string[];
    /** Gantt: sections; quadrant: the quadrant titles; xychart: the chart title, then the axis titles. */
    readonly groups: string[];
    /** Gantt: each task's start and end (local YYYY-MM-DD); quadrant: each point's x,y as written; xychart: each line's colour and values. */
    readonly values: string[];
    /** Gantt: each task's tags as Mermaid read them (`milestone`, `crit`, `active`, `done`, comma-separated). */
    readonly tags?: string[];
    /** Gantt: each task's start and end in milliseconds since the epoch (the rank-interval chart's axis). */
    readonly times?: string[];
}

function localDate(date: Date): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Parses a diagram with Mermaid (throws Mermaid's own error when it rejects it) and reads what it understood. */
export async function parseDiagram(text: string): Promise<ParsedDiagram> {
    const api = await mermaid();
    await api.parse(text);
    const diagram = await api.mermaidAPI.getDiagramFromText(text);
    const db = diagram.db;
    if (diagram.type.startsWith('flowchart')) {
        const vertices = [...(db.getVertices() as Map<string, { text: string }>).values()];
        return { type: 'flowchart', labels: vertices.map(v => decodeMermaid(v.text)), groups: [], values: [] };
    }
    if (diagram.type === 'quadrantChart') {
        const data = db.getQuadrantData() as {
            points: Array<{ text: { text: string }; x: number; y: number }>; quadrants: Array<{ text: { text: string } }>;
        };
        // Mermaid keeps the points in reverse order, and scales them to pixels: read the positions back from the source.
        const points = [...data.points].reverse();
        return {
            type: 'quadrantChart',
            labels: points.map(p => decodeMermaid(p.text.text)),
            groups: data.quadrants.map(q => decodeMermaid(q.text.text)),
            values: [...text.matchAll(/^\s+".*": \[([0-9.]+), ([0-9.]+)\]$/gm)].map(m => `${m[1]},${m[2]}`)
        };
    }
    if (diagram.type === 'gantt') {
        // getTasks() computes every task's dates and throws on an invalid one, as rendering would.
        const tasks = db.getTasks() as Array<{ task: string; section: string; startTime: Date; endTime: Date; milestone: boolean; classes: string[]; crit: boolean; active: boolean; done: boolean }>;
        return {
            type: 'gantt',
            labels: tasks.map(t => decodeMermaid(t.task)),
            groups: [...new Set(tasks.map(t => decodeMermaid(t.section)))],
            values: tasks.map(t => `${localDate(t.startTime)}..${localDate(t.endTime)}`),
            tags: tasks.map(t => (['milestone', 'crit', 'active', 'done'] as const).filter(tag => t[tag]).join(',')),
            times: tasks.map(t => `${t.startTime.getTime()}..${t.endTime.getTime()}`)
        };
    }
    if (diagram.type === 'xychart') {
        const data = db.getXYChartData() as { title: string; xAxis: { title: string }; yAxis: { title: string }; plots: Array<{ type: string; title: string; strokeFill: string; data: Array<[string, number]> }> };
        return {
            type: 'xychart',
            labels: data.plots.map(p => decodeMermaid(p.title)),
            groups: [decodeMermaid(db.getDiagramTitle() as string), decodeMermaid(data.xAxis.title), decodeMermaid(data.yAxis.title)],
            values: data.plots.map(p => `${p.type} ${p.strokeFill}: ${p.data.map(d => d[1]).join(' ')}`)
        };
    }
    return { type: diagram.type, labels: [], groups: [], values: [] };
}
