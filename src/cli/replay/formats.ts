/** `replay --format`: every transcript format, what it is, and how it is made. */
import type { Scenario } from '../../scenario/index.js';
import type { SessionState } from '../../session/index.js';
import type { Registry } from '../output-format.js';
import { jsonFormat } from './json.js';
import { markdownFormat } from './markdown.js';
import { textFormat } from './text.js';
import type { TranscriptFormat } from './writer.js';

export interface TranscriptInput {
  readonly file: string;
  readonly scenario: Scenario;
  /** The session at start, as the transcript begins. */
  readonly session: SessionState;
  /** gradstep's version, for the JSON header. */
  readonly version: string;
  readonly precision: number | undefined;
  /** `--for students`: the handout without expects or an answer key. */
  readonly forStudents: boolean;
}

export const REPLAY_FORMATS = {
  text: {
    describe: 'a plain transcript, the default',
    render: (input: TranscriptInput) => textFormat(input.scenario, input.file, input.precision),
  },
  markdown: {
    describe: 'a handout',
    render: (input: TranscriptInput) =>
      markdownFormat(input.scenario, input.precision, input.forStudents),
  },
  json: {
    describe: 'JSON Lines',
    render: (input: TranscriptInput) => jsonFormat(input),
  },
} as const satisfies Registry<TranscriptInput, TranscriptFormat>;

export type ReplayFormat = keyof typeof REPLAY_FORMATS;
