export {
  backward,
  backwardOrder,
  dependencyMask,
  firstNonFinite,
  forward,
} from './autograd.js';
export {
  backwardStep,
  localDerivative,
  type UndoRecord,
  undoBackwardStep,
} from './chain-rule.js';
export {
  checkWrittenDerivatives,
  type DerivativeCheck,
  downstreamOfWrong,
} from './derivative-check.js';
export {
  DEFAULT_GRADCHECK_BUDGET,
  type GradCheckBudget,
  type GradCheckReport,
  GradCheckRun,
  type GradCheckStatus,
  gradCheck,
  type NodeCheck,
} from './gradcheck.js';
export { Graph } from './graph.js';
export {
  BACKWARD_MODES,
  type BackwardMode,
  type BackwardProgram,
  backwardProgram,
  MAX_MODE_STEPS,
  MODE_SUMMARY,
  modeProblem,
  noTopoVisits,
  runBackwardProgram,
} from './modes.js';
export { opLabel } from './op-label.js';
export { FUNCTIONS, type LocalDerivative, OPS, OpCode, type OpSpec, opSpec } from './ops.js';
