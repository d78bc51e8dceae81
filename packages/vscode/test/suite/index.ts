/**
 * The extension test suite's entry (what @vscode/test-electron's `extensionTestsPath` names):
 * mocha, run programmatically inside the extension host.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function run(): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Mocha = require('mocha') as typeof import('mocha');
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, slow: 5_000 });
    const only = process.env.PRODUCT_SPEC_SUITE_GREP;
    if (only) mocha.grep(only);
    // Files run in name order: 1-language, 2-commands, ...
    for (const file of fs.readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort()) {
        mocha.addFile(path.join(__dirname, file));
    }
    return new Promise((resolve, reject) => {
        mocha.run(failures => (failures > 0 ? reject(new Error(`${failures} extension test${failures === 1 ? '' : 's'} failed`)) : resolve()));
    });
}
