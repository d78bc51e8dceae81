import { diffSnapshots, type DiffReport } from '@product-spec/language';
import { existsSync } from 'node:fs';
import type { CommandInput } from '../arguments.js';
import { diffMarkdown, diffText } from '../diff-format.js';
import { buildSides } from '../diff-sides.js';
import { UsageError } from '../errors.js';
import type { SpecText } from '../files.js';
import { openRepository, resolveCommit, specFilesAt, type Commit, type Repository } from '../git.js';
import type { Output } from '../output.js';
import { readSpecFiles } from '../workspace.js';
import { reportSpecErrors } from './rank.js';

/** A side of the comparison: a commit, or the working tree. */
export type Side = { commit: Commit } | { workingTree: true };

export async function run({ positionals, options, afterDoubleDash }: CommandInput, out: Output): Promise<number> {
    // Up to two revisions, then `--` and the paths.
    const revisions = positionals.slice(0, positionals.length - afterDoubleDash.length);
    const paths = afterDoubleDash.length > 0 ? afterDoubleDash : ['.'];
    const format = (options.format as string | undefined) ?? 'text';
    if (revisions.length > 2) {
        throw new UsageError(`diff takes at most two revisions (BASE and HEAD), not ${revisions.length}; put paths after --, as in 'product-spec diff main -- specs'.`);
    }

    const repo = await openRepository();
    const base: Side = { commit: await commitOf(repo, revisions[0] ?? 'HEAD') };
    const head: Side = revisions[1] !== undefined ? { commit: await commitOf(repo, revisions[1]) } : { workingTree: true };
    const { report, headErrors } = await compareSides(repo, base, head, paths);
    print(report, format, out);
    return reportSpecErrors(headErrors, out);
}

/** The comparison of two sides' specs under `paths` (decide.md §4): what `diff` prints, and what an editor's "Compare with HEAD" shows. */
export async function compareSides(repo: Repository, base: Side, head: Side, paths: readonly string[]): Promise<{ report: DiffReport; headErrors: number }> {
    const baseFiles = await filesAt(repo, base, paths);
    const headFiles = await filesAt(repo, head, paths);
    if (baseFiles.length === 0 && headFiles.length === 0) {
        throw new UsageError(`No .product files found in ${paths.join(', ')} at ${label(base)} or ${label(head)}.`);
    }
    const sides = await buildSides(baseFiles, headFiles);
    return { report: diffSnapshots(label(base), sides.base.snapshot, label(head), sides.head.snapshot), headErrors: sides.head.errors };
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
