export * from './markdown.js';
export * from './mermaid.js';
export * from './charts/placement.js';
export { generateDocs, generateDocPage, docPages, isGenerated, GENERATED_MARKER, type DocFile } from './generate.js';
export { AUDIENCES, isAudience, type Audience, type DocsOptions } from './audience.js';
export { toDocsProblem, type DocsProblem } from './problems.js';
export { BlockedOutputError, OutsideOutputError, writeDocs, writeFileAtomic, type WriteDocsOptions, type WriteDocsResult, type WriteFile } from './write.js';
export {
    generateDocsCommand, docsServerCommands, docsServerRequests, documentProblems, GENERATE_DOCS_COMMAND, DEFAULT_DOCS_FOLDER,
    type GenerateDocsArgs, type GenerateDocsContext, type GenerateDocsResult, type DocumentWithDiagnostics
} from './lsp-command.js';
