// The engine's only public door. Callers (the worker, the command line, tests) import from here.
export type * from './types';
export { simulate } from './simulate';
export { endpoints, validate } from './questions';
export type { QuestionError } from './questions';
export { DIAGNOSTIC_CATALOGUE } from './diagnostics/catalogue';
export type { CatalogueEntry } from './diagnostics/catalogue';
export type { DiagnosticCode } from './diagnostics/catalogue';
export { DEFAULT_SETTINGS } from './model/settings';
