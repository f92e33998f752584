/**
 * A table wider than a phone scrolls sideways inside its own box (antd's `.ant-table-content` /
 * `.ant-table-body`); a keyboard user, or a switch on a phone's screen reader, reaches that box only if it can
 * take the focus (WCAG 2.1.1; axe `scrollable-region-focusable`). antd gives no prop for it, so every such box
 * the page shows gets `tabindex="0"` as it appears — for every table of every page at once.
 */
const SCROLLERS = '.ant-table-content, .ant-table-body';

function mark(root: ParentNode) {
  for (const box of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
    if (!box.hasAttribute('tabindex')) box.tabIndex = 0;
  }
}

/** Starts marking (the signed-in shell calls it once); returns the function that stops it. */
export function makeScrollersFocusable(root: HTMLElement = document.body): () => void {
  mark(root);
  const observer = new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (!(node instanceof HTMLElement)) continue;
        if (node.matches(SCROLLERS) && !node.hasAttribute('tabindex')) node.tabIndex = 0;
        mark(node);
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
