import { formatNumber, formatPercent, last, type FeatureModel, type ProductModel, type WorkspaceModel } from '@product-spec/language';
import { crossRequirements } from '../charts/timeline.js';
import { count, featureRef, plain, productPath, titled, withUnit } from '../labels.js';
import { escapeMarkdown, listText, markdownLink, markdownTable } from '../markdown.js';
import { portfolioRoadmap, portfolioStakeholderMap, rollup } from '../sections/portfolio.js';
import { problemsTable } from '../sections/problems.js';
import type { DocsProblem, SortedProblems } from '../problems.js';

const TOP = 3;

/** The lines of `index.md` after the generated-file marker: the portfolio. */
export function indexPage(model: WorkspaceModel, problems: SortedProblems): string[] {
    const lines = ['# Product portfolio', ''];
    if (model.products.length === 0) {
        lines.push('The specs declare no product yet.');
    } else {
        lines.push(`${count(model.products.length, 'product')}, each with its own page: stakeholders, needs, the prioritised backlog, ` +
            'the roadmap, metrics, the business case and the chains from needs to objectives.', '');
        lines.push(...markdownTable(['Product', 'Stage', 'Vision', 'Manager', 'Top of the backlog', 'Open problems'], model.products.map(product => [
            `${markdownLink(plain(product), productPath(product))} (\`${product.name}\`)`,
            product.stage ?? '–',
            product.vision ? escapeMarkdown(product.vision) : '–',
            product.manager ? plain(product.manager) : '–',
            topFeatures(product),
            problemCount(problems.byProduct.get(product) ?? [], productPath(product))
        ])));
    }
    lines.push(...portfolioRoadmap(model), ...rollup(model), ...portfolioStakeholderMap(model));
    lines.push(...sharedStakeholders(model), ...sharedPersonas(model), ...sharedMetrics(model), ...crossDependencies(model));
    lines.push('', '## Open problems outside any product', '');
    if (problems.outside.length === 0) lines.push('None.');
    else lines.push(...problemsTable(problems.outside));
    return lines;
}

export function topFeatures(product: ProductModel): string {
    const top = product.ranking.entries.filter(e => e.rank !== null).slice(0, TOP).map(e => plain(e.feature));
    return listText(top, 'no features yet');
}

export function problemCount(problems: readonly DocsProblem[], page: string): string {
    if (problems.length === 0) return 'none';
    const errors = problems.filter(p => p.severity === 'error').length;
    return markdownLink(`${count(problems.length, 'problem')}${errors > 0 ? `, ${count(errors, 'error')}` : ''}`, `${page}#open-problems`);
}

/** A product's feature, with the product linked, as seen from the index. */
function feature(f: FeatureModel): string {
    return featureRef(f, undefined, '');
}

function sharedStakeholders(model: WorkspaceModel): string[] {
    const all = model.shared.stakeholders;
    if (all.length === 0) return [];
    const managed = (s: (typeof all)[number]) => model.products.filter(p => p.manager === s.node).map(p => markdownLink(plain(p), productPath(p)));
    return ['', '## Portfolio stakeholders', '', 'Declared once, for every product.', '',
        ...markdownTable(['Stakeholder', 'Group', 'Role', 'Influence', 'Interest', 'Manages', 'Asked for'], all.map(s => [
            titled(s),
            s.group ?? '–',
            s.role ? escapeMarkdown(s.role) : '–',
            s.influence ?? '–',
            s.interest ?? '–',
            listText(managed(s)),
            listText(s.requested.map(feature), 'nothing yet')
        ]))];
}

function sharedPersonas(model: WorkspaceModel): string[] {
    const all = model.shared.personas;
    if (all.length === 0) return [];
    const needsOf = (persona: (typeof all)[number]) => model.products.flatMap(p => p.needs
        .filter(n => n.persona === persona)
        .map(n => `${plain(n)} (${markdownLink(plain(p), `${productPath(p)}#personas-and-needs`)})`));
    return ['', '## Portfolio personas', '',
        ...markdownTable(['Persona', 'Size', 'Needs'], all.map(persona => [
            `${titled(persona)}${last(persona.description) ? `: ${escapeMarkdown(last(persona.description)!)}` : ''}`,
            last(persona.size) !== undefined ? formatNumber(last(persona.size)) : '–',
            listText(needsOf(persona), 'none yet')
        ]), ['left', 'right', 'left'])];
}

function sharedMetrics(model: WorkspaceModel): string[] {
    const all = model.shared.metrics;
    if (all.length === 0) return [];
    return ['', '## Portfolio metrics', '',
        ...markdownTable(['Metric', 'Baseline', 'Current', 'Target', 'Progress', 'Moved by', 'Objectives'], all.map(metric => {
            const number = (value: number | undefined) => withUnit(formatNumber(value), metric.unit);
            return [
                titled(metric), number(metric.baseline), number(metric.current), `${number(metric.target)}${metric.targetDate ? ` by ${metric.targetDate}` : ''}`,
                formatPercent(metric.progress),
                listText(metric.movedBy.map(feature), '**no feature**'),
                listText(metric.objectives.map(o => plain(o)), '**no objective**')
            ];
        }), ['left', 'right', 'right', 'right', 'right', 'left', 'left'])];
}

/** When a feature is needed and when its prerequisite ships: "(for Spring release, 2027-04-15; ships in 2027.2, 2027-03-15)". */
function timing(f: FeatureModel, required: FeatureModel): string {
    if (required.status === 'shipped') return ' (shipped)';
    const when = (x: FeatureModel) => (x.release ? `${plain(x.release)}${x.release.date ? `, ${x.release.date}` : ''}` : 'no release yet');
    const late = crossRequirements([f.product]).some(c => c.feature === f && c.prerequisite === required && c.late);
    return ` (needed for ${when(f)}; ships in ${when(required)})${late ? ': **too late**' : ''}`;
}

export function crossDependencies(model: WorkspaceModel): string[] {
    const lines: string[] = [];
    for (const product of model.products) {
        for (const f of product.features) {
            if (f.status === 'dropped') continue;
            for (const required of f.requires) {
                if (required.product !== product) lines.push(`- ${feature(f)} requires ${feature(required)}${timing(f, required)}.`);
            }
        }
    }
    return lines.length === 0 ? [] : ['', '## Dependencies between products', '', ...lines];
}
