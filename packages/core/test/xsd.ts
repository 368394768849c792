import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { validateXML } from 'xmllint-wasm'

const fixtures = fileURLToPath(new URL('./fixtures/sepa/', import.meta.url))

/** A file of the SEPA fixtures (test/fixtures/sepa: official XSDs and bank samples). */
export function sepaFixture(path: string): string {
  return readFileSync(`${fixtures}${path}`, 'utf8')
}

/** Validates XML against one of the official schemas with libxml2 (xmllint-wasm); returns the error messages. */
export async function xsdErrors(xml: string, schema: 'pain.008.001.08.xsd' | 'pain.008.001.08_GBIC_5.xsd' | string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'file.xml', contents: xml }],
    schema: [{ fileName: schema, contents: sepaFixture(`xsd/${schema}`) }],
  })
  return result.valid ? [] : result.errors.map((e) => e.message)
}
