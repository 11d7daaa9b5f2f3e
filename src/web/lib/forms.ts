/**
 * Forms validated by the same zod schemas as the server (src/shared/**.schema.ts): per-field antd rules
 * for immediate feedback, a whole-schema parse on submit (for cross-field rules such as "passwords
 * match"), and server field errors mapped back onto the fields.
 */
import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { z } from '../../shared/zod';
import { ApiError } from './api';

/**
 * An antd rule that runs one field's zod schema and shows its (Vietnamese) message. `toApi` turns the
 * widget's value into what the API carries (a picked day into `yyyy-mm-dd`, say); by default an empty
 * input counts as missing. A missing value is left to the `required` rule (`zodRules` adds it), whose
 * message names the field ("Họ và tên là bắt buộc") where zod could only say "phải là chuỗi ký tự".
 */
export function zodRule(schema: z.ZodType, toApi: (value: unknown) => unknown = emptyToUndefined): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const apiValue = toApi(value);
      if (apiValue === undefined || apiValue === null) return;
      const result = schema.safeParse(apiValue);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '');
    },
  };
}

export function emptyToUndefined(value: unknown): unknown {
  return value === '' || value === null ? undefined : value;
}

/** An optional text input: empty means null (the API's "no value"). */
export function emptyToNull(value: unknown): unknown {
  return value === '' || value === undefined
    ? null
    : typeof value === 'string' && value.trim() === ''
      ? null
      : value;
}

/**
 * Rules for every key of an object schema's shape: `required` when the schema refuses a missing value,
 * then the schema itself. `toApi` per field as in `zodRule`.
 */
export function zodRules<S extends z.ZodObject>(
  schema: S,
  toApi: { [K in keyof S['shape']]?: (value: unknown) => unknown } = {},
): { [K in keyof S['shape']]: Rule[] } {
  const rules = {} as Record<string, Rule[]>;
  for (const [key, field] of Object.entries(schema.shape)) {
    const convert = (toApi as Record<string, ((v: unknown) => unknown) | undefined>)[key] ?? emptyToUndefined;
    const fieldSchema = field as z.ZodType;
    const required = !fieldSchema.safeParse(convert(undefined)).success;
    rules[key] = required
      ? [{ required: true }, zodRule(fieldSchema, convert)]
      : [zodRule(fieldSchema, convert)];
  }
  return rules as { [K in keyof S['shape']]: Rule[] };
}

/**
 * Parses the values with the schema; on failure marks the fields and returns null. Issues without a
 * matching field are returned in `formError`.
 */
export function parseForm<S extends z.ZodType>(
  form: FormInstance,
  schema: S,
  values: unknown,
): { data: z.infer<S>; formError?: undefined } | { data: null; formError: string | undefined } {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data };
  const known = new Set(Object.keys((form.getFieldsValue() ?? {}) as object));
  const byField = new Map<string, string>();
  let formError: string | undefined;
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '');
    if (name && known.has(name)) {
      if (!byField.has(name)) byField.set(name, issue.message);
    } else {
      formError ??= issue.message;
    }
  }
  form.setFields([...byField].map(([name, message]) => ({ name, errors: [message] })));
  return { data: null, formError };
}

/**
 * Puts a server error's field messages onto the form fields. Returns the message to show above the form,
 * or undefined when every field error found its field and nothing else needs saying.
 */
export function applyApiError(form: FormInstance, error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const known = new Set(Object.keys((form.getFieldsValue() ?? {}) as object));
  const placed: { name: string; errors: string[] }[] = [];
  for (const [key, message] of Object.entries(error.fields)) {
    const name = key.split('.')[0] ?? key;
    if (known.has(name)) placed.push({ name, errors: [message] });
  }
  if (placed.length) form.setFields(placed);
  return error.message;
}
