/**
 * A full garbage collection on request, for the moment after a big file is loaded: the loader's
 * scratch (the file's bytes, the name table of the fast path: 31 MB at a million nodes) is garbage
 * by then, but V8 frees large buffers only at a full collection, which nothing triggers before the
 * session allocates its own arrays beside them. Collected first, that memory is reused and the
 * peak is lower. Node exposes `gc` only under --expose-gc: the flag is set at run time and the
 * function taken from a new context. Where that fails, nothing happens (it is only an economy).
 */
let gc: (() => void) | null | undefined;

export async function collectGarbage(): Promise<void> {
  if (gc === undefined) {
    try {
      const [v8, vm] = await Promise.all([import('node:v8'), import('node:vm')]);
      v8.setFlagsFromString('--expose-gc');
      const found = vm.runInNewContext('gc');
      gc = typeof found === 'function' ? (found as () => void) : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
