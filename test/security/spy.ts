/** For spies that call through to the real method. */

/** The real method, read off its object (a prototype), to call with the spied `this`. */
export function methodOf<T extends object, K extends keyof T>(target: T, key: K): T[K] {
  return target[key];
}
