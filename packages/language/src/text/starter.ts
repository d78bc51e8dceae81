/**
 * The one starter spec, written by `product-spec init` and by the editor's "New Spec from
 * Template" (its first template). It validates with no error and no warning and shows a
 * plausible business case: the forecast breaks even within its year (tests keep both true).
 */
export interface StarterOptions {
    /** The product's name, an identifier. */
    product: string;
    /** The product's title, shown in docs. */
    title: string;
    /** Comment lines (without `// `) that say what to do next where the starter was made. */
    intro: readonly string[];
}

export function starterSpec({ product, title, intro }: StarterOptions): string {
    const header = intro.map(line => `// ${line}`.trimEnd()).join('\n');
    return `${header}

product ${product} "${title}" {
  vision "Say in one sentence what changes for your customers."
  strategy "Say where you win first, and what comes next."
  manager pm
  stage concept
  currency EUR

  // Stakeholders come from the three communities: engineering, commercial, customer.
  stakeholder pm "Product manager" { group engineering role "Product manager" influence high interest high }
  stakeholder sales "Sales lead" { group commercial role "Head of sales" influence medium interest high }
  stakeholder partner "Design partner" { group customer role "First customer" influence low interest high }

  persona user "Primary user" { size 10000 }

  need main_job "The job your customers hire the product for" {
    persona user
    importance 8        // 0..10: how much it matters
    satisfaction 3      // 0..10: how well it is met today
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
    price 49            // per customer per month
    customers 40        // in month 1
    growth 12%          // monthly
    churn 2%            // monthly
    cost fixed 2500     // per month
    cost variable 4     // per customer per month
  }

  scoring { method rice }
}
`;
}
