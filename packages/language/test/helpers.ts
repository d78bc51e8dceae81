import { EmptyFileSystem, URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { buildWorkspace } from '../src/workspace/build-workspace.js';
import { createProductSpecServices } from '../src/product-spec-module.js';
import type { WorkspaceModel } from '../src/model/types.js';
import type { Diagnostic } from 'vscode-languageserver';
import type { LangiumDocument } from 'langium';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';

/** One set of services for all tests; each check starts from an empty workspace. */
export const { shared, ProductSpec: services } = createProductSpecServices(EmptyFileSystem);

export interface Finding {
    file: string;
    line: number;
    column: number;
    code: string;
    severity: 'error' | 'warning' | 'info' | 'hint';
    message: string;
    diagnostic: Diagnostic;
}

export interface Checked {
    findings: Finding[];
    model: WorkspaceModel;
    documents: LangiumDocument[];
    /** `code@file:line`, sorted: the compact form most tests compare. */
    codes: string[];
    errors: Finding[];
    warnings: Finding[];
}

const SEVERITIES = ['', 'error', 'warning', 'info', 'hint'] as const;

/** Loads the given files (name → text) as one workspace, validates them, and returns what a user sees. */
export async function check(files: string | Record<string, string>): Promise<Checked> {
    await clearDocuments(shared);
    const sources = typeof files === 'string' ? { 'main.product': files } : files;
    const names = Object.keys(sources);
    const documents = await buildWorkspace(shared, names.map(name => ({ uri: URI.parse(`file:///ws/${name}`), text: sources[name] })));
    const findings: Finding[] = [];
    documents.forEach((document, index) => {
        for (const diagnostic of document.diagnostics ?? []) {
            findings.push({
                file: names[index],
                line: diagnostic.range.start.line + 1,
                column: diagnostic.range.start.character + 1,
                code: String(diagnostic.code),
                severity: SEVERITIES[diagnostic.severity ?? 1] as Finding['severity'],
                message: diagnostic.message,
                diagnostic
            });
        }
    });
    findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    const compact = (f: Finding) => (names.length === 1 ? `${f.code}@${f.line}` : `${f.code}@${f.file}:${f.line}`);
    return {
        findings,
        model: services.model.ModelService.model,
        documents,
        codes: findings.map(compact),
        errors: findings.filter(f => f.severity === 'error'),
        warnings: findings.filter(f => f.severity === 'warning')
    };
}

/** The text a diagnostic's range covers. */
export function coveredText(checked: Checked, finding: Finding): string {
    const document = checked.documents.find(d => d.uri.path.endsWith(`/${finding.file}`))!;
    return document.textDocument.getText(finding.diagnostic.range);
}

/** The language contract's big example, verbatim. */
export const CONTRACT_EXAMPLE = `product acme "Acme Analytics" {
  vision "Every small team understands its numbers in five minutes."
  strategy "Win self-serve small businesses first, then move up-market."
  manager priya              // a stakeholder
  stage development          // concept | development | launch | growth | maturity | decline | retired
  currency EUR

  stakeholder priya "Priya Shah" {
    group engineering        // engineering | commercial | customer   (the three communities)
    role "Product manager"
    influence high           // level
    interest high            // level
  }
  stakeholder marco "Marco Ruiz" { group commercial role "Head of sales" influence high interest medium }

  persona owner "Small-business owner" { size 120000 }

  need quick_report "See last month's revenue without a spreadsheet" {
    persona owner
    importance 9             // 0..10
    satisfaction 3           // 0..10, how well it is met today
  }

  objective grow_smb "Win self-serve small businesses" { metrics activation }

  metric activation "Weekly active teams" {
    unit "%"
    baseline 12
    current 15
    target 25 by 2027-06-30
  }

  release mvp "MVP" { date 2027-03-01 phase launch capacity 12 }   // phase: development | launch | improvement; capacity in person-months
  release v2 "Second cycle" { date 2027-07-01 phase improvement capacity 10 }

  feature bulk_export "Bulk export to CSV" {
    description "Export every report as CSV in one click."
    status planned           // idea | planned | building | shipped | dropped
    release mvp
    moscow must              // must | should | could | wont
    kano performance         // must | performance | attractive | indifferent | reverse
    rice { reach 4000 impact high confidence 80% effort 2 }
    wsjf { value 8 criticality 5 risk 3 size 5 }
    ice { impact 7 confidence 6 ease 8 }
    addresses quick_report
    requestedBy marco
    moves activation
    requires auth
  }
  feature auth "Single sign-on" {
    release mvp moscow should requestedBy priya
    effort 2
    rice { reach 3000 impact medium confidence 100% effort 2 }
  }

  forecast fy27 "First year" {
    months 12
    price 49                 // per customer per month, in the product's currency
    customers 200            // in month 1
    growth 8%                // monthly, relative
    churn 2%                 // monthly, relative
    cost fixed 40000         // per month
    cost variable 6          // per customer per month
  }

  scoring { method rice }    // rice | ice | wsjf | kano | moscow | weighted
}
`;

/** The language contract's invalid example, verbatim. */
export const CONTRACT_INVALID = `product demo "Demo" {
  feature a "A" { requires b }
  feature b "B" { requires a }                                // dependency-cycle on a and b
  feature c "C" { rice { reach 10 impact huge confidence 80% effort 1 } }   // bad-impact
  feature d "D" { rice { reach 10 impact high confidence 120% effort 1 } }  // out-of-range
  feature e "E" { requestedBy nobody }                         // unresolved-reference
}
`;

/**
 * Wraps members in product p with a stakeholder s (so features can be requested and are not
 * orphans). Line 2 holds the optional header (e.g. a scoring block); members start on line 4.
 */
export function product(members: string, header = ''): string {
    return `product p "P" {\n${header || '  // members follow\n'}  stakeholder s "S"\n${members}\n}\n`;
}

/** The quick fixes offered for the first diagnostic with a code, as titles and the text after applying each. */
export async function fixes(text: string, code: string): Promise<Array<{ title: string; preferred: boolean; result: string }>> {
    const checked = await check(text);
    const diagnostic = checked.findings.find(f => f.code === code)?.diagnostic;
    assert.ok(diagnostic, `a ${code} diagnostic`);
    const document = checked.documents[0];
    const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    }) as CodeAction[];
    return actions.map(action => {
        const edits = action.edit!.changes![document.uri.toString()];
        const result = TextDocument.applyEdits(TextDocument.create('x', 'product', 1, text), edits);
        return { title: action.title, preferred: action.isPreferred ?? false, result };
    });
}
