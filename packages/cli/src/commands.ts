import { METHODS, PLAN_TIME_LIMIT, UNCERTAINTY_LIMITS } from '@product-spec/language/methods';
import { optionLines, type CommandInput, type OptionSpec } from './arguments.js';
import type { Output } from './output.js';

/** What a command module exports. */
export interface CommandModule {
    run(input: CommandInput, out: Output): Promise<number | undefined>;
}

/**
 * A command of the CLI: its options and help, and where its code is. The code is loaded
 * only when the command runs, so `--help` and `--version` load nothing of the language.
 */
export interface Command {
    readonly summary: string;
    /** The usage line after `product-spec`. */
    readonly usage: string;
    /** What it does, a paragraph or two. */
    readonly description: string;
    readonly options: Readonly<Record<string, OptionSpec>>;
    readonly exitCodes: string;
    load(): Promise<CommandModule>;
}

/** The views `docs --audience` writes (the docs package's audiences but its default, the full docs). */
export const DOCS_AUDIENCES = ['engineering', 'commercial', 'customer', 'board'] as const;

const exclude: OptionSpec = {
    type: 'string', multiple: true, placeholder: 'GLOB',
    description: 'leave out paths matching GLOB (relative to each folder searched, e.g. out/**); may be repeated'
};
const product: OptionSpec = { type: 'string', placeholder: 'NAME', description: 'only this product' };
const method: OptionSpec = { type: 'string', placeholder: 'M', choices: METHODS, description: `rank by this method (${METHODS.join(', ')}) instead of each product's own` };

const uncertainty: OptionSpec = { type: 'boolean', description: 'draw every range N times (decide.md §2) and report how sure each result is' };
const samples: OptionSpec = {
    type: 'string', placeholder: 'N',
    description: `draws with --uncertainty, ${UNCERTAINTY_LIMITS.samples.min} to ${UNCERTAINTY_LIMITS.samples.max.toLocaleString('en-US')} (default ${UNCERTAINTY_LIMITS.samples.default.toLocaleString('en-US')})`
};
const seed: OptionSpec = {
    type: 'string', placeholder: 'S',
    description: `the generator's seed with --uncertainty, ${UNCERTAINTY_LIMITS.seed.min} to ${UNCERTAINTY_LIMITS.seed.max} (default ${UNCERTAINTY_LIMITS.seed.default}); the same seed gives the same output`
};

export const COMMANDS: Readonly<Record<string, Command>> = {
    validate: {
        summary: 'report every diagnostic, file:line:col',
        usage: 'validate PATH... [--format text|json]',
        description: 'Reports every diagnostic of the specs as file:line:col (1-based), errors and warnings.\nFolders are searched for *.product files; all files are one workspace.',
        options: { format: { type: 'string', choices: ['text', 'json'], description: 'text (default) or the JSON of the contract' }, exclude },
        exitCodes: '0 no error (warnings allowed), 1 errors, 2 usage or I/O problem.',
        load: () => import('./commands/validate.js')
    },
    rank: {
        summary: 'the ranked features of each product',
        usage: 'rank PATH... [--product NAME] [--method M] [--format table|json|csv|markdown] [--uncertainty [--samples N] [--seed S] [--top K]]',
        description: "Ranks each product's features by its scoring method (or by --method).\nShipped and dropped features are listed without a rank.\n\n"
            + 'With --uncertainty every range (lo..hi, lo..mode..hi) is drawn N times and each draw is\n'
            + 'ranked: the table shows each rank as "3 (2–5) · 62%", the median rank, its 10th to 90th\n'
            + 'percentile and the share of draws in the top K; "stable" when every draw agrees.',
        options: {
            product, method, format: { type: 'string', choices: ['table', 'json', 'csv', 'markdown'], description: 'table (default), json, csv or markdown' },
            uncertainty, samples, seed,
            top: { type: 'string', placeholder: 'K', description: `with --uncertainty, the top ranks whose share is reported (default ${UNCERTAINTY_LIMITS.top.default})` },
            exclude
        },
        exitCodes: '0, or 1 if the spec has errors (the ranking is still printed), 2 usage.',
        load: () => import('./commands/rank.js')
    },
    forecast: {
        summary: "each forecast's months, totals, margin and break-even",
        usage: 'forecast PATH... [--product NAME] [--format table|json] [--uncertainty [--samples N] [--seed S]]',
        description: 'Computes each forecast month by month: customers, revenue, cost, profit and cumulative\nprofit, with the totals, the margin and both break-even months, and each scenario beside\nthe base case.\n\n'
            + 'With --uncertainty every range is drawn N times: the 10th, 50th and 90th percentiles of\n'
            + 'the totals and of cumulative profit by month, and how likely each break-even is.',
        options: { product, format: { type: 'string', choices: ['table', 'json'], description: 'table (default) or json' }, uncertainty, samples, seed, exclude },
        exitCodes: '0, or 1 if the spec has errors (what can be computed is still printed), 2 usage.',
        load: () => import('./commands/forecast.js')
    },
    plan: {
        summary: 'the provably best release plan under capacity and dependencies',
        usage: 'plan PATH... [--product NAME] [--method M] [--format table|json|markdown] [--time-limit S]',
        description: 'The best release plan of each product under capacity and dependencies (decide.md §1):\n'
            + 'every open feature (idea, planned, building) goes into a release with a capacity, or\n'
            + 'stays unplanned. Musts first, then score, release by release in date order; then the\n'
            + "fewest moves from the spec's releases; then higher-ranked features earlier. Building\n"
            + 'features and features in a release without a capacity stay where the spec puts them.\n\n'
            + 'The plan is proven optimal, or, when --time-limit stops the search first, the best plan\n'
            + 'found is printed as not proven, with its gap.',
        options: {
            product,
            method: { ...method, description: `score by this method (${METHODS.join(', ')}) instead of each product's own` },
            format: { type: 'string', choices: ['table', 'json', 'markdown'], description: 'table (default), json or markdown' },
            'time-limit': {
                type: 'string', placeholder: 'S',
                description: `seconds the search may take for each product, ${PLAN_TIME_LIMIT.min} to ${PLAN_TIME_LIMIT.max} (default ${PLAN_TIME_LIMIT.default})`
            },
            exclude
        },
        exitCodes: '0, or 1 if the spec has errors (the plan is still printed), 2 usage.',
        load: () => import('./commands/plan.js')
    },
    docs: {
        summary: 'write the markdown docs (with diagrams) of each product',
        usage: 'docs PATH... -o DIR [--check] [--force] [--audience engineering|commercial|customer|board]',
        description: 'Writes the markdown docs of the specs into DIR: index.md (the portfolio) and\n<product>/PRODUCT.md for each product, with Mermaid diagrams. Every file starts with a\ngenerated-file marker; files are written atomically and only when their text changed.\n\nA spec with errors still gets its docs (its "Open problems" list them). Generated pages\nof products that no longer exist are left in DIR and reported.',
        options: {
            output: { type: 'string', short: 'o', placeholder: 'DIR', description: 'the folder to write to (required)' },
            check: { type: 'boolean', description: 'write nothing; fail when a file in DIR is missing or differs' },
            force: { type: 'boolean', description: 'overwrite files in DIR that lack the marker (hand-written files)' },
            audience: {
                type: 'string', placeholder: 'A', choices: DOCS_AUDIENCES,
                description: 'the view of one community, with the same file names (so give each its own DIR):\n'
                    + 'engineering (backlog, dependencies, releases, problems), commercial (story, launches,\n'
                    + 'business case, targets), customer (public roadmap and release notes: no scores,\n'
                    + 'efforts, money, people or problems), board (one page, index.md: objectives, P&L,\n'
                    + 'rollup, risks)'
            },
            exclude
        },
        exitCodes: '0; with --check, 1 when a file differs or is missing; 2 when DIR holds a\nfile of that name without the marker (never overwritten unless --force), or usage.',
        load: () => import('./commands/docs.js')
    },
    diff: {
        summary: 'what changed between two git revisions, and why',
        usage: 'diff [BASE [HEAD]] [--format text|json|markdown] [-- PATH...]',
        description: 'What changed between two git revisions and why: features added and removed, scores with\n'
            + 'every input that changed, ranks with their cause (own-score, inherited, others),\n'
            + 'release, status and MoSCoW changes, release loads and capacity, forecasts, and the\n'
            + 'diagnostics introduced and resolved.\n\n'
            + 'BASE defaults to HEAD; HEAD defaults to the working tree (the files on disk). The PATHs\n'
            + '(default .) come after -- and are searched at each revision as by the other commands;\n'
            + "revisions are read from git's object store, so nothing is checked out and the working\n"
            + 'tree is not touched.',
        options: { format: { type: 'string', choices: ['text', 'json', 'markdown'], description: 'text (default), json, or markdown (a pull-request comment: a summary line, then tables)' } },
        exitCodes: '0 (whether or not anything changed), 1 when HEAD has errors, 2 usage (not\ninside a git repository, unknown revision).',
        load: () => import('./commands/diff.js')
    },
    init: {
        summary: 'write a small, valid starter spec',
        usage: 'init [DIR]',
        description: 'Writes a small, valid starter spec (DIR/product.product, DIR defaults to the current\nfolder) to learn the language from. Never overwrites a file.',
        options: {},
        exitCodes: '0, or 2 if it would overwrite a file.',
        load: () => import('./commands/init.js')
    },
    lsp: {
        summary: 'the language server over stdio, for any LSP editor',
        usage: 'lsp --stdio',
        description: 'Starts the product-spec language server on standard input and output, for any editor\nthat speaks the Language Server Protocol (Neovim, Helix, Emacs eglot, ...). Besides the\nstandard features it answers productSpec/rank and productSpec/forecast (the JSON of the\nrank and forecast commands), productSpec/diff (the markdown of diff) and runs the command productSpec.generateDocs.',
        options: { stdio: { type: 'boolean', description: 'talk over standard input and output (required)' } },
        exitCodes: 'the server runs until its client tells it to exit.',
        load: () => import('./commands/lsp.js')
    }
};

/** `product-spec rank --help`. */
export function commandHelp(command: Command): string {
    const options = optionLines(command.options);
    return [
        `Usage: product-spec ${command.usage}`,
        '',
        command.description,
        ...(options.length > 0 ? ['', 'Options:', ...options] : []),
        '',
        `Exit codes: ${command.exitCodes}`
    ].join('\n');
}

/** `product-spec --help`. */
export function mainHelp(): string {
    const width = Math.max(...Object.keys(COMMANDS).map(name => name.length));
    return [
        'Usage: product-spec <command> PATH... [options]',
        '',
        'Product specs (.product files) validated, ranked, forecast and documented.',
        '',
        'Commands:',
        ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
        '',
        'Options everywhere: --help (-h), --version (-v), --verbose (stack traces on internal errors).',
        "Run 'product-spec <command> --help' for a command's options and exit codes."
    ].join('\n');
}
