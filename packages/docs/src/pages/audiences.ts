import type { Audience } from '../audience.js';
import type { ProductPageOptions, Section } from '../page.js';
import type { SortedProblems } from '../problems.js';
import type { WorkspaceModel } from '@product-spec/language';
import { boardPage } from './board.js';
import { commercialIndex, COMMERCIAL_SECTIONS } from './commercial.js';
import { customerIndex, customerIntro, CUSTOMER_SECTIONS } from './customer.js';
import { engineeringIndex, ENGINEERING_SECTIONS } from './engineering.js';
import { indexPage } from './portfolio.js';
import { FULL_SECTIONS } from './product.js';

/** The pages of one audience: `index.md`, and a page per product unless `product` is absent. */
export interface AudiencePages {
    index(model: WorkspaceModel, problems: SortedProblems): string[];
    readonly product?: { readonly sections: readonly Section[]; readonly options: ProductPageOptions };
}

export const PAGES: Record<Audience, AudiencePages> = {
    full: { index: indexPage, product: { sections: FULL_SECTIONS, options: { problemsLink: true } } },
    engineering: { index: engineeringIndex, product: { sections: ENGINEERING_SECTIONS, options: { problemsLink: true } } },
    commercial: { index: commercialIndex, product: { sections: COMMERCIAL_SECTIONS, options: {} } },
    customer: { index: customerIndex, product: { sections: CUSTOMER_SECTIONS, options: { home: 'Products', intro: customerIntro } } },
    board: { index: boardPage }
};

