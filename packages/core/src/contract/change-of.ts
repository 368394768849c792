import * as z from 'zod'

type ChangeShape<S extends z.ZodRawShape> = {
  [K in keyof S]: z.ZodOptional<z.ZodType<z.output<S[K]>, z.input<S[K]>>>
}

/**
 * The PATCH body of an object schema: every field optional and without its default — a partial with defaults
 * would silently reset the fields not sent — and unknown fields refused.
 */
export function changeOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>): z.ZodObject<ChangeShape<S>, z.core.$strict> {
  return z.strictObject(
    Object.fromEntries(
      Object.entries(schema.shape).map(([key, field]) => [
        key,
        (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional(),
      ]),
    ) as ChangeShape<S>,
  )
}
