import { IMPACT_SCALE } from '../model/formulas.js';

/**
 * One line of documentation for each word of the language, as completion and keyword hover
 * show it: what a property means and which values it takes, what a value word means.
 * The grammar stays the only list of words: this table only explains them, and a word
 * missing here is still offered, just without documentation.
 */

/** Keywords that open a declaration. */
export const DECLARATION_DOCS: Readonly<Record<string, string>> = {
    product: 'Opens a product: `product NAME "Title" { ... }`. Reopen it in other files (without a title) to add members.',
    stakeholder: 'A person with a stake in the product: group, role, influence and interest.',
    persona: 'A kind of customer or user the product serves; `size` says how many people it stands for.',
    need: 'A customer need; opportunity = importance + max(importance − satisfaction, 0).',
    objective: 'A goal of the product, measured by the metrics it names.',
    metric: 'A measured quantity: baseline, current value and target; progress = (current − baseline) ÷ (target − baseline).',
    release: 'A release: date, phase and capacity in person-months.',
    feature: 'A feature: status, release, scores (rice, ice, wsjf, kano, moscow) and links to needs, metrics, stakeholders and other features.',
    forecast: 'A business case over months: price, customers, growth, churn and costs.',
    scoring: 'How the product ranks its features: `scoring { method rice }`.'
};

/** Property keywords, by the grammar rule of the block they belong to. */
export const PROPERTY_DOCS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    Product: {
        vision: 'The product\'s vision, one sentence: a quoted string.',
        strategy: 'How the product will win: a quoted string.',
        manager: 'The product manager: a stakeholder\'s name.',
        stage: 'Life-cycle stage: concept | development | launch | growth | maturity | decline | retired.',
        currency: 'Currency of the forecasts, a name such as EUR.'
    },
    Stakeholder: {
        group: 'The community the stakeholder belongs to: engineering | commercial | customer.',
        role: 'The stakeholder\'s role: a quoted string.',
        influence: 'How much the stakeholder can shape the product: low | medium | high.',
        interest: 'How much the product matters to the stakeholder: low | medium | high.',
        description: 'Free text: a quoted string.'
    },
    Persona: {
        size: 'How many people the persona stands for: a number.',
        description: 'Free text: a quoted string.'
    },
    Need: {
        persona: 'The persona that has this need: a persona\'s name.',
        importance: 'How much the need matters: 0..10.',
        satisfaction: 'How well the need is met today: 0..10.',
        description: 'Free text: a quoted string.'
    },
    Objective: {
        metrics: 'The metrics that measure the objective: names separated by commas.',
        description: 'Free text: a quoted string.'
    },
    Metric: {
        unit: 'The unit of the values: a quoted string such as "%".',
        baseline: 'The value when measurement started: a number.',
        current: 'The value today: a number.',
        target: 'The value to reach: a number, optionally `by 2027-06-30`.',
        by: 'The date the target should be reached: an ISO date.',
        description: 'Free text: a quoted string.'
    },
    Release: {
        date: 'The release date: an ISO date such as 2027-03-01.',
        phase: 'The release\'s phase: development | launch | improvement.',
        capacity: 'The effort the release can take, in person-months: a number.',
        description: 'Free text: a quoted string.'
    },
    Feature: {
        description: 'Free text: a quoted string.',
        status: 'Where the feature stands: idea (default) | planned | building | shipped | dropped.',
        release: 'The release that ships the feature: a release\'s name.',
        moscow: 'MoSCoW priority: must | should | could | wont.',
        kano: 'Kano category (must | performance | attractive | indifferent | reverse) or a survey `{ must 3 performance 10 ... }`.',
        rice: 'RICE inputs: `{ reach 4000 impact high confidence 80% effort 2 }`; RICE = reach × impact × confidence ÷ effort.',
        wsjf: 'WSJF inputs: `{ value 8 criticality 5 risk 3 size 5 }`; WSJF = (value + criticality + risk) ÷ size.',
        ice: 'ICE inputs, each 1..10: `{ impact 7 confidence 6 ease 8 }`; ICE = (impact + confidence + ease) ÷ 3.',
        addresses: 'The needs the feature addresses: names separated by commas.',
        requestedBy: 'The stakeholders who asked for the feature: names separated by commas.',
        moves: 'The metrics the feature should move: names separated by commas.',
        requires: 'The features this one depends on: names separated by commas; they inherit its priority.',
        effort: 'The feature\'s effort in person-months: a number above 0.'
    },
    Rice: {
        reach: 'How many people or events per period the feature reaches: 0 or more.',
        impact: 'Impact per person: massive (3) | high (2) | medium (1) | low (0.5) | minimal (0.25).',
        confidence: 'How sure the estimates are: a percent above 0% and at most 100%.',
        effort: 'RICE effort in person-months: a number above 0.'
    },
    Wsjf: {
        value: 'User and business value: 1 2 3 5 8 13 20 40 100.',
        criticality: 'Time criticality: 1 2 3 5 8 13 20 40 100.',
        risk: 'Risk reduction or opportunity enablement: 1 2 3 5 8 13 20 40 100.',
        size: 'Job size: 1 2 3 5 8 13 20 40 100.'
    },
    Ice: {
        impact: 'ICE impact: 1..10.',
        confidence: 'ICE confidence: 1..10.',
        ease: 'ICE ease: 1..10.'
    },
    KanoSurvey: {
        must: 'Survey answers classified as must-be: a count.',
        performance: 'Survey answers classified as performance: a count.',
        attractive: 'Survey answers classified as attractive: a count.',
        indifferent: 'Survey answers classified as indifferent: a count.',
        reverse: 'Survey answers classified as reverse: a count.',
        questionable: 'Survey answers classified as questionable: a count.'
    },
    Forecast: {
        months: 'How many months to forecast: a whole number, at least 1.',
        price: 'Price per customer per month, in the product\'s currency.',
        customers: 'Customers in month 1.',
        growth: 'Monthly growth of customers, relative: a percent below 100%.',
        churn: 'Monthly churn of customers, relative: a percent below 100%.',
        cost: '`cost fixed N` per month, or `cost variable N` per customer per month.',
        fixed: 'Fixed cost per month.',
        variable: 'Variable cost per customer per month.',
        description: 'Free text: a quoted string.'
    },
    Scoring: {
        method: 'The method features rank by: rice | ice | wsjf | kano | moscow | weighted.',
        ice: 'How ICE combines its inputs: average (default) | product.',
        weights: 'Weights of weighted scoring: `weights { rice 40% wsjf 30% kano 10% opportunity 20% }`.'
    }
};

/** Value words, by the grammar rule that lists them. */
export const VALUE_DOCS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    Stage: {
        concept: 'The product is an idea being explored.',
        development: 'The product is being built.',
        launch: 'The product is being brought to market.',
        growth: 'The product is gaining customers fast.',
        maturity: 'Growth has levelled off.',
        decline: 'The product is losing customers.',
        retired: 'The product is no longer sold.'
    },
    Group: {
        engineering: 'Technology and engineering.',
        commercial: 'Marketing, sales, logistics and finance.',
        customer: 'Customers and users, with their needs and experience.'
    },
    Level: {
        low: 'Low.',
        medium: 'Medium.',
        high: 'High.'
    },
    Phase: {
        development: 'The release is being built.',
        launch: 'The release brings the product to market.',
        improvement: 'An improvement cycle after launch.'
    },
    Status: {
        idea: 'Not planned yet (the default). Ranked.',
        planned: 'Planned. Ranked.',
        building: 'In progress. Ranked.',
        shipped: 'Delivered: listed but not ranked.',
        dropped: 'Abandoned: listed but not ranked, adds no release load.'
    },
    MoscowValue: {
        must: 'Must have: MoSCoW score 4. Musts should take at most 60% of a release\'s load.',
        should: 'Should have: MoSCoW score 3.',
        could: 'Could have: MoSCoW score 2.',
        wont: 'Won\'t have this time: MoSCoW score 1.'
    },
    KanoCategory: {
        must: 'Must-be: expected; its absence dissatisfies. Weighted driver 1.',
        performance: 'Performance: the more, the better. Weighted driver 0.67.',
        attractive: 'Attractive: delights when present, not missed when absent. Weighted driver 0.33.',
        indifferent: 'Indifferent: customers do not care. Weighted driver 0.',
        reverse: 'Reverse: some customers prefer its absence. Weighted driver 0.'
    },
    Method: {
        rice: 'RICE = reach × impact × confidence ÷ effort.',
        ice: 'ICE = (impact + confidence + ease) ÷ 3.',
        wsjf: 'WSJF = (value + criticality + risk) ÷ size.',
        kano: 'By Kano category: must 1, performance 0.67, attractive 0.33, indifferent and reverse 0.',
        moscow: 'By MoSCoW: must 4, should 3, could 2, wont 1, none 0.',
        weighted: 'Σ weight × (driver value ÷ the driver\'s largest value), weights normalised to sum 1.'
    },
    IceMode: {
        average: 'ICE = (impact + confidence + ease) ÷ 3 (the default).',
        product: 'ICE = impact × confidence × ease.'
    },
    Driver: {
        rice: 'The RICE score as a driver of weighted scoring.',
        ice: 'The ICE score as a driver of weighted scoring.',
        wsjf: 'The WSJF score as a driver of weighted scoring.',
        kano: 'The Kano category as a driver: must 1, performance 0.67, attractive 0.33, others 0.',
        moscow: 'The MoSCoW score as a driver: must 4, should 3, could 2, wont 1.',
        opportunity: 'The largest opportunity among the needs a feature addresses.'
    }
};

/** What a value rule is called in completion details. */
export const VALUE_KINDS: Readonly<Record<string, string>> = {
    Stage: 'stage',
    Group: 'group',
    Level: 'level',
    Phase: 'phase',
    Status: 'status',
    MoscowValue: 'MoSCoW',
    KanoCategory: 'Kano category',
    Method: 'scoring method',
    IceMode: 'ICE mode',
    Driver: 'weighted driver'
};

/** RICE impact words with their multipliers, in scale order (massive first). */
export const IMPACT_WORDS: ReadonlyArray<{ word: string; multiplier: number; doc: string }> =
    (Object.keys(IMPACT_SCALE) as Array<keyof typeof IMPACT_SCALE>).map(word => ({
        word,
        multiplier: IMPACT_SCALE[word],
        doc: `RICE impact ${word}: × ${IMPACT_SCALE[word]}.`
    }));

/** Documentation of a keyword used in the rule `rule` (a property, a value word or a declaration). */
export function keywordDoc(rule: string, keyword: string): string | undefined {
    return PROPERTY_DOCS[rule]?.[keyword] ?? VALUE_DOCS[rule]?.[keyword] ?? DECLARATION_DOCS[keyword];
}
