// The language switch of both pages: the components follow <html lang>.
for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => (document.documentElement.lang = button.dataset.lang))
}
