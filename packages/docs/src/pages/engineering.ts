import type { WorkspaceModel } from '@product-spec/language';
import { openFeatures } from '../facts.js';
import { count, plain, productPath } from '../labels.js';
import { markdownLink, markdownTable } from '../markdown.js';
import type { Section } from '../page.js';
import type { SortedProblems } from '../problems.js';
import { engineeringBacklog } from '../sections/backlog.js';
import { portfolioRoadmap } from '../sections/portfolio.js';
import { openProblems, problemsTable } from '../sections/problems.js';
import { dependencies, releasesPart } from '../sections/roadmap.js';
import { crossDependencies, problemCount, topFeatures } from './portfolio.js';

/** What engineering builds from: the backlog in rank order, the dependencies, the releases' load, the spec's problems. */
export const ENGINEERING_SECTIONS: readonly Section[] = [
    { anchor: 'backlog', heading: 'Backlog', lines: engineeringBacklog },
    { anchor: 'dependencies', heading: 'Dependencies', lines: dependencies },
    { anchor: 'releases', heading: 'Releases', lines: releasesPart },
    { anchor: 'open-problems', heading: 'Open problems', lines: openProblems }
];

export function engineeringIndex(model: WorkspaceModel, problems: SortedProblems): string[] {
    const lines = ['# Product portfolio: engineering', ''];
    if (model.products.length === 0) lines.push('The specs declare no product yet.');
    else {
        lines.push(`${count(model.products.length, 'product')}: the backlog of each in rank order, its dependencies, its releases against their capacity, and the spec's problems.`, '',
            ...markdownTable(['Product', 'Stage', 'Open features', 'Top of the backlog', 'Open problems'], model.products.map(product => [
                markdownLink(plain(product), productPath(product)),
                product.stage ?? '–',
                String(openFeatures(product).length),
                topFeatures(product),
                problemCount(problems.byProduct.get(product) ?? [], productPath(product))
            ]), ['left', 'left', 'right', 'left', 'left']));
    }
    lines.push(...portfolioRoadmap(model), ...crossDependencies(model), '', '## Open problems outside any product', '');
    lines.push(...(problems.outside.length === 0 ? ['None.'] : problemsTable(problems.outside)));
    return lines;
}
