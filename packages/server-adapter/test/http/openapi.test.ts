import { describe, expect, it } from 'vitest'
import { Validator } from '@seriousme/openapi-schema-validator'
import { contract, listRoutes } from '@vereinskit/core/contract'
import { engines } from '../engines'
import { useServer } from './harness'

const [engine] = engines()

describe('the OpenAPI 3.1 document generated from the contract', () => {
  const server = useServer(engine!)

  it('is served by the handler and valid against the OpenAPI 3.1 schema', async () => {
    const response = await server.call('GET', '/openapi.json')
    expect(response.status).toBe(200)
    const validator = new Validator()
    const result = await validator.validate(response.json)
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('describes every route with its body, its answer and its error codes', async () => {
    const document = (await server.call('GET', '/openapi.json')).json
    let operations = 0
    for (const [name, route] of listRoutes(contract)) {
      const operation = document.paths[route.path.replace(/:([A-Za-z]+)/g, '{$1}')][route.method.toLowerCase()]
      expect(operation.operationId).toBe(name)
      if (route.body) expect(operation.requestBody.content['application/json'].schema).toBeTypeOf('object')
      expect(Object.keys(operation.responses)).toContain(String(route.status ?? 200))
      for (const code of route.errors) expect(JSON.stringify(operation.responses)).toContain(code)
      operations += 1
    }
    expect(operations).toBeGreaterThan(50)
    const submit = document.paths['/public/organisations/{organisationId}/applications'].post
    expect(submit.security).toEqual([])
    expect(submit.requestBody.content['application/json'].schema.properties.mandate).toBeDefined()
  })
})
