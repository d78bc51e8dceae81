#!/usr/bin/env node
// The .vsix holds exactly what the extension needs (issue 12, supply chain): its manifest,
// the two bundles, the preview's media, the grammar, snippets and icons, the notices. A file
// that is not on this list (a source map, a test, a .env, node_modules) fails the check.
//   node scripts/e2e/vsix-contents.mjs PATH.vsix
import { readFileSync } from 'node:fs';

const EXPECTED = [
    '[Content_Types].xml', 'extension.vsixmanifest',
    'extension/package.json', 'extension/readme.md', 'extension/changelog.md', 'extension/ThirdPartyNotices.txt',
    'extension/language-configuration.json', 'extension/syntaxes/product.tmLanguage.json', 'extension/snippets/product.code-snippets',
    'extension/dist/extension.js', 'extension/dist/server.js',
    'extension/media/preview.js', 'extension/media/preview.css', 'extension/media/mermaid.min.js', 'extension/media/mermaid.LICENSE',
    'extension/images/icon.png', 'extension/images/product-file.svg'
].sort();

/** The names in a zip's central directory (the archive's own table of contents). */
function zipEntries(buffer) {
    let end = buffer.length - 22;
    while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
    if (end < 0) throw new Error('not a zip archive (no end of central directory)');
    const count = buffer.readUInt16LE(end + 10);
    let offset = buffer.readUInt32LE(end + 16);
    const names = [];
    for (let i = 0; i < count; i++) {
        if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
        const nameLength = buffer.readUInt16LE(offset + 28);
        const extraLength = buffer.readUInt16LE(offset + 30);
        const commentLength = buffer.readUInt16LE(offset + 32);
        names.push(buffer.toString('utf8', offset + 46, offset + 46 + nameLength));
        offset += 46 + nameLength + extraLength + commentLength;
    }
    return names;
}

const [vsix] = process.argv.slice(2);
const names = zipEntries(readFileSync(vsix)).sort();
const unexpected = names.filter(name => !EXPECTED.includes(name));
const missing = EXPECTED.filter(name => !names.includes(name));
if (unexpected.length > 0 || missing.length > 0) {
    console.error(`vsix-contents: ${vsix}\n  unexpected: ${unexpected.join(', ') || 'none'}\n  missing: ${missing.join(', ') || 'none'}`);
    process.exit(1);
}
console.log(`vsix-contents: the ${names.length} files expected, nothing else`);
