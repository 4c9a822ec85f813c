import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, scenarioJsonSchema } from '../../src/scenario/index.js';

const FILE = join(import.meta.dirname, '../../scenarios/schema.json');
const generated = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;

describe('scenarios/schema.json', () => {
  it('is the JSON Schema generated from the validating schema', () => {
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(FILE, generated);
    const published = readFileSync(FILE, 'utf8');
    expect(
      published === generated,
      'scenarios/schema.json is out of date: run UPDATE_SCHEMA=1 npx vitest run test/scenario/schema.test.ts',
    ).toBe(true);
  });

  it('describes the fields a scenario has', () => {
    const schema = scenarioJsonSchema() as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, unknown>;
    };
    expect(schema.required.sort()).toEqual(['title']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual([
      '$schema',
      'title',
      'description',
      'graph',
      'model',
      'data',
      'loss',
      'output',
      'train',
      'ops',
      'mode',
      'walkthrough',
      'observed',
    ]);
  });

  it('accepts the $schema key editors use to find it', () => {
    const text = '{"$schema": "./schema.json", "title": "t", "graph": "x = 1.0\\ny = x * 2"}';
    expect(loadScenario({ name: 'j.json', text }).diagnostics).toEqual([]);
  });
});
