// One in-process build of a workspace, timed by phase (run by scripts/bench.mjs in a child
// process of its own, so that runs do not share a heap):
//   node phases-worker.mjs IMPLEMENTATION_ROOT WORKSPACE_DIR [ours|default]
// prints one JSON line: parse, index, link, references, validate (with the model built
// once), model (one more build of it), rank, in milliseconds, and the diagnostics count.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [implementation, dir, scoping = 'ours'] = process.argv.slice(2);
const language = await import(pathToFileURL(join(implementation, 'packages/language/out/src/index.js')).href);
const langium = await import(pathToFileURL(join(implementation, 'node_modules/langium/lib/index.js')).href);

function files(folder, into = []) {
    for (const name of readdirSync(folder).sort()) {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) files(path, into);
        else if (name.endsWith('.product')) into.push(path);
    }
    return into;
}

const override = scoping === 'default' ? {
    references: {
        ScopeComputation: services => new langium.DefaultScopeComputation(services),
        ScopeProvider: services => new langium.DefaultScopeProvider(services)
    }
} : undefined;
const { shared, ProductSpec } = language.createProductSpecServices(langium.EmptyFileSystem, override);
const builder = shared.workspace.DocumentBuilder;
const times = {};
let last = performance.now();
const lap = () => { const now = performance.now(); const t = now - last; last = now; return t; };
for (const [state, name] of [[langium.DocumentState.IndexedContent, 'index'], [langium.DocumentState.Linked, 'link'],
    [langium.DocumentState.IndexedReferences, 'references'], [langium.DocumentState.Validated, 'validate']]) {
    builder.onBuildPhase(state, () => { times[name] = (times[name] ?? 0) + lap(); });
}
const sources = files(dir).map(file => ({ uri: langium.URI.file(file), text: readFileSync(file, 'utf8') }));
last = performance.now();
const documents = sources.map(source => {
    const document = shared.workspace.LangiumDocumentFactory.fromString(source.text, source.uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    return document;
});
times.parse = lap();
await builder.build(documents, { validation: true });
const models = ProductSpec.model.ModelService;
models.clear();
last = performance.now();
const model = models.model;
times.model = lap();
language.rankReport(model);
times.rank = lap();
const diagnostics = documents.reduce((sum, document) => sum + (document.diagnostics?.length ?? 0), 0);
process.stdout.write(JSON.stringify({ ...times, diagnostics }) + '\n');
