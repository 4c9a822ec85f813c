/** `check --json`: one object per file, the checked scenario or the problems that stopped it. */
import { type Diagnostic, type DiagnosticJson, diagnosticToJson } from '../scenario/index.js';
import { correctGrad, shapeOf } from '../session/index.js';
import type { Analysis } from './analyze.js';
import { type DerivativeJson, derivativesJson } from './derivative-report.js';
import {
  graphValues,
  type JsonNode,
  nodesJson,
  type OutputJson,
  outputJson,
} from './graph-json.js';
import { type JsonNumber, jsonNumber } from './json-number.js';
import { type ObservedJson, observedJson } from './observed-report.js';

export interface CheckJson {
  readonly file: string;
  readonly ok: boolean;
  /** The backward algorithm run; null when the file did not load. */
  readonly mode: string | null;
  /** Nodes whose grad differs from the correct run's (a wrong mode's finding). */
  readonly mismatches: readonly number[];
  /** Each derivative written for the scenario's own ops, checked at each node using it. */
  readonly derivatives: readonly DerivativeJson[];
  readonly output: OutputJson | null;
  readonly nodes: readonly JsonNode[];
  readonly gradcheck: {
    readonly checked: number;
    readonly total: number;
    readonly maxRelError: JsonNumber;
    readonly failed: readonly {
      readonly id: number;
      readonly analytic: JsonNumber;
      readonly numeric: JsonNumber;
      readonly relError: JsonNumber;
    }[];
    readonly skipped: readonly number[];
  } | null;
  /** The `observed:` block against gradstep's values; null when the file has none. */
  readonly observed: ObservedJson | null;
  readonly diagnostics: readonly DiagnosticJson[];
  /** With training: the loss of each iteration's forward pass. */
  readonly loss?: readonly JsonNumber[];
  readonly lossExpect?: { readonly expect: string; readonly ok: boolean } | null;
}

/** The `--json` line of one file: a checked scenario, or the problems that stopped it. */
export function checkJson(
  file: string,
  analysis: Analysis | undefined,
  problems: readonly Diagnostic[],
): CheckJson {
  const diagnostics = problems.map(diagnosticToJson);
  if (analysis === undefined) {
    return {
      file,
      ok: false,
      mode: null,
      mismatches: [],
      derivatives: [],
      output: null,
      nodes: [],
      gradcheck: null,
      observed: null,
      diagnostics,
    };
  }
  const { training } = analysis;
  return {
    ...checkedJson(file, analysis, diagnostics),
    ...(training === undefined
      ? {}
      : {
          loss: training.losses.map(jsonNumber),
          lossExpect:
            training.expect === undefined ? null : { expect: training.expect, ok: training.ok },
        }),
  };
}

function checkedJson(
  file: string,
  analysis: Analysis,
  diagnostics: readonly DiagnosticJson[],
): CheckJson {
  const { scenario, gradcheck, session } = analysis;
  const wrong = shapeOf(session).mode !== 'correct';
  const values = {
    ...graphValues(scenario),
    ...(wrong ? { correctGrad: (id: number) => correctGrad(session, id) ?? null } : {}),
  };
  return {
    file,
    ok: analysis.exitCode === 0,
    mode: shapeOf(session).mode,
    mismatches: analysis.mismatches,
    derivatives: derivativesJson(analysis),
    output: outputJson(scenario, values),
    nodes: nodesJson(scenario, values),
    gradcheck: {
      checked: gradcheck.checked,
      total: gradcheck.total,
      maxRelError: jsonNumber(gradcheck.maxRelError),
      failed: gradcheck.failed.map((f) => ({
        id: f.id,
        analytic: jsonNumber(f.analytic),
        numeric: jsonNumber(f.numeric),
        relError: jsonNumber(f.relError),
      })),
      skipped: gradcheck.skipped,
    },
    observed: analysis.observed === undefined ? null : observedJson(scenario, analysis.observed),
    diagnostics,
  };
}
