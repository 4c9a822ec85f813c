/**
 * What may reach past the neighbouring layer, by name, and why. A layer imports its neighbour
 * (engine <- scenario <- session <- ui <- cli) and types from any layer below; a value from a
 * layer further down must be listed here. A new name fails test/architecture.test.ts: pass it
 * through the neighbour, or add it here with its reason.
 */

export interface Reach {
  readonly names: readonly string[];
  readonly why: string;
}

export const REACH: Readonly<Record<string, readonly Reach[]>> = {
  'session>engine': [
    {
      names: [
        'forward',
        'backward',
        'backwardStep',
        'undoBackwardStep',
        'localDerivative',
        'runBackwardProgram',
      ],
      why: 'the session runs the graph: the forward pass, the one chain-rule kernel, a mode pass',
    },
    {
      names: ['GradCheckRun', 'checkWrittenDerivatives', 'downstreamOfWrong'],
      why: "the session keeps the engine's checks of its graph, computed once (in slices or not)",
    },
    { names: ['OpCode'], why: 'leaves (input, constant) have no step' },
  ],
  'ui>scenario': [
    {
      names: ['printable', 'styleCode', 'styleCodeAt', 'withoutStyles', 'cut'],
      why: "a scenario's own text (titles, names) is made safe and cut to fit by scenario's rules",
    },
    { names: ['painter', 'inStyle'], why: 'one painter with named styles for every pane and cli' },
    { names: ['lineColumn'], why: 'a reload error names the line and column in the file' },
    {
      names: ['GIVEN_DATA', 'GIVEN_GRAD'],
      why: "the inspector shows which of the user's observed values the file gives",
    },
  ],
  'ui>engine': [{ names: ['opLabel'], why: 'graph boxes are labelled as the engine names ops' }],
  'cli>scenario': [
    {
      names: [
        'loadScenario',
        'formatDiagnostic',
        'diagnosticToJson',
        'fileDiagnostic',
        'lineColumn',
      ],
      why: 'cli reads files: it loads them and reports their diagnostics at the edge',
    },
    {
      names: ['printable', 'styleCode', 'painter', 'cut', 'safeJson', 'suggest', 'resolveNode'],
      why: 'text and JSON output (one painter), did-you-mean for options, --answers naming nodes',
    },
    { names: ['readNumber'], why: "--set values follow the scenario's number rule" },
  ],
  'cli>engine': [
    {
      names: ['BACKWARD_MODES', 'DEFAULT_GRADCHECK_BUDGET', 'OpCode', 'opLabel', 'firstNonFinite'],
      why: 'option choices and defaults, and the graph as check and export print it',
    },
  ],
  'cli>session': [
    {
      names: ['createSession', 'reduce', 'askingQuestions', 'scenarioOf', 'shapeOf', 'trainingOf'],
      why: 'check, replay and export walk sessions headlessly, without the TUI',
    },
    {
      names: [
        'stepName',
        'parseStep',
        'nextPosition',
        'valueAt',
        'nodeFacts',
        'correctGrad',
        'gradsDiffer',
        'narrate',
        'walkthroughAt',
        'scoreOf',
        'allowedError',
      ],
      why: 'replay transcripts and the HTML page write what a session shows, step by step',
    },
    {
      names: [
        'gradCheckOf',
        'gradMismatches',
        'derivativeFindings',
        'observedReportOf',
        'parseBreakpoint',
        'DIFFERS_DATA',
        'DIFFERS_GRAD',
      ],
      why: "check's report: the session's verdicts, and --break specs parsed by session's rules",
    },
    {
      names: ['formatNumber', 'formatValue', 'DEFAULT_PRECISION'],
      why: 'numbers are written as the TUI writes them',
    },
  ],
};
