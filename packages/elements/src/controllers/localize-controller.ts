import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { resolveTranslation } from '../i18n/resolve-translation'
import type { Translation } from '../i18n/translation'

/**
 * Picks the host's translation from its own `lang`, else the closest ancestor's `lang`, else `<html lang>`, and
 * re-renders when the `lang` of the element, an ancestor or the document changes.
 */
export class LocalizeController implements ReactiveController {
  private observer: MutationObserver | undefined

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this)
  }

  /** The active translation. */
  get t(): Translation {
    return resolveTranslation(this.lang)
  }

  /** The language tag in effect. */
  get lang(): string {
    return this.host.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'de'
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.host.requestUpdate())
    // Any `lang` change in the document — on <html>, an ancestor or the element itself — may change ours.
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true })
  }

  hostDisconnected(): void {
    this.observer?.disconnect()
  }
}
