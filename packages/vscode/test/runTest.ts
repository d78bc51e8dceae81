/**
 * Runs the extension test suite (test/suite) with @vscode/test-electron's standard
 * `runTests`, in a real VS Code: code-server 4.100.3 (VS Code 1.100.3) in Chromium, through
 * scripts/e2e/vscode-executable.mjs (VS Code itself cannot be downloaded here). The
 * workspace is a fresh copy of examples/ (its .product files) in a temp folder, deleted after.
 *
 *   node packages/vscode/dist-test/runTest.js      (after `node scripts/build.mjs --tests`)
 *
 * Environment: PRODUCT_SPEC_SUITE_GREP=pattern runs only matching tests.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<number> {
    const extensionDevelopmentPath = path.resolve(__dirname, '..');
    const repoRoot = path.resolve(extensionDevelopmentPath, '../..');
    const extensionTestsPath = path.join(extensionDevelopmentPath, 'dist-test', 'suite', 'index.js');
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'product-spec-suite-'));
    try {
        copyProductFiles(path.join(repoRoot, 'examples'), workspace);
        // A repository with the examples committed, for "Compare with HEAD".
        for (const args of [['init', '-q'], ['add', '-A'], ['-c', 'user.name=suite', '-c', 'user.email=suite@example.invalid', 'commit', '-q', '-m', 'examples']]) {
            execFileSync('git', args, { cwd: workspace, stdio: 'ignore' });
        }
        await runTests({
            vscodeExecutablePath: path.join(repoRoot, 'scripts', 'e2e', 'vscode-executable.mjs'),
            extensionDevelopmentPath,
            extensionTestsPath,
            // No --user-data-dir/--extensions-dir under the cwd: fresh temp folders instead.
            reuseMachineInstall: true,
            launchArgs: [workspace, '--disable-extensions'],
            extensionTestsEnv: Object.fromEntries(['PRODUCT_SPEC_SUITE_GREP', 'PRODUCT_SPEC_DEBUG']
                .filter(k => process.env[k] !== undefined).map(k => [k, process.env[k]!]))
        });
        return 0;
    } catch (error) {
        console.error(`Extension tests failed: ${error instanceof Error ? error.message : String(error)}`);
        return 1;
    } finally {
        fs.rmSync(workspace, { recursive: true, force: true });
    }
}

/** The .product files of `from` (the examples' generated docs are left out: the tests generate their own). */
function copyProductFiles(from: string, to: string): void {
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
        const source = path.join(from, entry.name);
        if (entry.isDirectory()) {
            const files = fs.readdirSync(source).filter(f => f.endsWith('.product'));
            if (files.length === 0) continue;
            fs.mkdirSync(path.join(to, entry.name));
            for (const f of files) fs.copyFileSync(path.join(source, f), path.join(to, entry.name, f));
        } else if (entry.name.endsWith('.product')) {
            fs.copyFileSync(source, path.join(to, entry.name));
        }
    }
}

main().then(code => process.exit(code));
