/**
 * V8 tuning for a command that runs its code once and exits (`check`). V8 optimizes a function
 * with TurboFan on a background thread once it has spent its interrupt budget (about 132 KB of
 * bytecode run); in a process that lives half a second, many of those compilations finish too
 * late to pay back, and on a machine whose cores are busy they take CPU time from the main thread.
 * Twice the budget optimizes only what stays hot: the 65k-node MLP's `check` took 0.54 s of CPU
 * and now 0.44 (A/B, 7 runs each, load 4.8); a 1e6-node chain's is unchanged (its loops still get
 * optimized early in their millions of iterations). Functions run for the first time after this
 * call get the new budget, which is all of check's work: the modules are only compiled by then.
 */
export async function tuneForShortRun(): Promise<void> {
  try {
    const v8 = await import('node:v8');
    v8.setFlagsFromString('--interrupt-budget=262144');
  } catch {
    // Only an economy.
  }
}
