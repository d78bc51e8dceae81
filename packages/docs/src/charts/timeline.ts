import { byName, type FeatureModel, type ProductModel, type ReleaseModel } from '@product-spec/language';
import { byRank, DAY, dateTime, isoDate } from '../facts.js';
import { displayName, featureChartLabel } from '../labels.js';
import { ganttText, mermaidBlock, shorten } from '../mermaid.js';

/**
 * Roadmaps as Mermaid `gantt` charts, independent of the day they are drawn (no "today"
 * line). A release's build window runs from the previous release to its date (before the
 * first release, as long as the next interval, or 90 days when there is one release).
 *
 * Mermaid's tags: `crit` alone is drawn red; `active` light; `done` grey. Combined, the
 * fill is that of `active` or `done` with only a red outline, so a bar is given one tag.
 */

export interface ReleaseWindow {
    readonly release: ReleaseModel;
    /** UTC milliseconds. */
    readonly start: number;
    /** The release date. */
    readonly end: number;
}

/** The releases with a valid date, in the given (date) order, with their build windows. */
export function releaseWindows(releases: readonly ReleaseModel[]): ReleaseWindow[] {
    const dated = releases
        .map(release => ({ release, time: dateTime(release.date) }))
        .filter((r): r is { release: ReleaseModel; time: number } => r.time !== undefined);
    if (dated.length === 0) return [];
    const firstWindow = dated.length > 1 ? Math.max(dated[1].time - dated[0].time, 14 * DAY) : 90 * DAY;
    return dated.map(({ release, time }, index) => {
        const previous = index === 0 ? time - firstWindow : dated[index - 1].time;
        return { release, start: Math.min(previous, time - 14 * DAY), end: time };
    });
}

export interface FeatureSlot {
    readonly feature: FeatureModel;
    readonly start: number;
    readonly end: number;
    /** True when the feature's effort is unknown, so its bar is as long as the release's average. */
    readonly estimated: boolean;
}

/**
 * A release's features one after the other in the order they are built (shipped ones
 * first, then by rank), each bar as long as its share of the release's capacity (effort ÷
 * capacity of the window; without a capacity, of the load). A release loaded beyond its
 * capacity runs past its date; one loaded below it ends early. A picture of order and load,
 * not a schedule: a team builds several features at once.
 */
export function featureSlots(product: ProductModel, window: ReleaseWindow): FeatureSlot[] {
    const live = window.release.features.filter(f => f.status !== 'dropped');
    const shipped = live.filter(f => f.status === 'shipped').sort(byName);
    const ordered = [...shipped, ...byRank(product, live.filter(f => f.status !== 'shipped'))];
    const known = ordered.map(f => f.effort).filter((e): e is number => e !== null && e > 0);
    const capacity = window.release.capacity;
    const fallback = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : (capacity && capacity > 0 ? capacity / ordered.length : 1);
    const efforts = ordered.map(f => (f.effort !== null && f.effort > 0 ? f.effort : fallback));
    const load = efforts.reduce((a, b) => a + b, 0);
    const days = Math.round((window.end - window.start) / DAY);
    const perUnit = days / (capacity && capacity > 0 ? capacity : load);
    let done = 0;
    return ordered.map((feature, i) => {
        const from = Math.round(done * perUnit);
        done += efforts[i];
        const to = Math.max(Math.round(done * perUnit), from + 1);
        return { feature, start: window.start + from * DAY, end: window.start + to * DAY, estimated: efforts[i] !== feature.effort };
    });
}

/** A prerequisite in another product that ships (or may ship) after a feature would start. */
export interface LatePrerequisite {
    readonly feature: FeatureModel;
    readonly prerequisite: FeatureModel;
    /** When its release ships; undefined when it is in no release with a date. */
    readonly ships?: number;
}

/** For a feature's slot, its prerequisites in other products that are not shipped by the time it starts. */
export function latePrerequisites(slot: FeatureSlot): LatePrerequisite[] {
    if (slot.feature.status === 'shipped') return [];
    return slot.feature.requires
        .filter(p => p.product !== slot.feature.product && p.status !== 'shipped' && p.status !== 'dropped')
        .map(prerequisite => ({ feature: slot.feature, prerequisite, ships: dateTime(prerequisite.release?.date) }))
        .filter(late => late.ships === undefined || late.ships > slot.start);
}

/** Ticks far enough apart that their labels never overlap. */
function axis(start: number, end: number): string[] {
    const span = end - start;
    return span <= 270 * DAY ? ['  axisFormat %Y-%m', '  tickInterval 1month']
        : span <= 2 * 365 * DAY ? ['  axisFormat %Y-%m', '  tickInterval 3month']
            : span <= 5 * 365 * DAY ? ['  axisFormat %Y-%m', '  tickInterval 6month'] : ['  axisFormat %Y', '  tickInterval 12month'];
}

const SECTION_LABEL = 28;

/**
 * The chart's header. Mermaid writes section names from the left edge into a margin of
 * `leftPadding` pixels (75 by default), so the margin is made as wide as the longest name.
 */
function ganttHeader(sections: readonly string[], start: number, end: number): string[] {
    const longest = Math.max(0, ...sections.map(s => [...s].length));
    const leftPadding = Math.max(75, Math.ceil(24 + longest * 6.6));
    return ['---', 'config:', '  gantt:', `    leftPadding: ${leftPadding}`, '---',
        'gantt', '  dateFormat YYYY-MM-DD', '  todayMarker off', ...axis(start, end)];
}

/** The one tag of a feature's bar (see the module's note on Mermaid's tags). */
function featureTag(feature: FeatureModel): string[] {
    if (feature.status === 'shipped') return ['done'];
    if (feature.moscow === 'must') return ['crit'];
    return feature.status === 'building' ? ['active'] : [];
}

export interface ProductTimeline {
    readonly lines: string[];
    /** Prerequisites in other products that ship after the feature would start (marked on the chart). */
    readonly late: LatePrerequisite[];
    /** Features whose effort is unknown (drawn with the release's average). */
    readonly estimated: FeatureModel[];
    /** Releases whose load runs past their date. */
    readonly overrun: ReleaseModel[];
}

/**
 * A product's releases with a valid date as gantt sections, in date order: the features
 * one after another (see `featureSlots`), a red diamond before a feature whose
 * prerequisite in another product ships after the feature would start, and the release
 * itself as a milestone.
 */
export function roadmapGantt(product: ProductModel, releases: readonly ReleaseModel[]): ProductTimeline | undefined {
    const windows = releaseWindows(releases);
    if (windows.length === 0) return undefined;
    const slots = windows.map(window => featureSlots(product, window));
    const sections = windows.map(w => ganttText(shorten(displayName(w.release), SECTION_LABEL), w.release.name));
    const end = Math.max(...windows.map(w => w.end), ...slots.flat().map(s => s.end));
    const lines = ganttHeader(sections, windows[0].start, end);
    const late: LatePrerequisite[] = [];
    let task = 0;
    windows.forEach((window, index) => {
        lines.push(`  section ${sections[index]}`);
        for (const slot of slots[index]) {
            for (const waits of latePrerequisites(slot)) {
                late.push(waits);
                if (waits.ships === undefined) continue;
                const text = `${shorten(displayName(waits.prerequisite), 30)} (${shorten(displayName(waits.prerequisite.product), 20)}) ships`;
                lines.push(`    ${ganttText(text, waits.prerequisite.name)} :milestone, crit, p${++task}, ${isoDate(waits.ships)}, 0d`);
            }
            const name = ganttText(shorten(featureChartLabel(slot.feature, product), 40), slot.feature.name);
            lines.push(`    ${name} :${[...featureTag(slot.feature), `t${++task}`, isoDate(slot.start), isoDate(slot.end)].join(', ')}`);
        }
        lines.push(`    ${ganttText(`${shorten(displayName(window.release), 40)} ships`, window.release.name)} :milestone, m${index + 1}, ${isoDate(window.end)}, 0d`);
    });
    return {
        lines: mermaidBlock(lines),
        late,
        estimated: slots.flat().filter(s => s.estimated).map(s => s.feature),
        overrun: windows.filter((w, i) => slots[i].some(s => s.end > w.end)).map(w => w.release)
    };
}

/** A cross-product requirement as the portfolio roadmap shows it. */
export interface CrossRequirement {
    readonly feature: FeatureModel;
    readonly prerequisite: FeatureModel;
    /** The prerequisite's release date is after the dependant's release date. */
    readonly late: boolean;
}

/** Every feature (not dropped) that requires an open feature of another product. */
export function crossRequirements(products: readonly ProductModel[]): CrossRequirement[] {
    return products.flatMap(product => product.features
        .filter(f => f.status !== 'dropped' && f.status !== 'shipped')
        .flatMap(feature => feature.requires
            .filter(p => p.product !== product && p.status !== 'shipped' && p.status !== 'dropped')
            .map(prerequisite => {
                const needed = dateTime(feature.release?.date);
                const ships = dateTime(prerequisite.release?.date);
                return { feature, prerequisite, late: needed !== undefined && (ships === undefined || ships > needed) };
            })));
}

/**
 * Every product's releases on one timeline: a section per product, a bar per release over
 * its build window (red when over capacity, grey when everything in it shipped, light when
 * something in it is being built), and a diamond where a feature waits for a prerequisite
 * in another product: at the date that prerequisite's release ships, red when that is after
 * the dependant's own release.
 */
export function portfolioGantt(products: readonly ProductModel[], releasesOf: (p: ProductModel) => readonly ReleaseModel[]): string[] | undefined {
    const rows = products.map(product => ({ product, windows: releaseWindows(releasesOf(product)) })).filter(r => r.windows.length > 0);
    if (rows.length === 0) return undefined;
    const sections = rows.map(r => ganttText(shorten(displayName(r.product), SECTION_LABEL), r.product.name));
    const all = rows.flatMap(r => r.windows);
    const lines = ganttHeader(sections, Math.min(...all.map(w => w.start)), Math.max(...all.map(w => w.end)));
    const cross = crossRequirements(products);
    let task = 0;
    rows.forEach(({ product, windows }, index) => {
        lines.push(`  section ${sections[index]}`);
        for (const { release, start, end } of windows) {
            const live = release.features.filter(f => f.status !== 'dropped');
            const tag = release.capacity !== undefined && release.load > release.capacity ? ['crit']
                : live.length > 0 && live.every(f => f.status === 'shipped') ? ['done']
                    : live.some(f => f.status === 'building') ? ['active'] : [];
            lines.push(`    ${ganttText(shorten(displayName(release), 40), release.name)} :${[...tag, `r${++task}`, isoDate(start), isoDate(end)].join(', ')}`);
        }
        for (const { feature, prerequisite, late } of cross.filter(c => c.feature.product === product)) {
            const ships = dateTime(prerequisite.release?.date);
            if (ships === undefined) continue;
            const text = `${shorten(displayName(feature), 24)} needs ${shorten(displayName(prerequisite), 24)}`;
            lines.push(`    ${ganttText(text, feature.name)} :milestone, ${late ? 'crit, ' : ''}x${++task}, ${isoDate(ships)}, 0d`);
        }
    });
    return mermaidBlock(lines);
}
