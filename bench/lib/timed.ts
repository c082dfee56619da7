/** Milliseconds spent inside functions, by name: where the pipeline's time goes. */
export class Stopwatch {
  readonly ms: Record<string, number> = {};
  readonly calls: Record<string, number> = {};

  private add(name: string, t0: number): void {
    this.ms[name] = (this.ms[name] ?? 0) + performance.now() - t0;
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }

  /** A synchronous function, timed on each call (its time is CPU time on this thread). */
  sync<A extends unknown[], R>(name: string, fn: (...args: A) => R): (...args: A) => R {
    return (...args) => {
      const t0 = performance.now();
      try {
        return fn(...args);
      } finally {
        this.add(name, t0);
      }
    };
  }

  /** Every method of an object that returns a promise, timed from call to settlement (waiting included). */
  methods<T extends object>(target: T, prefix: string): T {
    return new Proxy(target, {
      get: (obj, key, receiver) => {
        const value = Reflect.get(obj, key, receiver);
        if (typeof value !== 'function' || typeof key !== 'string') return value;
        return (...args: unknown[]) => {
          const t0 = performance.now();
          const out = value.apply(obj, args);
          if (!(out instanceof Promise)) return out;
          return out.finally(() => this.add(`${prefix}.${key}`, t0));
        };
      },
    });
  }

  reset(): void {
    for (const k of Object.keys(this.ms)) delete this.ms[k];
    for (const k of Object.keys(this.calls)) delete this.calls[k];
  }
}
