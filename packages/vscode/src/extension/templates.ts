import { isReservedWord } from '@product-spec/language/reserved';

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
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return 'A name is a letter or _ followed by letters, digits or _ (for example my_product).';
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
        text: product => `// ${title(product)}: hover a feature for its score, see the ranking with
// "Product Spec: Show Ranking" and the docs with "Product Spec: Open Preview".

product ${product} "${title(product)}" {
  vision "Say in one sentence what changes for your customers."
  strategy "Say where you win first, and what comes next."
  manager pm
  stage concept
  currency EUR

  // The three communities: engineering, commercial, customer.
  stakeholder pm "Product manager" { group engineering role "Product manager" influence high interest high }
  stakeholder sales "Sales lead" { group commercial role "Head of sales" influence medium interest high }
  stakeholder partner "Design partner" { group customer role "First customer" influence low interest high }

  persona user "Primary user" { size 10000 }

  need main_job "The job your customers hire the product for" {
    persona user
    importance 8        // 0..10
    satisfaction 3      // 0..10, how well it is met today
  }

  objective adoption "Customers use it every week" { metrics weekly_active }

  metric weekly_active "Weekly active customers" {
    unit "customers"
    baseline 0
    current 0
    target 500 by 2027-12-31
  }

  release mvp "MVP" { date 2027-06-01 phase launch capacity 6 }

  feature core "The core workflow" {
    status planned
    release mvp
    moscow must
    rice { reach 1000 impact high confidence 80% effort 3 }
    addresses main_job
    moves weekly_active
    requestedBy partner
  }
  feature sign_in "Sign-in" {
    release mvp
    moscow should
    rice { reach 1000 impact medium confidence 100% effort 1 }
    moves weekly_active
    requestedBy pm
  }
  feature reports "Reports" {
    release mvp
    moscow could
    rice { reach 300 impact medium confidence 50% effort 2 }
    addresses main_job
    requestedBy sales
    requires core
  }

  forecast year1 "First year" {
    months 12
    price 20            // per customer per month
    customers 20        // in month 1
    growth 10%          // monthly
    churn 2%            // monthly
    cost fixed 3000     // per month
    cost variable 2     // per customer per month
  }

  scoring { method rice }
}
`
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
