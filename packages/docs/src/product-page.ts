import {
    formatFixed, formatNumber, formatPercent, methodLabel, missingInputs, moscowScore, riceEffort, DRIVERS, IMPACT_SCALE, KANO_DRIVER_VALUE, KANO_TIE_ORDER,
    MUST_SHARE_LIMIT, type Driver, type FeatureModel, type ForecastModel, type MetricModel, type NeedModel, type ProductModel, type RankedFeature,
    type ReleaseModel, type StakeholderModel, type WorkspaceModel, type ast
} from '@product-spec/language';
import {
    dependencyFlowchart, roadmapGantt, stakeholderChart, valueEffort, valueEffortChart, dateTime,
    VALUE_CHART_LIMIT, VALUE_QUADRANTS, type ValueQuadrant
} from './diagrams.js';
import { count, featureRef, KANO_LABEL, plain, productPath, titled, withUnit } from './labels.js';
import { codeName, escapeMarkdown, listText, markdownLink, markdownTable } from './markdown.js';
import type { DocsProblem } from './problems.js';

const BASE = '../';

/** The sections of a product's page, in order, with their headings (anchors follow GitHub's rule). */
const SECTIONS = [
    ['overview', 'Overview'],
    ['stakeholders', 'Stakeholders'],
    ['personas-and-needs', 'Personas and needs'],
    ['backlog', 'Backlog'],
    ['roadmap', 'Roadmap'],
    ['metrics', 'Metrics'],
    ['business-case', 'Business case'],
    ['traceability', 'Traceability'],
    ['open-problems', 'Open problems']
] as const;

/** The lines of `<product>/PRODUCT.md` after the generated-file marker. */
export function productPage(model: WorkspaceModel, product: ProductModel, problems: readonly DocsProblem[]): string[] {
    const errors = problems.filter(p => p.severity === 'error').length;
    const lines: string[] = [
        `# ${plain(product)}`,
        '',
        `${markdownLink('Portfolio', `${BASE}index.md`)} › ${plain(product)}${problems.length > 0
            ? ` · ${markdownLink(count(problems.length, 'open problem'), '#open-problems')}${errors > 0 ? ` (${count(errors, 'error')})` : ''}`
            : ''}`,
        '',
        SECTIONS.map(([anchor, heading]) => markdownLink(heading, `#${anchor}`)).join(' · ')
    ];
    const sections = [
        overview(model, product),
        stakeholders(model, product),
        personasAndNeeds(product),
        backlog(product),
        roadmap(product),
        metrics(product, model),
        businessCase(product),
        traceability(product, model),
        openProblems(problems)
    ];
    sections.forEach((section, i) => lines.push('', `## ${SECTIONS[i][1]}`, '', ...section));
    return lines;
}

// ---- overview ---------------------------------------------------------------------------

function overview(model: WorkspaceModel, product: ProductModel): string[] {
    const lines: string[] = [];
    if (product.vision) lines.push(`**Vision.** ${escapeMarkdown(product.vision)}`, '');
    if (product.strategy) lines.push(`**Strategy.** ${escapeMarkdown(product.strategy)}`, '');
    if (!product.vision && !product.strategy) lines.push('The spec states no vision or strategy yet.', '');
    const manager = product.manager;
    lines.push(
        `- **Stage**: ${product.stage ?? 'not stated'}`,
        `- **Product manager**: ${manager ? titled(manager) : 'not named'}`,
        `- **Currency**: ${product.currency ? escapeMarkdown(product.currency) : 'not stated'}`,
        `- **Prioritised by**: ${methodLabel(product.scoring.method)}${product.scoring.methodDeclared ? '' : ' (the default: the spec names no method)'}`,
        `- **Features**: ${product.ranking.rankedCount} in the backlog, ${product.features.length - product.ranking.rankedCount} shipped or dropped`
    );
    lines.push('', '### Objectives', '');
    if (product.objectives.length === 0) {
        lines.push('No objectives yet.');
        return lines;
    }
    lines.push('What the product is meant to achieve, and the metrics that show whether it does (with the part of the way to each target already done).', '');
    lines.push(...markdownTable(['Objective', 'Measured by'], product.objectives.map(objective => {
        const measured = objectiveMetrics(objective, product, model);
        return [
            `${titled(objective)}${objective.description ? `: ${escapeMarkdown(objective.description)}` : ''}`,
            measured.length > 0 ? measured.map(metric => `${plain(metric)} (${formatPercent(metric.progress)})`).join(', ') : '**no metric yet**'
        ];
    })));
    return lines;
}

function objectiveMetrics(objective: ast.Objective, product: ProductModel, model: WorkspaceModel): MetricModel[] {
    return metricList(product, model).filter(metric => metric.objectives.includes(objective));
}

// ---- stakeholders -----------------------------------------------------------------------

const GROUPS: ReadonlyArray<[string | undefined, string, string]> = [
    ['engineering', 'Engineering', 'The people who build and run the product.'],
    ['commercial', 'Commercial', 'Sales, marketing, finance and operations.'],
    ['customer', 'Customers', 'The people who use the product and pay for it.'],
    [undefined, 'Not in a community', 'The spec gives these stakeholders no group.']
];

/** The product's stakeholders, then those of the portfolio (or of another product) who manage it or asked for its features. */
function productStakeholders(product: ProductModel, model: WorkspaceModel): StakeholderModel[] {
    const others = [...model.stakeholders.values()].filter(s => s.product !== product
        && (s.requested.some(f => f.product === product) || product.manager === s.node));
    return [...product.stakeholders, ...others];
}

function stakeholders(model: WorkspaceModel, product: ProductModel): string[] {
    const all = productStakeholders(product, model);
    if (all.length === 0) return ['No stakeholders yet.'];
    const lines = [
        'Who the product answers to, in the three communities a product manager connects. ' +
        'Portfolio stakeholders (declared for every product) and those of other products appear when they manage this product or asked for one of its features.'
    ];
    for (const [group, heading, about] of GROUPS) {
        const members = all.filter(s => (s.node.group ?? undefined) === group);
        if (members.length === 0) continue;
        lines.push('', `### ${heading}`, '', about, '');
        lines.push(...markdownTable(['Stakeholder', 'Role', 'Influence', 'Interest', 'Asked for'], members.map(s => [
            `${titled(s)}${s.product === product ? '' : s.product ? ` · of ${markdownLink(plain(s.product), BASE + productPath(s.product))}` : ' · portfolio'}` +
            `${product.manager === s.node ? ' · manages this product' : ''}`,
            s.node.role ? escapeMarkdown(s.node.role) : '–',
            s.node.influence ?? '–',
            s.node.interest ?? '–',
            listText(s.requested.filter(f => f.product === product).map(f => plain(f)), 'nothing yet')
        ])));
    }
    const chart = stakeholderChart(all);
    if (chart) {
        lines.push('', '### Influence and interest', '',
            'Where each stakeholder stands (Mendelow\'s grid): manage closely those with high influence and high interest, ' +
            'keep satisfied the influential ones with less interest, keep informed the interested ones with less influence. ' +
            'Medium counts as not high: it is drawn just below (or left of) the middle line. People at the same levels are drawn side by side or one above the other.', '', ...chart);
        const missing = all.filter(s => !s.node.influence || !s.node.interest);
        if (missing.length > 0) lines.push('', `Not on the grid (influence or interest not given): ${listText(missing.map(s => plain(s)))}.`);
    }
    const unrequested = product.features.filter(f => f.requestedBy.length === 0 && f.status !== 'dropped');
    if (unrequested.length > 0) lines.push('', `Nobody asked for: ${listText(unrequested.map(f => plain(f)))}.`);
    return lines;
}

// ---- personas and needs -------------------------------------------------------------------

function personasAndNeeds(product: ProductModel): string[] {
    if (product.needs.length === 0 && product.personas.length === 0) return ['No personas or needs yet.'];
    const lines = [
        'Who the product is for and what they need. **Opportunity** = importance + max(importance − satisfaction, 0) ' +
        '(Ulwick): an important need that is poorly met today scores high. Needs are listed by opportunity, highest first.'
    ];
    const personas: Array<ast.Persona | undefined> = [...product.personas];
    for (const need of product.needs) if (need.persona && !personas.includes(need.persona)) personas.push(need.persona);
    if (product.needs.some(need => !need.persona)) personas.push(undefined);
    for (const persona of personas) {
        const needs = byOpportunity(product.needs.filter(need => need.persona === persona));
        if (persona) {
            const shared = !product.personas.includes(persona);
            lines.push('', `### ${plain(persona)}`, '');
            const facts = [
                `${codeName(persona.name)}${shared ? ' (portfolio persona)' : ''}`,
                ...(persona.size !== undefined ? [`${formatNumber(persona.size)} people`] : [])
            ];
            lines.push(`${facts.join(' · ')}${persona.description ? `. ${escapeMarkdown(persona.description)}` : ''}`, '');
        } else {
            lines.push('', '### Needs without a persona', '');
        }
        if (needs.length === 0) {
            lines.push('No needs recorded for this persona yet.');
            continue;
        }
        lines.push(...markdownTable(['Need', 'Importance', 'Satisfaction', 'Opportunity', 'Addressed by'], needs.map(need => [
            `${titled(need)}${need.node.description ? `: ${escapeMarkdown(need.node.description)}` : ''}`,
            formatNumber(need.node.importance),
            formatNumber(need.node.satisfaction),
            formatNumber(need.opportunity),
            listText(need.addressedBy.map(f => featureWithStatus(f, product)), '**nothing yet**')
        ]), ['left', 'right', 'right', 'right', 'left']));
    }
    return lines;
}

function byOpportunity(needs: readonly NeedModel[]): NeedModel[] {
    return [...needs].sort((a, b) => (b.opportunity ?? -1) - (a.opportunity ?? -1));
}

function featureWithStatus(feature: FeatureModel, product: ProductModel): string {
    const label = featureRef(feature, product, BASE);
    return feature.status === 'shipped' || feature.status === 'dropped' ? `${label} (${feature.status})` : label;
}

// ---- backlog ------------------------------------------------------------------------------

const scale = (entries: ReadonlyArray<[string, number]>) => entries.map(([word, value]) => `${word} ${formatNumber(value)}`).join(', ');

/** Each method in a sentence, with the scales the language's formulas use. */
const METHOD_EXPLAINED: Record<string, string> = {
    rice: `RICE = reach × impact × confidence ÷ effort (impact: ${scale(Object.entries(IMPACT_SCALE))})`,
    ice: 'ICE = the average of impact, confidence and ease (1–10 each)',
    wsjf: 'WSJF = (business value + time criticality + risk reduction) ÷ job size',
    kano: `the Kano category (${scale((['must', 'performance', 'attractive', 'indifferent', 'reverse'] as const).map(c => [KANO_LABEL[c], KANO_DRIVER_VALUE[c]]))})`,
    moscow: `MoSCoW (${scale((['must', 'should', 'could', 'wont'] as const).map(m => [m, moscowScore(m)]))})`,
    weighted: 'a weighted sum of drivers, each divided by its largest value in the product'
};

/** A driver of weighted scoring as people say it. */
function driverName(driver: Driver): string {
    return driver === 'opportunity' ? 'opportunity' : methodLabel(driver);
}

function backlog(product: ProductModel): string[] {
    const ranking = product.ranking;
    const method = methodLabel(ranking.method);
    const ranked = ranking.entries.filter(e => e.rank !== null);
    const closed = ranking.entries.filter(e => e.rank === null);
    const explained = ranking.method === 'ice' && product.scoring.iceMode === 'product'
        ? 'ICE = impact × confidence × ease' : METHOD_EXPLAINED[ranking.method];
    const lines = [
        `Ranked by ${ranking.method === 'weighted' ? 'weighted scoring' : method}: ${explained}${ranking.method === 'weighted' ? ` (${weightsText(product)})` : ''}. ` +
        'A prerequisite takes on the score of the most valuable feature that needs it (its *effective* score), ' +
        'so it is always built first. Ties go to MoSCoW musts, then to the smaller effort.'
    ];
    if (ranked.length === 0) lines.push('', 'Nothing in the backlog.');
    else {
        lines.push('', ...markdownTable(
            ['#', 'Feature', method, 'Inputs', 'Effective', 'MoSCoW', 'Kano', 'Effort', 'Release', 'Status', 'Requires'],
            ranked.map(entry => backlogRow(product, entry)),
            ['right', 'left', 'right', 'left', 'right', 'left', 'left', 'right', 'left', 'left', 'left']
        ));
        lines.push('', 'Effort is in person-months. The names in the spec are listed under [the features](#the-features).');
    }
    if (closed.length > 0) {
        lines.push('', '### Shipped and dropped', '', ...markdownTable(['Feature', 'Status', method, 'MoSCoW', 'Release'], closed.map(entry => [
            plain(entry.feature), entry.feature.status, formatNumber(entry.score), entry.feature.moscow ?? '–',
            entry.feature.release ? plain(entry.feature.release) : '–'
        ]), ['left', 'left', 'right', 'left', 'left']));
    }
    if (ranking.entries.length > 0) {
        lines.push('', '### The features', '', 'In rank order, with their names in the spec.', '');
        for (const { feature } of ranking.entries) {
            const description = feature.node.description ? `: ${escapeMarkdown(feature.node.description)}` : '';
            lines.push(`- **${plain(feature)}** (${codeName(feature.name)})${description}`);
        }
    }
    lines.push(...valueSection(product, ranked, ranking.method === 'weighted' ? 'weighted' : method));
    lines.push(...kanoSection(product));
    return lines;
}

function backlogRow(product: ProductModel, entry: RankedFeature): string[] {
    const feature = entry.feature;
    const effective = entry.inheritedFrom
        ? `${formatNumber(entry.effectiveScore)} (from ${featureRef(entry.inheritedFrom, product, BASE)})`
        : formatNumber(entry.effectiveScore);
    return [
        String(entry.rank),
        plain(feature),
        formatNumber(entry.score),
        // Non-breaking spaces keep a formula on one line (a wide table scrolls; a formula broken over four lines is hard to read).
        `${scoreInputs(product, feature)}${entry.score === null && missingInputs(feature.node, product.ranking.method).length === 0 ? ', an input is invalid' : ''}`
            .replace(/ /g, '\u00a0'),
        effective,
        feature.moscow ?? '–',
        feature.kano ? KANO_LABEL[feature.kano.category] : '–',
        formatNumber(feature.effort),
        feature.release ? plain(feature.release) : 'unplanned',
        feature.status,
        listText(feature.requires.map(f => featureRef(f, product, BASE)))
    ];
}

function impactText(rice: ast.Rice): string | undefined {
    if (rice.impactWord !== undefined) return escapeMarkdown(rice.impactWord);
    return rice.impactNumber !== undefined ? formatNumber(rice.impactNumber) : undefined;
}

/** A feature's value for a driver of weighted scoring, in words where the driver is a category. */
function driverText(feature: FeatureModel, driver: Driver): string {
    switch (driver) {
        case 'kano': return feature.kano ? KANO_LABEL[feature.kano.category] : '–';
        case 'moscow': return feature.moscow ?? 'none';
        default: return formatNumber(feature[driver]);
    }
}

/** The inputs of the product's method, as the formula reads: "5,000 × high × 80% ÷ 3". */
function scoreInputs(product: ProductModel, feature: FeatureModel): string {
    const node = feature.node;
    const method = product.ranking.method;
    const missing = missingInputs(node, method);
    if (missing.length > 0) return `missing ${missing.join(', ')}`;
    const n = (value: number | undefined) => (value === undefined ? '?' : formatNumber(value));
    switch (method) {
        // The computed inputs; when one is invalid (no score), the values as written.
        case 'rice': {
            const rice = feature.riceInputs;
            const written = node.rice!;
            // The impact as written: a word reads better than its multiplier.
            return rice
                ? `${n(rice.reach)} × ${impactText(written) ?? n(rice.impact)} × ${formatPercent(rice.confidence)} ÷ ${n(rice.effort)}`
                : `${n(written.reach)} × ${impactText(written) ?? '?'} × ${formatPercent(written.confidence)} ÷ ${n(riceEffort(node))}`;
        }
        case 'ice': {
            const ice = feature.iceInputs ?? { ...node.ice!, mode: product.scoring.iceMode };
            return ice.mode === 'product'
                ? `${n(ice.impact)} × ${n(ice.confidence)} × ${n(ice.ease)}`
                : `(${n(ice.impact)} + ${n(ice.confidence)} + ${n(ice.ease)}) ÷ 3`;
        }
        case 'wsjf': {
            const wsjf = feature.wsjfInputs ?? node.wsjf!;
            return `(${n(wsjf.value)} + ${n(wsjf.criticality)} + ${n(wsjf.risk)}) ÷ ${n(wsjf.size)}`;
        }
        case 'kano':
            return feature.kano ? KANO_LABEL[feature.kano.category] : '–';
        case 'moscow':
            return feature.moscow ?? 'none';
        case 'weighted':
            return weightedDrivers(product).map(driver => `${driverName(driver)} ${driverText(feature, driver)}`).join(' · ');
    }
}

/** The drivers the product's weighted scoring uses (weight above 0), in the language's order. */
function weightedDrivers(product: ProductModel): Driver[] {
    const weights = product.ranking.weighted?.weights ?? product.scoring.weights;
    return DRIVERS.filter(driver => (weights[driver] ?? 0) > 0);
}

function weightsText(product: ProductModel): string {
    const weights = product.ranking.weighted?.weights ?? product.scoring.weights;
    const total = DRIVERS.reduce((sum, driver) => sum + (weights[driver] ?? 0), 0);
    return weightedDrivers(product).map(driver => `${driverName(driver)} ${formatPercent(weights[driver]! / total)}`).join(', ');
}

const QUADRANT_TEXT: Record<ValueQuadrant, string> = {
    'quick wins': 'high value for little effort: do these first',
    'big bets': 'high value, high effort: plan them deliberately',
    'fill-ins': 'little value, little effort: do them when there is slack',
    'time sinks': 'little value for much effort: question them'
};

function valueSection(product: ProductModel, ranked: readonly RankedFeature[], method: string): string[] {
    const points = valueEffort(ranked);
    const chart = valueEffortChart(product, points, method);
    const lines = ['', '### Value and effort', ''];
    if (!chart) return [...lines, `No feature in the backlog has both a ${method} score and an effort, so there is nothing to chart.`];
    lines.push(
        `Each feature's ${method} score against its effort, both divided by the largest in the backlog, so the top and the right edge are this product's maximum. ` +
        'Labels that would overlap are nudged apart a little; where there is no room, a point shows its rank (#) in the table above.', '', ...chart, '');
    for (const quadrant of VALUE_QUADRANTS) {
        const members = points.filter(p => p.quadrant === quadrant).map(p => plain(p.entry.feature));
        lines.push(`- **${quadrant[0].toUpperCase()}${quadrant.slice(1)}** (${QUADRANT_TEXT[quadrant]}): ${listText(members, 'none')}.`);
    }
    if (points.length > VALUE_CHART_LIMIT) lines.push('', `The chart shows the first ${VALUE_CHART_LIMIT} features by rank; the lists above have them all.`);
    const charted = new Set(points.map(p => p.entry));
    const left = ranked.filter(entry => !charted.has(entry));
    if (left.length > 0) lines.push('', `Not on the chart (no score or no effort): ${listText(left.map(e => plain(e.feature)))}.`);
    return lines;
}

const KANO_MEANING: Record<string, string> = {
    must: 'expected; missing it makes customers unhappy, having it does not delight',
    performance: 'the more of it, the happier customers are',
    attractive: 'delights when present, not missed when absent',
    indifferent: 'customers do not care either way',
    reverse: 'some customers would rather not have it',
    questionable: 'the survey answers contradict each other'
};

function kanoSection(product: ProductModel): string[] {
    const withKano = product.features.filter(f => f.kano);
    const lines = ['', '### Kano', ''];
    if (withKano.length === 0) return [...lines, 'No feature has a Kano category yet.'];
    lines.push('How customers feel about each feature (Kano): ' +
        KANO_TIE_ORDER.filter(c => withKano.some(f => f.kano!.category === c)).map(c => `**${KANO_LABEL[c]}** (${KANO_MEANING[c]})`).join('; ') + '. ' +
        'From a survey, **better** (how much having it pleases, 0 to 1) and **worse** (how much missing it displeases, 0 to −1) are Berger\'s coefficients.', '');
    const rows: string[][] = [];
    for (const category of KANO_TIE_ORDER) {
        for (const feature of withKano.filter(f => f.kano!.category === category)) {
            const survey = feature.node.kanoSurvey;
            const answers = KANO_TIE_ORDER.reduce((sum, answer) => sum + (survey?.[answer] ?? 0), 0);
            rows.push([
                KANO_LABEL[category],
                plain(feature),
                feature.kano!.surveyed ? `survey of ${count(answers, 'answer')}` : 'declared',
                formatNumber(feature.kano!.better),
                formatNumber(feature.kano!.worse)
            ]);
        }
    }
    lines.push(...markdownTable(['Category', 'Feature', 'From', 'Better', 'Worse'], rows, ['left', 'left', 'left', 'right', 'right']));
    const without = product.features.filter(f => !f.kano && f.status !== 'dropped');
    if (without.length > 0) lines.push('', `No Kano category yet: ${listText(without.map(f => plain(f)))}.`);
    return lines;
}

// ---- roadmap ------------------------------------------------------------------------------

function releasesByDate(product: ProductModel): ReleaseModel[] {
    return [...product.releases].sort((a, b) => {
        const ta = dateTime(a.date);
        const tb = dateTime(b.date);
        if (ta !== tb) return ta === undefined ? 1 : tb === undefined ? -1 : ta - tb;
        return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
}

function loadText(release: ReleaseModel): string {
    if (release.capacity === undefined) return `${formatNumber(release.load)} (no capacity given)`;
    const text = `${formatNumber(release.load)} of ${formatNumber(release.capacity)}`;
    if (release.load > release.capacity) return `${text}: **over by ${formatNumber(release.load - release.capacity)}**`;
    return release.capacity > 0 ? `${text} (${formatPercent(release.load / release.capacity, 0)})` : text;
}

function mustShareText(release: ReleaseModel): string {
    if (release.mustShare === null) return '–';
    const text = formatPercent(release.mustShare, 0);
    return release.mustShare > MUST_SHARE_LIMIT ? `**${text}**, over ${formatPercent(MUST_SHARE_LIMIT, 0)}` : text;
}

function roadmap(product: ProductModel): string[] {
    const releases = releasesByDate(product);
    const lines = [
        'Releases in date order. **Load** is the effort (person-months) of the features in a release, against its capacity; ' +
        `the **must share** is the part of the load that is MoSCoW musts (DSDM advises at most ${formatPercent(MUST_SHARE_LIMIT, 0)}).`
    ];
    if (releases.length === 0) lines.push('', 'No releases planned yet.');
    else {
        lines.push('', ...markdownTable(['Release', 'Date', 'Phase', 'Load / capacity', 'Must share', 'Features, by rank'], releases.map(release => [
            titled(release),
            release.date ?? (release.node.date ? `${escapeMarkdown(release.node.date)} (not a date)` : 'no date'),
            release.phase ?? '–',
            loadText(release),
            mustShareText(release),
            listText(byRank(product, release.features).map(f => featureWithStatus(f, product)), 'none')
        ])));
        const described = releases.filter(release => release.node.description);
        if (described.length > 0) lines.push('', ...described.map(release => `- **${plain(release)}**: ${escapeMarkdown(release.node.description!)}`));
        const gantt = roadmapGantt(product, releases);
        if (gantt) {
            lines.push('', '### Timeline', '',
                'Each release\'s features over its build window, from the previous release to this one ' +
                `(${releases.filter(r => dateTime(r.date) !== undefined).length > 1 ? 'the first window is as long as the next one' : 'for a single release, the 90 days before it'}). ` +
                'Critical (red) bars are MoSCoW musts; done and active bars are shipped and building features.', '', ...gantt);
            const undated = releases.filter(r => dateTime(r.date) === undefined);
            if (undated.length > 0) lines.push('', `Not on the timeline (no valid date): ${listText(undated.map(r => plain(r)))}.`);
        }
    }
    const unplanned = product.ranking.entries.filter(e => e.rank !== null && !e.feature.release).map(e => plain(e.feature));
    lines.push('', `**Unplanned** (in no release yet, by rank): ${listText(unplanned, 'none')}.`);
    lines.push('', '### Dependencies', '');
    const flowchart = dependencyFlowchart(product);
    if (!flowchart) lines.push('No feature requires another.');
    else {
        lines.push('An arrow runs from a prerequisite to the feature that needs it. Dashed boxes are features of other products' +
            `${product.features.some(f => f.inCycle) ? '; red ones are on a dependency cycle, which is an error' : ''}.`, '', ...flowchart);
    }
    return lines;
}

function byRank(product: ProductModel, features: readonly FeatureModel[]): FeatureModel[] {
    const order = new Map(product.ranking.entries.map((e, i) => [e.feature, i]));
    return [...features].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
}

// ---- metrics ------------------------------------------------------------------------------

/** The product's metrics, then the portfolio metrics it uses (moved by its features or named by its objectives). */
function metricList(product: ProductModel, model: WorkspaceModel): MetricModel[] {
    const shared = model.shared.metrics.filter(metric =>
        metric.movedBy.some(f => f.product === product) || metric.objectives.some(o => product.objectives.includes(o)));
    return [...product.metrics, ...shared];
}

function metrics(product: ProductModel, model: WorkspaceModel): string[] {
    const all = metricList(product, model);
    if (all.length === 0) return ['No metrics yet.'];
    const lines = ['How the product\'s success is measured. **Progress** = (current − baseline) ÷ (target − baseline): the part of the way to the target already done.', ''];
    lines.push(...markdownTable(['Metric', 'Baseline', 'Current', 'Target', 'Progress', 'Moved by', 'Objectives'], all.map(metric => {
        const node = metric.node;
        const number = (value: number | undefined) => withUnit(formatNumber(value), node.unit);
        return [
            `${titled(metric)}${metric.product ? '' : ' · portfolio'}${node.description ? `: ${escapeMarkdown(node.description)}` : ''}`,
            number(node.baseline),
            number(node.current),
            `${number(node.target)}${node.targetDate ? ` by ${node.targetDate}` : ''}`,
            formatPercent(metric.progress),
            listText(metric.movedBy.map(f => featureRef(f, product, BASE)), '**no feature**'),
            listText(metric.objectives.map(o => plain(o)), '**no objective**')
        ];
    }), ['left', 'right', 'right', 'right', 'right', 'left', 'left']));
    return lines;
}

// ---- business case ------------------------------------------------------------------------

function businessCase(product: ProductModel): string[] {
    if (product.forecasts.length === 0) return ['No forecasts yet.'];
    const currency = product.currency ? ` (${escapeMarkdown(product.currency)})` : '';
    const lines = [`What the product could earn and cost, month by month${currency}. Customers grow each month by the growth rate less the churn rate; ` +
        'revenue is customers × price; cost is the fixed cost plus the variable cost per customer.'];
    for (const forecast of product.forecasts) lines.push('', ...forecastSection(forecast, product));
    return lines;
}

function forecastSection(forecast: ForecastModel, product: ProductModel): string[] {
    const lines = [`### ${titled(forecast)}`, ''];
    if (forecast.node.description) lines.push(escapeMarkdown(forecast.node.description), '');
    const result = forecast.result;
    const inputs = forecast.inputs;
    if (!result || !inputs) {
        const missing = forecast.missing.length > 0 ? forecast.missing.join(', ') : 'valid months, growth or churn';
        return [...lines, `Cannot be computed: the forecast lacks ${missing}.`];
    }
    const money = (value: number) => `${formatFixed(value)}${product.currency ? ` ${escapeMarkdown(product.currency)}` : ''}`;
    lines.push(`Assumes a price of ${money(inputs.price)} per customer a month, ${formatNumber(inputs.customers)} customers in month 1, ` +
        `${formatPercent(inputs.growth)} growth and ${formatPercent(inputs.churn)} churn a month, a fixed cost of ${money(inputs.fixedCost)} ` +
        `and a variable cost of ${money(inputs.variableCost)} per customer a month.`, '');
    const rows = result.months.map(m => [String(m.month), formatFixed(m.customers), formatFixed(m.revenue), formatFixed(m.cost), formatFixed(m.profit), formatFixed(m.cumulativeProfit)]);
    rows.push(['**Total**', '', `**${formatFixed(result.totals.revenue)}**`, `**${formatFixed(result.totals.cost)}**`, `**${formatFixed(result.totals.profit)}**`, '']);
    lines.push(...markdownTable(['Month', 'Customers', 'Revenue', 'Cost', 'Profit', 'Cumulative profit'], rows,
        ['right', 'right', 'right', 'right', 'right', 'right']), '');
    const never = `not within ${result.months.length} months`;
    lines.push(
        `- **Margin**: ${formatPercent(result.totals.margin)} (profit ÷ revenue over the ${count(result.months.length, 'month')}).`,
        `- **Break-even** (first month with a profit): ${result.breakEvenMonth === null ? never : `month ${result.breakEvenMonth}`}.`,
        `- **Cumulative break-even** (first month the running total turns positive): ${result.cumulativeBreakEvenMonth === null ? never : `month ${result.cumulativeBreakEvenMonth}`}.`
    );
    return lines;
}

// ---- traceability -------------------------------------------------------------------------

function traceability(product: ProductModel, model: WorkspaceModel): string[] {
    const lines = ['Each chain runs from a customer need to the features that address it, the metrics those features move, ' +
        'and the objectives that name those metrics. Dropped features are left out.'];
    const live = (f: FeatureModel) => f.status !== 'dropped';
    const metricChain = (metric: MetricModel) => `${plain(metric)} → ${listText(metric.objectives.map(o => plain(o)), '**no objective**')}`;
    const rows: string[][] = [];
    for (const need of byOpportunity(product.needs)) {
        const features = need.addressedBy.filter(live);
        if (features.length === 0) rows.push([plain(need), '**no feature**', '–']);
        features.forEach((feature, i) => rows.push([
            i === 0 ? plain(need) : '',
            featureRef(feature, product, BASE),
            feature.moves.length > 0 ? feature.moves.map(metricChain).join('; ') : '**no metric**'
        ]));
    }
    if (rows.length > 0) lines.push('', ...markdownTable(['Need', 'Feature', 'Metric → objectives'], rows));
    else lines.push('', 'No needs yet, so there are no chains.');
    const metricsOfProduct = metricList(product, model);
    const gaps: Array<[string, string[]]> = [
        ['Needs no feature addresses', product.needs.filter(n => !n.addressedBy.some(live)).map(n => plain(n))],
        ['Features that address no need', product.features.filter(f => live(f) && f.addresses.length === 0).map(f => plain(f))],
        ['Features that move no metric', product.features.filter(f => live(f) && f.moves.length === 0).map(f => plain(f))],
        ['Metrics no objective names', metricsOfProduct.filter(m => m.objectives.length === 0).map(m => plain(m))],
        ['Objectives without metrics', product.objectives.filter(o => o.metrics.length === 0).map(o => plain(o))]
    ];
    lines.push('', '### Gaps', '');
    for (const [label, items] of gaps) lines.push(`- **${label}**: ${listText(items, 'none')}.`);
    return lines;
}

// ---- open problems ------------------------------------------------------------------------

export function problemsTable(problems: readonly DocsProblem[]): string[] {
    return markdownTable(['Severity', 'Where', 'Code', 'Problem'], problems.map(p => [
        p.severity === 'error' ? '**error**' : p.severity,
        escapeMarkdown(`${p.file}:${p.line}:${p.column}`),
        p.code ? codeName(p.code) : '–',
        escapeMarkdown(p.message)
    ]));
}

function openProblems(problems: readonly DocsProblem[]): string[] {
    if (problems.length === 0) return ['None: the spec of this product has no errors and no warnings.'];
    const errors = problems.filter(p => p.severity === 'error').length;
    const warnings = problems.filter(p => p.severity === 'warning').length;
    return [
        `What the spec itself reports as unresolved: ${count(errors, 'error')} and ${count(warnings, 'warning')}` +
        `${errors > 0 ? '. With errors, some numbers above may be incomplete' : ''}. Run \`product-spec validate\` for the details.`,
        '',
        ...problemsTable(problems)
    ];
}

