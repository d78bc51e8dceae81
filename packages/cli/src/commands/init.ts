import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CommandInput } from '../arguments.js';
import { Exit, UsageError } from '../errors.js';
import type { Output } from '../output.js';
import { writeFileAtomic } from '@product-spec/docs';
import { starterSpec } from '@product-spec/language/starter';

export const STARTER_FILE = 'product.product';

export const STARTER_SPEC = starterSpec({
    product: 'starter',
    title: 'My Product',
    intro: [
        'A starter spec: edit it, then run',
        '  npx product-spec validate .    (problems, like a compiler)',
        '  npx product-spec rank .        (the prioritised backlog)',
        '  npx product-spec forecast .    (the business case)'
    ]
});

export async function run({ positionals }: CommandInput, out: Output): Promise<number> {
    if (positionals.length > 1) throw new UsageError('init takes at most one folder.');
    const folder = positionals[0] ?? '.';
    const stat = await fs.stat(folder).catch(() => undefined);
    if (stat && !stat.isDirectory()) {
        throw new UsageError(`${folder} is a file, and init never overwrites a file: give the folder to write ${STARTER_FILE} into.`);
    }
    const target = path.join(folder, STARTER_FILE);
    try {
        await fs.access(target);
        throw new UsageError(`${target} already exists; init never overwrites a file. Choose another folder.`);
    } catch (error) {
        if (error instanceof UsageError) throw error;
    }
    try {
        await fs.mkdir(folder, { recursive: true });
        await writeFileAtomic(target, STARTER_SPEC, { exclusive: true });
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new UsageError(`${target} already exists; init never overwrites a file. Choose another folder.`);
        throw new UsageError(`Cannot write ${target} (${code ?? String(error)}).`);
    }
    out.stdout(`Wrote ${target}. Next: npx product-spec rank ${folder}`);
    return Exit.Ok;
}
