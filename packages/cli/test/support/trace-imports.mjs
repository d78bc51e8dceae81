// Prints every module the process loads ("import URL" on stderr): tests read it to see what a command loads.
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(`
export async function resolve(specifier, context, next) {
    const result = await next(specifier, context);
    process.stderr.write('import ' + result.url + '\\n');
    return result;
}`));
