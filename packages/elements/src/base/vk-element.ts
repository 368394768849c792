import { LitElement } from 'lit'
import { safeDefine } from './safe-define'

/**
 * The base of every vereinskit element. `define` registers the element's tag together with the elements it
 * renders (`static dependencies`), so importing one define module is always enough, and a second copy of the SDK
 * on the page keeps the first registration instead of throwing.
 */
export class VkElement extends LitElement {
  /** Elements this one renders, by tag; registered with it. */
  static dependencies: Readonly<Record<string, typeof VkElement>> = {}

  /** Registers `tag` for this class, after its dependencies. */
  static define(tag: string): void {
    for (const [dependencyTag, dependency] of Object.entries(this.dependencies)) dependency.define(dependencyTag)
    safeDefine(tag, this)
  }

  override connectedCallback(): void {
    super.connectedCallback()
    // Registered under a tag of the page's own choosing (`customElements.define`), it still brings its dependencies.
    for (const [tag, dependency] of Object.entries((this.constructor as typeof VkElement).dependencies)) {
      if (!customElements.get(tag)) dependency.define(tag)
    }
  }
}
