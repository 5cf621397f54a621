/** Reading plain data whose shape is not known yet (parsed JSON or YAML) without `any`. */

/** `value[key]` when `value` is an object that has `key` as its own property; undefined otherwise. */
export function field(value: unknown, key: PropertyKey): unknown {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
  const read: unknown = Reflect.get(value, key);
  return read;
}
