export * from './product-spec-module.js';
export * as ast from './generated/ast.js';
export * from './model/formulas.js';
export * from './model/types.js';
export { buildWorkspaceModel, rankProductBy } from './model/build.js';
export { ModelService } from './model/model-service.js';
export { Codes, type Code } from './validation/codes.js';
export * from './workspace/build-workspace.js';
