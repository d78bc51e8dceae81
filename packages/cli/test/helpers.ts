import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/main.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const examples = path.join(repoRoot, 'examples');
const bin = path.join(repoRoot, 'packages/cli/bin/product-spec.js');

export interface RunResult {
    code: number | undefined;
    stdout: string;
    stderr: string;
}

/** Runs the CLI in this process (fast), capturing what it prints. */
export async function run(args: string[], cwd?: string): Promise<RunResult> {
    const out: string[] = [];
    const err: string[] = [];
    const previous = process.cwd();
    if (cwd) process.chdir(cwd);
    try {
        const code = await main(args, { stdout: line => out.push(line), stderr: line => err.push(line) });
        return { code, stdout: out.map(l => `${l}\n`).join(''), stderr: err.map(l => `${l}\n`).join('') };
    } finally {
        if (cwd) process.chdir(previous);
    }
}

/** Runs the real executable, as a user does: exit code and output of the process. */
export function runBinary(args: string[], cwd: string = repoRoot): RunResult {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60000 });
    return { code: result.status ?? undefined, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder holding the given files (relative path → text). */
export function workspace(files: Record<string, string | Buffer>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'product-spec-test-'));
    for (const [name, content] of Object.entries(files)) {
        const file = path.join(dir, name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
    }
    return dir;
}
