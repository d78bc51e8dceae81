#!/usr/bin/env node
// Runs every package's compiled mocha tests (packages/*/out/test/**/*.test.js) in one
// process and ends with the line "N passed, N failed" (and skipped ones, if any).
import Mocha from 'mocha';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const only = process.argv.slice(2);

function findTests(folder, into) {
    if (!existsSync(folder)) return into;
    for (const name of readdirSync(folder).sort()) {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) findTests(path, into);
        else if (name.endsWith('.test.js')) into.push(path);
    }
    return into;
}

class SummaryReporter extends Mocha.reporters.Spec {
    constructor(runner, options) {
        super(runner, options);
        runner.once('end', () => {
            const { passes, failures, pending } = runner.stats ?? this.stats;
            const skipped = pending > 0 ? `, ${pending} skipped` : '';
            console.log(`\n${passes} passed, ${failures} failed${skipped}`);
        });
    }
}

const mocha = new Mocha({ reporter: SummaryReporter, timeout: 20000, forbidOnly: true });
const packages = join(root, 'packages');
for (const pkg of readdirSync(packages).sort()) {
    for (const file of findTests(join(packages, pkg, 'out', 'test'), [])) {
        if (only.length === 0 || only.some(filter => file.includes(filter))) mocha.addFile(file);
    }
}
await mocha.loadFilesAsync();
mocha.run(failures => {
    process.exitCode = failures > 0 ? 1 : 0;
});
