import { isName, isReservedWord } from '@product-spec/language/reserved';
import { starterSpec } from '@product-spec/language/starter';

/**
 * The templates of "New Spec from Template" (pure: unit tests check that each one validates
 * with no error and no warning). `product` is the product's name, an identifier.
 */
export interface SpecTemplate {
    id: string;
    label: string;
    description: string;
    /** Whether the template declares a product (then the command asks for its name). */
    needsProduct: boolean;
    defaultFile(product: string): string;
    text(product: string): string;
}

/** Why `name` cannot name a product, or undefined when it can. */
export function productNameProblem(name: string): string | undefined {
    if (!isName(name)) return 'A name is a letter or _ followed by letters, digits or _ (for example my_product).';
    if (isReservedWord(name)) return `'${name}' opens a declaration, so it cannot be a name.`;
    return undefined;
}

/** A product name from a title or a file name: `Team Notes` → `team_notes`. */
export function suggestProductName(text: string): string {
    const name = text.toLowerCase().replace(/\.product$/, '').replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
    const safe = /^[a-z_]/.test(name) ? name : `p_${name}`;
    return safe && !isReservedWord(safe) ? safe : 'my_product';
}

const title = (product: string) => product.split('_').filter(Boolean).map(w => w[0].toUpperCase() + w.slice(1)).join(' ') || 'My Product';

export const TEMPLATES: readonly SpecTemplate[] = [
    {
        id: 'product',
        label: 'Product with a RICE backlog',
        description: 'vision, stakeholders, a need, a metric, an MVP release, three features, a forecast',
        needsProduct: true,
        defaultFile: product => `${product}.product`,
        text: product => starterSpec({
            product,
            title: title(product),
            intro: [
                `${title(product)}: hover a feature for its score, see the ranking with`,
                '"Product Spec: Show Ranking" and the docs with "Product Spec: Open Preview".'
            ]
        })
    },
    {
        id: 'weighted',
        label: 'Product with weighted scoring',
        description: 'WSJF, a Kano survey and opportunity, weighted together',
        needsProduct: true,
        defaultFile: product => `${product}.product`,
        text: product => `// ${title(product)}: features ranked by a weighted score of WSJF, Kano and opportunity.

product ${product} "${title(product)}" {
  vision "Say in one sentence what changes for your customers."
  manager owner

  stakeholder owner "Product owner" { group engineering role "Product owner" influence high interest high }

  persona buyer "Buyer" { size 2000 }

  need speed "Finish the task in minutes, not hours" { persona buyer importance 9 satisfaction 4 }
  need trust "Trust the numbers" { persona buyer importance 7 satisfaction 5 }

  feature fast_path "One-click path" {
    moscow must
    wsjf { value 8 criticality 5 risk 3 size 5 }
    kano { must 2 performance 9 attractive 3 indifferent 1 reverse 0 questionable 0 }
    addresses speed
    requestedBy owner
  }
  feature audit_trail "Audit trail" {
    moscow should
    wsjf { value 5 criticality 3 risk 8 size 3 }
    kano { must 6 performance 3 attractive 1 indifferent 2 reverse 0 questionable 0 }
    addresses trust
    requestedBy owner
  }

  scoring { method weighted weights { wsjf 50% kano 20% opportunity 30% } }
}
`
    },
    {
        id: 'shared',
        label: 'Portfolio-wide stakeholders and persona',
        description: 'top-level declarations every product of the workspace can name',
        needsProduct: false,
        defaultFile: () => 'shared.product',
        text: () => `// Portfolio-wide declarations: any product of the workspace may name them.

stakeholder cfo "Chief financial officer" { group commercial role "CFO" influence high interest medium }
stakeholder cto "Chief technology officer" { group engineering role "CTO" influence high interest high }
stakeholder advisory "Customer advisory board" { group customer role "Advisory board" influence medium interest high }

persona admin "Workspace admin" {
  size 5000
  description "Sets the product up for their team."
}
`
    }
];
