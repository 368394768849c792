/**
 * The handbook's search examples (§4.1; docs/decisions/0000#d18–d21) as data: a field, an input, a stored value and
 * whether it is found. Core's tests and the PostgreSQL tests run the same table, so both searches are held to it.
 */
export interface SearchExample {
  readonly field: 'lastName' | 'firstName' | 'company' | 'street' | 'city' | 'phone'
  readonly input: string
  readonly value: string
  readonly wildcards: boolean
  readonly found: boolean
}

const w1: [string, string, boolean][] = [
  ['Muster%', 'Muster', true],
  ['Muster%', 'Mustermann', true],
  ['Muster%', 'Kleinmuster', false],
  ['%mann', 'Hoffmann', true],
  ['%mann', 'Mustermann', true],
  ['%mann', 'Hoffmanns', false],
  ['%mann', 'Mannheimer', false],
  ['%mann%', 'Hoffmanns', true],
  ['%mann%', 'Hermanning', true],
  ['%mann%', 'Muster', false],
  ['M%mann', 'Mustermann', true],
  ['M%mann', 'Meyermann', true],
  ['M%mann', 'Hoffmann', false],
  ['M%mann', 'Mustermanns', false],
  ['M%mann', 'Mann', false],
]

export const searchExamples: readonly SearchExample[] = [
  // W1: wildcards on (SucheWildcards = 1)
  ...w1.map(([input, value, found]) => ({ field: 'lastName' as const, input, value, wildcards: true, found })),
  { field: 'street', input: '%stra_e%', value: 'Hauptstraße 5', wildcards: true, found: true },
  { field: 'street', input: '%stra_e%', value: 'Hauptstrase', wildcards: true, found: true },
  { field: 'street', input: '%stra_e%', value: 'Hauptstrasse 5', wildcards: true, found: false },
  { field: 'street', input: '%stra_e%', value: 'Hauptstr. 5', wildcards: true, found: false },
  { field: 'city', input: 'M_nchen', value: 'München', wildcards: true, found: true },
  // Without a wildcard in the input, a field keeps its kind even when wildcards are on.
  { field: 'lastName', input: 'Muster', value: 'Mustermann', wildcards: true, found: true },
  // W2: wildcards off — begins-with for names, % and _ literal
  { field: 'lastName', input: 'Muster', value: 'Muster', wildcards: false, found: true },
  { field: 'lastName', input: 'Muster', value: 'Mustermann', wildcards: false, found: true },
  { field: 'lastName', input: 'Muster', value: 'Kleinmuster', wildcards: false, found: false },
  { field: 'lastName', input: 'Muster%', value: 'Mustermann', wildcards: false, found: false },
  { field: 'lastName', input: 'Muster%', value: 'Muster%mann', wildcards: false, found: true },
  { field: 'firstName', input: 'A_na', value: 'Anna', wildcards: false, found: false },
  { field: 'company', input: 'Muster', value: 'Muster GmbH', wildcards: false, found: true },
  // Streets and cities are contains fields (D18: the newer "Änderung!!!" rule wins).
  { field: 'street', input: 'Haupt', value: 'Hauptstraße 5', wildcards: false, found: true },
  { field: 'street', input: 'straße', value: 'Hauptstraße 5', wildcards: false, found: true },
  { field: 'city', input: 'furt', value: 'Frankfurt am Main', wildcards: false, found: true },
  // D20 folding: case, diacritics and ß/ss
  { field: 'lastName', input: 'muller', value: 'Müller', wildcards: false, found: true },
  { field: 'lastName', input: 'MÜLLER', value: 'Müller', wildcards: false, found: true },
  { field: 'lastName', input: 'Muller', value: 'Mueller', wildcards: false, found: false },
  { field: 'street', input: 'Strasse', value: 'Straße 1', wildcards: false, found: true },
  { field: 'street', input: 'Straße', value: 'Strasse 1', wildcards: false, found: true },
  { field: 'lastName', input: 'Gross', value: 'Groß', wildcards: true, found: true },
  { field: 'lastName', input: 'Gro_', value: 'Groß', wildcards: true, found: true },
  { field: 'lastName', input: 'Gro_', value: 'Gross', wildcards: true, found: false },
  { field: 'lastName', input: 'Łukasz', value: 'Lukasz', wildcards: false, found: true },
  { field: 'firstName', input: 'jose', value: 'José', wildcards: false, found: true },
  // W3: phone, digits only, contains
  { field: 'phone', input: '030123456', value: '030-123456', wildcards: true, found: true },
  { field: 'phone', input: '030', value: '030-123456', wildcards: true, found: true },
  { field: 'phone', input: '030', value: '089-103050', wildcards: true, found: true },
  { field: 'phone', input: '123456', value: '030-123456', wildcards: true, found: true },
  { field: 'phone', input: '030-123456', value: '030 / 12 34 56', wildcards: true, found: true },
  { field: 'phone', input: '0301', value: '089-103050', wildcards: true, found: false },
  // Nothing but % and _ is special: regex, LIKE escapes and SQL are plain text.
  { field: 'lastName', input: '.*', value: 'Muster', wildcards: true, found: false },
  { field: 'lastName', input: '.*', value: '.*stern', wildcards: true, found: true },
  { field: 'lastName', input: "O'Brien", value: "O'Brien", wildcards: true, found: true },
  { field: 'lastName', input: "' or 1=1 --", value: 'Muster', wildcards: true, found: false },
  { field: 'lastName', input: '\\%', value: 'Muster', wildcards: true, found: false },
  { field: 'lastName', input: '\\%', value: '\\%x', wildcards: false, found: true },
  { field: 'lastName', input: '[M]%', value: 'Muster', wildcards: true, found: false },
]
