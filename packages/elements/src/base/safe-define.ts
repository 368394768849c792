/** Registers a custom element unless the tag is taken, so two copies of the SDK on one page do not throw. */
export function safeDefine(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag)
  if (existing === undefined) customElements.define(tag, element)
  else if (existing !== element) console.warn(`<${tag}> is already defined by another copy of @vereinskit/elements; keeping that one.`)
}
