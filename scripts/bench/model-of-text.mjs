// The computed model of one spec text, built by an implementation's own language package
// (the bench workers' shared first step): parse, link, validate, build the model.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function modelOfText(implementation, text, { validation = true } = {}) {
    const language = await import(pathToFileURL(join(implementation, 'packages/language/out/src/index.js')).href);
    const langium = await import(pathToFileURL(join(implementation, 'node_modules/langium/lib/index.js')).href);
    const { shared } = language.createProductSpecServices(langium.EmptyFileSystem);
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, langium.URI.file('/bench/spec.product'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation });
    return { language, document, model: language.buildWorkspaceModel([document]) };
}
