// The `main` before the live-and-fast work (issue 8), kept runnable beside the current tree
// for side-by-side numbers: a git worktree of that commit under .bench/baseline, with its
// own node_modules and build (made once, about a minute).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(new URL('../..', import.meta.url).pathname);
/** The commit the ratios compare with: main as it was before the change path was reworked. */
export const BASELINE_COMMIT = readFileSync(join(root, 'scripts/bench/baseline-commit'), 'utf8').trim();

/** The baseline's folder, built; undefined (with the reason on stderr) when git cannot give that commit. */
export function baselineTree(commit = BASELINE_COMMIT) {
    const dir = join(root, '.bench', `baseline-${commit.slice(0, 12)}`);
    const marker = join(dir, '.built');
    if (existsSync(marker)) return dir;
    try {
        execFileSync('git', ['cat-file', '-e', `${commit}^{commit}`], { cwd: root, stdio: 'ignore' });
    } catch {
        process.stderr.write(`bench: commit ${commit} is not in this clone (a shallow clone?); the baseline columns are left out.\n`);
        return undefined;
    }
    if (!existsSync(dir)) execFileSync('git', ['worktree', 'add', '--detach', dir, commit], { cwd: root, stdio: 'inherit' });
    process.stderr.write(`bench: building the baseline ${commit.slice(0, 12)} in ${dir} ...\n`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: 'ignore' });
    execFileSync('touch', [marker]);
    return dir;
}
