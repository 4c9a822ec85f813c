import { sortDiagnostics } from './diagnostic-text.js';
import type { Diagnostic, Scenario, Source, Span } from './types.js';

export type LoadResult =
  | { readonly ok: true; readonly scenario: Scenario; readonly diagnostics: Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/** Collects the diagnostics of one source, in any order; they are sorted when read. */
export class Report {
  private readonly list: Diagnostic[] = [];
  hasErrors = false;

  constructor(readonly source: Source) {}

  add(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) {
      this.list.push(d);
      if (d.severity === 'error') this.hasErrors = true;
    }
  }

  error(
    span: Span,
    message: string,
    hint?: string,
    severity: Diagnostic['severity'] = 'error',
  ): void {
    this.add([{ severity, source: this.source, ...span, message, hint }]);
  }

  sorted(): Diagnostic[] {
    return sortDiagnostics(this.list);
  }

  result(): LoadResult {
    return { ok: false, diagnostics: this.sorted() };
  }
}
