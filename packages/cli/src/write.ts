import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './errors.js';

/**
 * Writes a file atomically: a temporary file in the same folder, then a rename, so a
 * reader never sees half a file. With `exclusive`, refuses when the target exists (the
 * check and the rename use a hard link, which fails if the name was taken meanwhile).
 */
export async function writeFileAtomic(target: string, content: string, options: { exclusive?: boolean } = {}): Promise<void> {
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    await fs.writeFile(temporary, content, { encoding: 'utf8', flag: 'wx' });
    try {
        if (options.exclusive) {
            try {
                await fs.link(temporary, target);
            } catch (error) {
                if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
                    throw new UsageError(`${target} already exists; it was not overwritten.`);
                }
                throw error;
            }
            await fs.unlink(temporary);
        } else {
            await fs.rename(temporary, target);
        }
    } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
    }
}
