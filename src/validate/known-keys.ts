/** The keys a mapping of the schema accepts, read off the schema itself. */
import { z } from 'zod';

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
