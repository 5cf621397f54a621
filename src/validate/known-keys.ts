/** The keys a mapping of the schema accepts, read off the schema itself. */
import * as z from 'zod';

export function knownKeysOf(schema: z.ZodType): (path: readonly PropertyKey[]) => readonly string[] {
  return (path) => {
    let node: z.ZodType | undefined = unwrap(schema);
    for (const segment of path) {
      if (node instanceof z.ZodArray && typeof segment === 'number') {
        const element: unknown = node.element;
        node = element instanceof z.ZodType ? unwrap(element) : undefined;
      } else if (node instanceof z.ZodObject && typeof segment === 'string') {
        const child: unknown = node.shape[segment];
        node = child instanceof z.ZodType ? unwrap(child) : undefined;
      } else return [];
    }
    return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
  };
}

/** Every key of every mapping of the schema: the words before which `key:3` is a missing space. */
export function allKeysOf(schema: z.ZodType): Set<string> {
  const keys = new Set<string>();
  const walk = (node: z.ZodType): void => {
    const inner = unwrap(node);
    if (inner instanceof z.ZodArray) {
      const element: unknown = inner.element;
      if (element instanceof z.ZodType) walk(element);
    } else if (inner instanceof z.ZodObject) {
      for (const [key, child] of Object.entries(inner.shape)) {
        keys.add(key);
        if (child instanceof z.ZodType) walk(child);
      }
    }
  };
  walk(schema);
  return keys;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const inner: unknown =
      current instanceof z.ZodOptional || current instanceof z.ZodDefault
        ? current.unwrap()
        : current instanceof z.ZodPipe
          ? current.in
          : undefined;
    if (!(inner instanceof z.ZodType)) return current;
    current = inner;
  }
}
