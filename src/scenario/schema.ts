/**
 * The shape of a scenario file, as one zod schema: it validates files and is published as
 * `scenarios/schema.json` for editors. Messages are written by the file layer (issues.ts); the
 * checks that zod cannot phrase well (step syntax, `data` or `grad`) are refinements that carry
 * their own message and hint.
 */
import * as z from 'zod';
import { BACKWARD_MODES } from '../engine/index.js';
import { dataSchema, lossSchema, modelSchema, trainSchema } from './model/schema.js';
import { DEFAULT_PREDICTION_TOLERANCE } from './predict.js';
import { parseStepText, STEP_PATTERN } from './walkthrough.js';

/** Default tolerance of an `expect`, relative and absolute. */
const DEFAULT_TOLERANCE = 1e-9;

/** Extra facts a refinement passes to the diagnostic: a hint, and whether to point at the key. */
export interface IssueParams {
  readonly hint?: string;
  readonly at?: 'key' | 'value';
}

const step = z
  .string()
  .superRefine((text, ctx) => {
    const parsed = parseStepText(text);
    if (parsed.ok) return;
    const params: IssueParams = { hint: parsed.hint };
    ctx.addIssue({ code: 'custom', message: parsed.message, params });
  })
  .meta({
    pattern: STEP_PATTERN.source,
    description:
      "The step an item is attached to: start, end, F<n>, B<n>, B'<n> (double-backward's second " +
      'pass), U<n> (an update), I<n> or I<n>.B<n> (a training iteration, a step in it), ' +
      'forward:NODE or backward:NODE (NODE is a name or #ID).',
  });

const expectation = z
  .strictObject({
    node: z
      .string()
      .min(1)
      .meta({ description: "A node name, or '#ID' (quoted) for an unnamed node." }),
    data: z.number().optional().meta({ description: "The node's expected data." }),
    grad: z.number().optional().meta({ description: "The node's expected grad." }),
    tol: z.number().nonnegative().default(DEFAULT_TOLERANCE).meta({
      description: 'Passes when |actual - expected| <= tol + tol * |expected|.',
    }),
  })
  .superRefine((e, ctx) => {
    if (e.data !== undefined && e.grad !== undefined) {
      const params: IssueParams = { at: 'key', hint: 'Write one expect per item.' };
      ctx.addIssue({
        code: 'custom',
        message: "An expect takes 'data' or 'grad', not both.",
        path: ['grad'],
        params,
      });
    } else if (e.data === undefined && e.grad === undefined) {
      const params: IssueParams = { hint: 'For example: {node: x, grad: 12}' };
      ctx.addIssue({ code: 'custom', message: "An expect needs 'data' or 'grad'.", params });
    }
  })
  .meta({
    description: 'A value the node must have once the step has run: exactly one of data or grad.',
    oneOf: [{ required: ['data'] }, { required: ['grad'] }],
  });

/** `grad` or `data` written bare (`{ node: x, grad }`, YAML's null) or as `true`. */
const which = z
  .union([z.null(), z.literal(true)])
  .optional()
  .meta({ description: 'Write the key alone (`{ node: x1, grad }`) or with true.' });

const prediction = z
  .strictObject({
    node: z
      .string()
      .min(1)
      .meta({ description: "A node name, or '#ID' (quoted) for an unnamed node." }),
    data: which,
    grad: which,
    tol: z
      .number()
      .nonnegative()
      .optional()
      .meta({
        description: `Relative tolerance of a right answer (default ${DEFAULT_PREDICTION_TOLERANCE}); never tighter than 1e-6 absolute.`,
      }),
    hint: z.string().optional().meta({ description: 'Shown with the question.' }),
  })
  .superRefine((p, ctx) => {
    if ((p.data === undefined) === (p.grad === undefined)) {
      const params: IssueParams = { hint: 'For example: {node: x1, grad}' };
      ctx.addIssue({ code: 'custom', message: "A predict takes 'data' or 'grad' (one).", params });
    }
  })
  .meta({
    description:
      'A question for the learner: the value of one node, asked just before the step that settles it ' +
      '(its forward step for data; its last contribution, or B0 for the output, for grad).',
    oneOf: [{ required: ['data'] }, { required: ['grad'] }],
  });

export const walkthroughItem = z
  .strictObject({
    at: step.optional(),
    predict: prediction.optional(),
    say: z
      .string()
      .optional()
      .meta({ description: 'Narration shown when the cursor reaches the step.' }),
    expect: expectation.optional(),
    pause: z.boolean().default(false).meta({ description: 'Autoplay stops here.' }),
  })
  .meta({ anyOf: [{ required: ['at'] }, { required: ['predict'] }] });

/** A value your own code computed: a number, or 'nan', 'inf', '-inf' (JSON has no such numbers). */
const observedValue = z.union([z.number(), z.enum(['nan', 'inf', '-inf'])]);

const observedNode = z
  .strictObject({
    data: observedValue
      .optional()
      .meta({ description: "The node's data as your code computed it." }),
    grad: observedValue
      .optional()
      .meta({ description: 'The grad your own backward() left on the node.' }),
    op: z.string().optional().meta({
      description:
        'An op the exporter did not know: the node is an input holding its observed data.',
    }),
  })
  .meta({ description: 'One node as your own code left it.' });

export const observedBlock = z
  .strictObject({
    tol: z.number().nonnegative().default(DEFAULT_TOLERANCE).meta({
      description: 'A value agrees when |yours - correct| <= tol + tol * |correct|.',
    }),
    nodes: z.record(z.string(), observedNode).meta({
      description: "Node name (or '#ID') -> the data and grad your code computed for it.",
    }),
  })
  .meta({
    description:
      "Values computed by your own code (gradstep_export.py writes them): 'gradstep check' compares them with gradstep's.",
  });

const argName = z.string().meta({ description: 'An argument name.' });

export const customOp = z
  .strictObject({
    args: z.array(argName).min(1).max(2).meta({
      description: "The op's arguments in call order: one or two (a node has at most two inputs).",
    }),
    forward: z.string().meta({
      description: 'The result: an expression over the arguments, numbers and the functions.',
    }),
    grad: z.record(z.string(), z.union([z.string(), z.number()])).meta({
      description:
        'For each argument, d out / d argument: an expression over the arguments, numbers, the functions and out (the result).',
    }),
  })
  .meta({
    description: 'An op of your own with the derivatives you wrote; the grad check checks them.',
  });

export const scenarioFileSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Where editors find this schema.' }),
    title: z.string().min(1).meta({ description: 'One line naming the scenario.' }),
    description: z.string().optional().meta({ description: 'What the scenario teaches.' }),
    graph: z.string().optional().meta({
      description:
        'The program: one `name = expression` statement a line; `# comments`; `name = 2.0` declares an input. Required unless a model builds the graph.',
    }),
    model: modelSchema.optional(),
    data: dataSchema.optional(),
    loss: lossSchema.optional(),
    output: z.string().min(1).optional().meta({
      description:
        "The node backward starts from (default: the last assigned name; a model's: loss).",
    }),
    train: trainSchema.optional(),
    ops: z.record(z.string(), customOp).optional().meta({
      description: 'Ops of your own, by name, called in the graph like the built-in functions.',
    }),
    mode: z.enum(BACKWARD_MODES).optional().meta({
      description:
        "The backward algorithm run by default: correct, or one of micrograd's classic bugs (overwrite: = instead of +=; no-topo: recursion without a topological sort; double-backward: two passes without zeroing). --mode overrides it.",
    }),
    walkthrough: z
      .array(walkthroughItem)
      .superRefine((items, ctx) => {
        items.forEach((item, i) => {
          if (item.at !== undefined || item.predict !== undefined) return;
          // Only a predict may leave `at` out: the step that settles its value is implied.
          const message = `Missing required field 'at' in walkthrough item ${i + 1}.`;
          ctx.addIssue({ code: 'custom', message, path: [i] });
        });
      })
      .optional(),
    observed: observedBlock.optional(),
  })
  .meta({ title: 'gradstep scenario', description: 'A scalar autograd graph to step through.' });

export type ScenarioFile = z.output<typeof scenarioFileSchema>;

/** The fields a mapping at `path` may have, for unknown-field hints. */
export function fieldsAt(path: readonly PropertyKey[]): string[] {
  if (path[0] === 'observed')
    return Object.keys(path.length === 1 ? observedBlock.shape : observedNode.shape);
  const nested: Record<string, { shape: object }> = {
    model: modelSchema,
    data: dataSchema,
    train: trainSchema,
    ops: customOp,
  };
  const shape =
    path.length === 0
      ? scenarioFileSchema.shape
      : typeof path[0] === 'string' && path[0] in nested
        ? nested[path[0]].shape
        : path.length === 2
          ? walkthroughItem.shape
          : path[2] === 'predict'
            ? prediction.shape
            : expectation.shape;
  return Object.keys(shape);
}

/** The JSON Schema published as `scenarios/schema.json`. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioFileSchema, { io: 'input' }) as Record<string, unknown>;
}
