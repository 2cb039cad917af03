/**
 * Keeping the algorithm select and the header text's "alg" in step, both ways,
 * without reformatting what the user wrote.
 */
import { isJsonObject, parseJsonText, setMember } from './json-text';

/** The header's alg when the text is a JSON object with a string alg; otherwise undefined. */
export function headerAlgOf(headerText: string): string | undefined {
  const parsed = parseJsonText(headerText);
  if (!parsed.ok || !isJsonObject(parsed.value)) return undefined;
  const alg = parsed.value.alg;
  return typeof alg === 'string' ? alg : undefined;
}

/**
 * The header text with its alg set. Valid JSON is edited in place (alg added
 * first when missing); text that does not parse yet has a lone `"alg": "…"`
 * replaced when there is exactly one, and is otherwise left as typed.
 */
export function withHeaderAlg(headerText: string, alg: string): string {
  const edited = setMember(headerText, 'alg', alg, 'first');
  if (edited.ok) return edited.text;
  const pattern = /("alg"\s*:\s*)"(?:[^"\\\n]|\\.)*"/g;
  const matches = headerText.match(pattern);
  if (matches?.length === 1) return headerText.replace(pattern, (_whole, prefix: string) => `${prefix}${JSON.stringify(alg)}`);
  return headerText;
}
