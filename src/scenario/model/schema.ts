/**
 * The builder and training fields of a scenario file: `model`, `data`, `loss` and `train`. The
 * cross-field checks (row widths, one output neuron, sizes) are the builder's, with positions.
 */
import * as z from 'zod';

export const LOSSES = ['sum_squared', 'mean_squared', 'hinge'] as const;
export const ACTIVATIONS = ['tanh', 'relu', 'linear'] as const;
export const LOSS_EXPECTATIONS = ['falls', 'decreases'] as const;

export const modelSchema = z
  .strictObject({
    mlp: z.array(z.int().min(1).max(4096)).min(2).optional().meta({
      description:
        'Layer sizes: inputs, then each layer of neurons. [3, 4, 4, 1] is MLP(3, [4, 4, 1]). One of mlp, layer, neuron.',
    }),
    layer: z
      .tuple([z.int().min(1).max(4096), z.int().min(1).max(4096)])
      .optional()
      .meta({
        description:
          "One layer: [inputs, neurons]. [3, 2] is micrograd's Layer(3, 2). One of mlp, layer, neuron.",
      }),
    neuron: z.int().min(1).max(4096).optional().meta({
      description:
        "One neuron with this many inputs: micrograd's Neuron(3). One of mlp, layer, neuron.",
    }),
    activation: z.enum(ACTIVATIONS).default('tanh').meta({
      description:
        "tanh: every neuron is tanh(Σ w·x + b), as in the lecture. relu: an mlp's hidden neurons are relu and its last layer is linear (micrograd's nn.MLP); a layer's or neuron's are relu (micrograd's default). linear: no activation.",
    }),
    seed: z
      .int()
      .default(0)
      .meta({ description: 'The seed of the weights (Python: random.seed(N)).' }),
    init: z.enum(['python']).default('python').meta({
      description:
        "python: each weight is Python's random.uniform(-1, 1) after random.seed(seed), in micrograd's creation order (layer by layer, neuron by neuron, its weights); biases are 0.",
    }),
  })
  .meta({ description: 'A multi-layer perceptron built as named nodes (see README: MLP names).' });

export const dataSchema = z
  .strictObject({
    x: z.array(z.array(z.number()).min(1)).min(1).meta({
      description: "One row of inputs per sample, as many numbers as the model's inputs.",
    }),
    y: z
      .array(z.union([z.number(), z.array(z.number()).min(1)]))
      .min(1)
      .meta({
        description:
          'One target per sample: a number for one output, a row of numbers (one per output neuron) for several.',
      }),
  })
  .meta({ description: 'The training samples of a model.' });

export const lossSchema = z.enum(LOSSES).meta({
  description:
    "sum_squared: Σ (h − y)² over samples and outputs; mean_squared: the same divided by the number of terms; hinge: the mean of relu(1 − y·h), as micrograd's demo.",
});

export const trainSchema = z
  .strictObject({
    params: z.array(z.string().min(1)).min(1).optional().meta({
      description:
        "The inputs gradient descent updates (default: a model's weights and biases; a graph's inputs).",
    }),
    lr: z.number().meta({ description: 'Learning rate: each update is p.data -= lr · p.grad.' }),
    steps: z.int().min(1).max(100000).meta({ description: 'How many iterations to run.' }),
    expect: z.enum(LOSS_EXPECTATIONS).optional().meta({
      description:
        'falls: the last iteration’s loss is below the first’s; decreases: every iteration’s loss is below the one before. check fails otherwise.',
    }),
  })
  .meta({
    description:
      'Gradient descent: each iteration runs forward, zeroes the grads, runs backward and updates every parameter.',
  });

export type ModelSpec = z.output<typeof modelSchema>;
export type DataSpec = z.output<typeof dataSchema>;
export type LossKind = z.output<typeof lossSchema>;
export type TrainSpec = z.output<typeof trainSchema>;
