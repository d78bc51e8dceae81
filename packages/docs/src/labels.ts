import type { FeatureModel, ProductModel } from '@product-spec/language';
import { codeName, escapeMarkdown, markdownLink } from './markdown.js';

/** Anything declared with a name and an optional title. */
export interface Named {
    readonly name: string;
    readonly title?: string;
}

/** The generated file of a product, relative to the output folder. */
export function productPath(product: ProductModel): string {
    return `${product.name}/PRODUCT.md`;
}

/** What people call it: its title, else its name. Plain text (escape before use in markdown). */
export function displayName(item: Named): string {
    return item.title?.trim() ? item.title : item.name;
}

/** Its title, escaped, else its name as code. */
export function plain(item: Named): string {
    return item.title?.trim() ? escapeMarkdown(item.title) : codeName(item.name);
}

/** Its title with its name, for the row that introduces it: "Single sign-on (`auth`)". */
export function titled(item: Named): string {
    return item.title?.trim() ? `${escapeMarkdown(item.title)} (${codeName(item.name)})` : codeName(item.name);
}

/**
 * A feature as seen from a page: its title, and for a feature of another product also that
 * product, linked. `base` is the path from the page to the output folder ('' or '../').
 */
export function featureRef(feature: FeatureModel, from: ProductModel | undefined, base: string): string {
    if (feature.product === from) return plain(feature);
    return `${plain(feature)} (${markdownLink(plain(feature.product), base + productPath(feature.product))})`;
}

/** The same for a chart label: plain text, with the other product's title in parentheses. */
export function featureChartLabel(feature: FeatureModel, from: ProductModel): string {
    return feature.product === from ? displayName(feature) : `${displayName(feature)} (${displayName(feature.product)})`;
}

/** Kano categories as product people say them. */
export const KANO_LABEL: Record<string, string> = {
    must: 'must-be', performance: 'performance', attractive: 'attractive',
    indifferent: 'indifferent', reverse: 'reverse', questionable: 'questionable'
};

/** A value with its unit: "12%", "3 accounts". */
export function withUnit(value: string, unit: string | undefined): string {
    if (value === '–' || !unit) return value;
    return unit === '%' ? `${value}%` : `${value} ${escapeMarkdown(unit)}`;
}

/** "1 feature", "2 features". */
export function count(n: number, word: string, plural = `${word}s`): string {
    return `${n} ${n === 1 ? word : plural}`;
}

/** The path from a product's page to the output folder. */
export const PRODUCT_BASE = '../';

/** A feature with its status when it is no longer in the backlog: "PDF export (shipped)". */
export function featureWithStatus(feature: FeatureModel, product: ProductModel, base = PRODUCT_BASE): string {
    const label = featureRef(feature, product, base);
    return feature.status === 'shipped' || feature.status === 'dropped' ? `${label} (${feature.status})` : label;
}
