#!/usr/bin/env node
// A reader that stops reading (`product-spec rank . | head -1`) ends the command quietly, as `git log | head` does.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', error => {
        if (error.code === 'EPIPE') process.exit(0);
        throw error;
    });
}

// In the repository, the compiled sources (out/, from `npm run build`); in the tarball that
// `npm pack` writes, the bundle (dist/, from `prepack`), which needs no dependencies.
import { existsSync } from 'node:fs';
const built = new URL('../out/src/main.js', import.meta.url);
const { main } = await import(existsSync(built) ? built.href : new URL('../dist/src/main.js', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
