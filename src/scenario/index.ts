export {
  type DiagnosticJson,
  type DiagnosticsFormatOptions,
  diagnosticToJson,
  type FormatOptions,
  fileDiagnostic,
  formatDiagnostic,
  formatDiagnostics,
  MAX_DIAGNOSTICS,
  sortDiagnostics,
} from './diagnostic-text.js';
export type { Expr, LocalDiagnostic, Statement } from './expression/index.js';
export { type NumberProblem, parseCondition, printExpr, readNumber } from './expression/index.js';
export { type LoadOptions, type LoadResult, loadScenario } from './load.js';
export { GIVEN_DATA, GIVEN_GRAD } from './observed.js';
export { inStyle, type Painter, painter, type StyleName } from './paint.js';
export { DEFAULT_PREDICTION_TOLERANCE } from './predict.js';
export {
  printable,
  STYLE_CODES,
  safeJson,
  styleCode,
  styleCodeAt,
  withoutStyles,
} from './printable.js';
export { cut, makeScenario, type ScenarioParts } from './scenario.js';
export {
  type ScenarioFile,
  scenarioFileSchema,
  scenarioJsonSchema,
} from './schema.js';
export { type LineColumn, lineColumn, lineText } from './source.js';
export {
  type Phase,
  type StepLookup,
  StepModel,
  type StepModelOptions,
} from './step-model.js';
export { parseStepName, positionOf, stepName } from './step-names.js';
export { suggest } from './suggest.js';
export type {
  CustomOpInfo,
  Diagnostic,
  Expectation,
  NeuronInfo,
  Observed,
  PredictSpec,
  RelatedLocation,
  Scenario,
  Source,
  Span,
  StepRef,
  Training,
  WalkthroughItem,
} from './types.js';
export { parseStepText, resolveNode, STEP_PATTERN, type StepText } from './walkthrough.js';
