// The engine's only public door. Callers (the worker, the command line, tests) import from here.
export type * from './types';
export type * from './trace/types';
export type * from './dns/types';
export type * from './policy/types';
export { simulate } from './simulate';
export { endpoints, validate } from './questions';
export type { QuestionError } from './questions';
export { ask } from './ask';
export type { Question, Answer, AnswerOf } from './ask';
export { trace, sendMany } from './trace/trace';
export { dns } from './dns/dns';
export { reach, matrix } from './policy/reach';
export { isQuestionError } from './model/refs';
export { DIAGNOSTIC_CATALOGUE } from './diagnostics/catalogue';
export type { CatalogueEntry } from './diagnostics/catalogue';
export type { DiagnosticCode } from './diagnostics/catalogue';
export { DEFAULT_SETTINGS, PROXY_MODES, IPVS_SCHEDULERS, NETWORK_PLUGINS } from './model/settings';
