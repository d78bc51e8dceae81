import { diffSnapshots, type DiffReport } from '@product-spec/language';
import { existsSync } from 'node:fs';
import { parseArgs } from '../args.js';
import { diffMarkdown, diffText } from '../diff-format.js';
import { buildSides } from '../diff-sides.js';
import { UsageError } from '../errors.js';
import type { SpecText } from '../files.js';
import { openRepository, resolveCommit, specFilesAt, type Commit, type Repository } from '../git.js';
import type { Output } from '../output.js';
import { readSpecFiles } from '../workspace.js';
import { reportSpecErrors } from './rank.js';

export const diffHelp = `Usage: product-spec diff [BASE [HEAD]] [--format text|json|markdown] [-- PATH...]

What changed between two git revisions and why: features added and removed, scores with
every input that changed, ranks with their cause (own-score, inherited, others),
release, status and MoSCoW changes, release loads and capacity, forecasts, and the
diagnostics introduced and resolved.

BASE defaults to HEAD; HEAD defaults to the working tree (the files on disk). The PATHs
(default .) are searched at each revision as by the other commands; revisions are read
from git's object store, so nothing is checked out and the working tree is not touched.
--format markdown is a pull-request comment: a summary line, then tables.

Exit codes: 0 (whether or not anything changed), 1 when HEAD has errors, 2 usage (not
inside a git repository, unknown revision).`;

/** A side of the comparison: a commit, or the working tree. */
type Side = { commit: Commit } | { workingTree: true };

export async function diffCommand(argv: readonly string[], out: Output): Promise<number> {
    // The command line: options and up to two revisions, then `--` and the paths.
    const separator = argv.indexOf('--');
    const { positionals: revisions, options } = parseArgs('diff', separator < 0 ? argv : argv.slice(0, separator), {
        format: { value: true, choices: ['text', 'json', 'markdown'] }
    });
    const given = separator < 0 ? [] : argv.slice(separator + 1);
    const paths = given.length > 0 ? given : ['.'];
    const format = (options.get('format') as string | undefined) ?? 'text';
    if (revisions.length > 2) {
        throw new UsageError(`diff takes at most two revisions (BASE and HEAD), not ${revisions.length}; put paths after --, as in 'product-spec diff main -- specs'.`);
    }

    const repo = await openRepository();
    const base: Side = { commit: await commitOf(repo, revisions[0] ?? 'HEAD') };
    const head: Side = revisions[1] !== undefined ? { commit: await commitOf(repo, revisions[1]) } : { workingTree: true };
    const baseFiles = await filesAt(repo, base, paths);
    const headFiles = await filesAt(repo, head, paths);
    if (baseFiles.length === 0 && headFiles.length === 0) {
        throw new UsageError(`No .product files found in ${paths.join(', ')} at ${label(base)} or ${label(head)}.`);
    }
    const sides = await buildSides(baseFiles, headFiles);
    print(diffSnapshots(label(base), sides.base.snapshot, label(head), sides.head.snapshot), format, out);
    return reportSpecErrors(sides.head.errors, out);
}

function print(report: DiffReport, format: string, out: Output): void {
    if (format === 'json') out.stdout(JSON.stringify(report, null, 2));
    else if (format === 'markdown') diffMarkdown(report).forEach(line => out.stdout(line));
    else diffText(report).forEach(line => out.stdout(line));
}

function label(side: Side): string {
    return 'commit' in side ? side.commit.short : 'working tree';
}

async function commitOf(repo: Repository, revision: string): Promise<Commit> {
    try {
        return await resolveCommit(repo, revision);
    } catch (error) {
        // `product-spec diff specs` means a path: say how to give one.
        if (error instanceof UsageError && existsSync(revision)) {
            throw new UsageError(`Unknown revision '${revision}'; it is a path here: put paths after --, as in 'product-spec diff -- ${revision}'.`);
        }
        throw error;
    }
}

/** The working tree's files are found on disk as by every command; a commit's are read from git. */
async function filesAt(repo: Repository, side: Side, paths: readonly string[]): Promise<SpecText[]> {
    return 'workingTree' in side ? readSpecFiles(paths) : specFilesAt(repo, side.commit, paths);
}
