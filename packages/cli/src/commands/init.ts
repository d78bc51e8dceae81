import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CommandInput } from '../arguments.js';
import { Exit, UsageError } from '../errors.js';
import type { Output } from '../output.js';
import { writeFileAtomic } from '@product-spec/docs';

export const STARTER_FILE = 'product.product';

export const STARTER_SPEC = `// A starter spec: edit it, then run
//   npx product-spec validate .    (problems, like a compiler)
//   npx product-spec rank .        (the prioritised backlog)
//   npx product-spec forecast .    (the business case)

product starter "My Product" {
  vision "Say in one sentence what changes for your customers."
  strategy "Say where you win first, and what comes next."
  manager pat
  stage concept
  currency EUR

  // Stakeholders come from the three communities: engineering, commercial, customer.
  stakeholder pat "Pat Lee" { group engineering role "Product manager" influence high interest high }
  stakeholder sam "Sam Ortiz" { group commercial role "Sales lead" influence medium interest high }
  stakeholder kim "Kim Ito" { group customer role "Design partner" influence low interest high }

  persona team_lead "Team lead" { size 5000 }

  need weekly_view "See the week's work at a glance" {
    persona team_lead
    importance 8        // 0..10: how much it matters
    satisfaction 3      // 0..10: how well it is met today
  }

  objective adoption "Get teams to use it every week" { metrics weekly_teams }

  metric weekly_teams "Weekly active teams" {
    unit "teams"
    baseline 0
    current 0
    target 100 by 2027-12-31
  }

  release mvp "MVP" { date 2027-06-01 phase launch capacity 6 }

  feature dashboard "Weekly dashboard" {
    status planned
    release mvp
    moscow must
    rice { reach 400 impact high confidence 80% effort 3 }
    addresses weekly_view
    moves weekly_teams
    requestedBy kim
  }
  feature invites "Invite teammates" {
    status idea
    release mvp
    moscow should
    rice { reach 300 impact medium confidence 50% effort 2 }
    moves weekly_teams
    requestedBy sam
  }

  forecast year1 "First year" {
    months 12
    price 20            // per customer per month
    customers 10        // in month 1
    growth 15%          // monthly
    churn 3%            // monthly
    cost fixed 2000     // per month
    cost variable 2     // per customer per month
  }

  scoring { method rice }
}
`;

export async function run({ positionals }: CommandInput, out: Output): Promise<number> {
    if (positionals.length > 1) throw new UsageError('init takes at most one folder.');
    const folder = positionals[0] ?? '.';
    const stat = await fs.stat(folder).catch(() => undefined);
    if (stat && !stat.isDirectory()) {
        throw new UsageError(`${folder} is a file, and init never overwrites a file: give the folder to write ${STARTER_FILE} into.`);
    }
    const target = path.join(folder, STARTER_FILE);
    try {
        await fs.access(target);
        throw new UsageError(`${target} already exists; init never overwrites a file. Choose another folder.`);
    } catch (error) {
        if (error instanceof UsageError) throw error;
    }
    try {
        await fs.mkdir(folder, { recursive: true });
        await writeFileAtomic(target, STARTER_SPEC, { exclusive: true });
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new UsageError(`${target} already exists; init never overwrites a file. Choose another folder.`);
        throw new UsageError(`Cannot write ${target} (${code ?? String(error)}).`);
    }
    out.stdout(`Wrote ${target}. Next: npx product-spec rank ${folder}`);
    return Exit.Ok;
}
