export { breakpointPositions } from './breakpoint-marks.js';
export { parseBreakpoint } from './breakpoints.js';
export {
  correctGrad,
  gradMismatch,
  gradMismatches,
  gradsDiffer,
} from './compare.js';
export {
  type DerivativeFindings,
  derivativeChecksOf,
  derivativeFindings,
} from './derivatives.js';
export { advanceGradCheck, gradCheckOf, gradCheckStatus } from './gradcheck.js';
export { ledgerOf } from './ledger.js';
export { contributionArithmetic, narrate } from './narrate.js';
export { DEFAULT_PRECISION, formatNumber, formatValue, UNKNOWN } from './number-text.js';
export {
  agrees,
  DIFFERS_DATA,
  DIFFERS_GRAD,
  type ObservedMismatch,
  type ObservedReport,
} from './observed.js';
export { mismatchAt, observedMismatch, observedReportOf } from './observed-marks.js';
export {
  allowedError,
  askingQuestions,
  carryAnswers,
  isAwaited,
  isRight,
  revealedAt,
  scoreOf,
} from './predict.js';
export {
  iterationAt,
  type NodeFacts,
  nextPosition,
  nodeAt,
  nodeFacts,
  parseStep,
  phaseAt,
  previousPosition,
  receivingAt,
  scenarioOf,
  sessionBytes,
  shapeOf,
  stepName,
  type TimelineShape,
  type TrainingView,
  trainingOf,
} from './queries.js';
export { createSession, reduce } from './reduce.js';
export { isDataKnown, isGradKnown, stepAt, valueAt } from './steps.js';
export type {
  Action,
  Breakpoint,
  BreakpointHit,
  BreakpointKind,
  Condition,
  Contribution,
  ExpectResult,
  GradLedger,
  LedgerEntry,
  NodeCheck,
  NodeView,
  Phase,
  Position,
  Prediction,
  PredictionResult,
  Quiz,
  SessionOptions,
  SessionState,
  StepInfo,
  StepKeyAction,
  Transition,
} from './types.js';
export { resolveRef, type WalkthroughView, walkthroughAt } from './walkthrough.js';
export { stepWritingNode } from './writes.js';
